/**
 * nest.random, GetConnections / SynapseCollection and noise_generator through the Python `nest`
 * facade (Pyodide in Node). Expected: the same program run on real NEST 3.10.0
 * (/work/main/.venv/bin/python); it prints only what does not depend on the random stream
 * (shapes, types, ranges, orders, error classes and texts), so every value must agree exactly.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeRuntime } from '../../src/cli/node-runtime';
import type { SimRuntime } from '../../workers/runtime';

let runtime: SimRuntime;
before(async () => {
  runtime = await loadNodeRuntime();
});

const PROGRAM = String.raw`
import nest
nest.ResetKernel()
nest.rng_seed = 5
out = {}
def err(f):
    try:
        f()
        return ["no error"]
    except nest.NESTErrors.KernelException as e:
        return [type(e).__name__, str(e)]
    except Exception as e:
        return [type(e).__name__, str(e)]
p = nest.random.uniform()
out["types"] = [type(x).__name__ for x in [p, p * 2, 2 * p, p + 1, 1 + p, p - 1, 1 - p, -p, p / 2, 2 / p, p ** 2, p * p, p < 0.5, p == 0.5]]
out["in_range"] = all(0 <= p.GetValue() < 1 for _ in range(50))
out["shifted"] = all(-1 <= (p * 2 - 1).GetValue() < 1 for _ in range(50))
out["ops_errors"] = [err(lambda: abs(p)), err(lambda: 2 ** p), err(lambda: p + "a")]
out["param_errors"] = [err(lambda: nest.random.uniform(2, 1)), err(lambda: nest.random.normal(0, -1)),
                       err(lambda: nest.random.lognormal(0, 0)), err(lambda: nest.random.uniform("a", 1)),
                       err(lambda: nest.random.uniform_int(0))]
a = nest.Create("iaf_psc_alpha", 3, params={"V_m": nest.random.uniform(-70.0, -55.0), "I_e": 5.0})
out["vm_range"] = all(-70 <= v < -55 for v in a.V_m) and len(set(a.V_m)) == 3
a.set(V_m=nest.random.normal(-60.0, 1.0))
out["vm_set"] = len(set(a.V_m)) == 3 and all(-70 < v < -50 for v in a.V_m)
a.V_m = -50.0 + nest.random.exponential(2.0)
out["vm_attr"] = all(v >= -50.0 for v in a.V_m)
b = nest.Create("iaf_psc_alpha", 2)
nest.Connect(b, a, syn_spec={"weight": 7.0})
nest.Connect(a, b, syn_spec={"weight": [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]})
nest.Connect(a[2], a[0])
c = nest.GetConnections()
out["len"] = len(c)
out["cols"] = c.get(["source", "target", "weight"])
out["one"] = [c[0].weight, c[0].source, type(c[0].source).__name__, c[0].get(["weight"]), sorted(c[0].get())]
out["all_keys"] = sorted(c.get())
out["src_filter"] = nest.GetConnections(source=a[0]).get("weight")
out["tgt_filter"] = nest.GetConnections(target=b[1]).target
out["both"] = nest.GetConnections(source=a[0:2], target=a[0:2]).source
out["empty"] = [nest.GetConnections(synapse_model="stdp_synapse").get(), str(nest.GetConnections(synapse_model="stdp_synapse")), len(nest.GetConnections(synapse_model="stdp_synapse"))]
out["str"] = str(nest.GetConnections(source=a[0]))
out["getstatus"] = nest.GetStatus(nest.GetConnections(source=a[0]), "weight")
out["slices"] = [c[1:3].weight, [x.weight for x in c[:2]], list(c[:3].sources()), list(c[:3].targets())]
c2 = nest.GetConnections(source=a[0])
c2.set(weight=2.5)
out["set_scalar"] = c2.weight
c2.set(weight=[1.5, 2.5])
out["set_list"] = c2.weight
c2.set({"delay": 2.0})
out["set_delay"] = c2.delay
out["set_errors"] = [err(lambda: c2.set(weight=nest.random.uniform(0, 1))), err(lambda: c2.set(foo=1.0)),
                     err(lambda: c2.set(delay=0.01)), err(lambda: c2.set(weight=[1.0])),
                     err(lambda: nest.GetConnections(synapse_model="foo")), err(lambda: nest.GetConnections(source=[1, 2])),
                     err(lambda: c.get(["foo"]))]
nest.Connect(a[0], a[1], syn_spec={"synapse_model": "stdp_synapse", "weight": 2.0, "Wmax": 10.0, "tau_plus": 15.0})
s = nest.GetConnections(synapse_model="stdp_synapse")
st = s.get()
out["stdp"] = {k: st[k] for k in ["Kplus", "Wmax", "alpha", "delay", "lambda", "mu_minus", "mu_plus", "source", "synapse_model", "target", "tau_plus", "weight", "port", "receptor"]}
out["order_models"] = nest.GetConnections().synapse_model[-2:]
out["stdp_set_error"] = err(lambda: s.set(Wmax=-5.0))
nest.Connect(a, a, "one_to_one", syn_spec={"synapse_model": "stdp_synapse", "tau_plus": [1.0, 2.0, 3.0]})
out["stdp_array"] = nest.GetConnections(source=a, target=a, synapse_model="stdp_synapse").tau_plus
d = nest.Create("iaf_psc_alpha", 20)
nest.Connect(d, d, syn_spec={"weight": nest.random.normal(1.0, 0.5), "delay": nest.random.uniform(0.5, 1.5)})
cd = nest.GetConnections(source=d)
dl = cd.delay
out["delays_on_grid"] = all(abs(x * 10 - round(x * 10)) < 1e-9 for x in dl) and min(dl) >= 0.5 and max(dl) <= 1.5
out["delay_error"] = err(lambda: nest.Connect(d, d, syn_spec={"delay": nest.random.uniform(0.0, 0.04)}))
out["n_after"] = nest.num_connections
ng = nest.Create("noise_generator", params={"mean": 1.0, "std": 2.0})
out["noise"] = {k: ng.get(k) for k in ["mean", "std", "std_mod", "frequency", "phase", "dt", "recordables", "y_0", "y_1"]}
out["noise_errors"] = [err(lambda: ng.set(dt=0.15)), err(lambda: ng.set(std=-1.0)), err(lambda: ng.set(std_mod=3.0)),
                       err(lambda: nest.Connect(ng, nest.Create("parrot_neuron")))]
mm = nest.Create("multimeter", params={"record_from": ["I"], "interval": 0.1})
nest.Connect(ng, a)
nest.Connect(mm, ng)
nest.Simulate(3.0)
ev = mm.events
out["noise_I"] = [len(ev["times"]), sorted(set(int(s) for s in ev["senders"])), bool(ev["I"][0] != 0.0)]
out["create_errors"] = [err(lambda: nest.Create("spike_generator", params={"spike_times": nest.random.uniform(0, 1)}))]
out["float_types"] = [type(c.weight[0]).__name__, type(c.delay[0]).__name__, type(c.source[0]).__name__, type(c[0].port).__name__]
response = out
`;

/** The program's response on real NEST 3.10.0. */
const NEST: Record<string, unknown> = {
 "types": [
  "Parameter",
  "Parameter",
  "Parameter",
  "Parameter",
  "Parameter",
  "Parameter",
  "Parameter",
  "Parameter",
  "Parameter",
  "Parameter",
  "Parameter",
  "Parameter",
  "Parameter",
  "Parameter"
 ],
 "in_range": true,
 "shifted": true,
 "ops_errors": [
  [
   "TypeError",
   "bad operand type for abs(): 'Parameter'"
  ],
  [
   "TypeError",
   "unsupported operand type(s) for ** or pow(): 'int' and 'Parameter'"
  ],
  [
   "NotImplementedError",
   ""
  ]
 ],
 "param_errors": [
  [
   "BadProperty",
   "nest::UniformParameter: min < max required."
  ],
  [
   "BadProperty",
   "nest::NormalParameter: std > 0 required."
  ],
  [
   "BadProperty",
   "nest::LognormalParameter: std > 0 required."
  ],
  [
   "ValueError",
   "could not convert string to float: 'a'"
  ],
  [
   "BadProperty",
   "nest::UniformIntParameter: max > 0 required."
  ]
 ],
 "vm_range": true,
 "vm_set": true,
 "vm_attr": true,
 "len": 13,
 "cols": {
  "source": [
   1,
   1,
   2,
   2,
   3,
   3,
   3,
   4,
   4,
   4,
   5,
   5,
   5
  ],
  "target": [
   4,
   5,
   4,
   5,
   4,
   5,
   1,
   1,
   2,
   3,
   1,
   2,
   3
  ],
  "weight": [
   1.0,
   4.0,
   2.0,
   5.0,
   3.0,
   6.0,
   1.0,
   7.0,
   7.0,
   7.0,
   7.0,
   7.0,
   7.0
  ]
 },
 "one": [
  1.0,
  1,
  "int",
  {
   "weight": 1.0
  },
  [
   "delay",
   "port",
   "receptor",
   "sizeof",
   "source",
   "synapse_id",
   "synapse_model",
   "target",
   "target_thread",
   "weight"
  ]
 ],
 "all_keys": [
  "delay",
  "port",
  "receptor",
  "sizeof",
  "source",
  "synapse_id",
  "synapse_model",
  "target",
  "target_thread",
  "weight"
 ],
 "src_filter": [
  1.0,
  4.0
 ],
 "tgt_filter": [
  5,
  5,
  5
 ],
 "both": [],
 "empty": [
  {},
  "The synapse collection does not contain any connections.",
  0
 ],
 "str": " source   target   synapse model   weight   delay \n-------- -------- --------------- -------- -------\n      1        4  static_synapse    1.000   1.000\n      1        5  static_synapse    4.000   1.000",
 "getstatus": [
  1.0,
  4.0
 ],
 "slices": [
  [
   4.0,
   2.0
  ],
  [
   1.0,
   4.0
  ],
  [
   1,
   1,
   2
  ],
  [
   4,
   5,
   4
  ]
 ],
 "set_scalar": [
  2.5,
  2.5
 ],
 "set_list": [
  1.5,
  2.5
 ],
 "set_delay": [
  2.0,
  2.0
 ],
 "set_errors": [
  [
   "TypeMismatch",
   "Expected datatype: Failed to cast 'weight' from std::shared_ptr<nest::Parameter> to type double."
  ],
  [
   "UnaccessedDictionaryEntry",
   "Unaccessed elements in params, in function connection.set():  foo"
  ],
  [
   "BadDelay",
   "Delay value 0 is invalid: Delay must be greater than or equal to resolution"
  ],
  [
   "IndexError",
   "list index out of range"
  ],
  [
   "UnknownSynapseType",
   "Synapse with name foo does not exist."
  ],
  [
   "TypeError",
   "source must be NodeCollection."
  ],
  [
   "KeyError",
   "'foo'"
  ]
 ],
 "stdp": {
  "Kplus": 0.0,
  "Wmax": 10.0,
  "alpha": 1.0,
  "delay": 1.0,
  "lambda": 0.01,
  "mu_minus": 1.0,
  "mu_plus": 1.0,
  "source": 1,
  "synapse_model": "stdp_synapse",
  "target": 2,
  "tau_plus": 15.0,
  "weight": 2.0,
  "port": 0,
  "receptor": 0
 },
 "order_models": [
  "static_synapse",
  "stdp_synapse"
 ],
 "stdp_set_error": [
  "BadProperty",
  "Setting status of 'stdp_synapse' connecting from node ID 1 to node ID 2 via port 0: Weight and Wmax must have same sign."
 ],
 "stdp_array": [
  15.0,
  1.0,
  2.0,
  3.0
 ],
 "delays_on_grid": true,
 "delay_error": [
  "BadDelay",
  "Delay value 0 is invalid: Delay must be greater than or equal to resolution"
 ],
 "n_after": 417,
 "noise": {
  "mean": 1.0,
  "std": 2.0,
  "std_mod": 0.0,
  "frequency": 0.0,
  "phase": 0.0,
  "dt": 1.0,
  "recordables": [
   "I"
  ],
  "y_0": 0.0,
  "y_1": 0.0
 },
 "noise_errors": [
  [
   "StepMultipleRequired",
   "The time property dt = 0.15 ms (= 150 tics = 2 steps) of model noise_generator must be a multiple of the resolution 0.1 ms (= 100 tics = 1 step)."
  ],
  [
   "BadProperty",
   "Setting status of a 'noise_generator' with node ID 26: The standard deviation cannot be negative."
  ],
  [
   "BadProperty",
   "Setting status of a 'noise_generator' with node ID 26: The modulation apmlitude must be smaller or equal to the baseline amplitude."
  ],
  [
   "IllegalConnection",
   "Creation of connection is not possible because:\nThe target node or synapse model does not support current input."
  ]
 ],
 "noise_I": [
  25,
  [
   26
  ],
  true
 ],
 "create_errors": [
  [
   "TypeMismatch",
   "Expected datatype: Failed to cast 'spike_times' from std::shared_ptr<nest::Parameter> to type std::vector<double>"
  ]
 ],
 "float_types": [
  "float",
  "float",
  "int",
  "int"
 ]
};

test('nest.random, GetConnections and SynapseCollection from Python, as on NEST 3.10', () => {
  const result = runtime.run(PROGRAM);
  assert.ok(result.ok, JSON.stringify(result));
  const response = result.response as Record<string, unknown>;
  assert.deepEqual(Object.keys(response).sort(), Object.keys(NEST).sort());
  for (const [key, want] of Object.entries(NEST)) assert.deepEqual(response[key], want, key);
});

test('GetValue draws from the kernel stream: rng_seed makes it reproducible', () => {
  const program = (seed: number) => `import nest
nest.ResetKernel()
nest.rng_seed = ${seed}
p = nest.random.normal(10.0, 2.0)
xs = [p.GetValue() for _ in range(2000)]
m = sum(xs) / len(xs)
response = {"first": xs[:3], "mean": m, "var": sum((x - m) ** 2 for x in xs) / (len(xs) - 1)}
`;
  const a = runtime.run(program(3)), b = runtime.run(program(3)), c = runtime.run(program(4));
  assert.ok(a.ok && b.ok && c.ok);
  const ra = a.response as { first: number[]; mean: number; var: number };
  assert.deepEqual(ra.first, (b.response as typeof ra).first);
  assert.notDeepEqual(ra.first, (c.response as typeof ra).first);
  // normal(10, 2) over 2000 draws: SE of the mean 0.045, of the variance 4·√(2/2000) = 0.13
  assert.ok(Math.abs(ra.mean - 10) < 0.23, `mean ${ra.mean}`);
  assert.ok(Math.abs(ra.var - 4) < 0.65, `variance ${ra.var}`);
});
