/**
 * NodeCollection and module-level shapes, checked against real NEST 3.10.
 *
 * SHAPES_PROGRAM runs unchanged on both. EXPECTED is what real NEST 3.10.0 printed for it
 * (/tmp/probe-venv/bin/python, nest-simulator 3.10.0, the JSON line it prints): for every call,
 * whether it returned or raised, the Python type name, and the repr (or the error text).
 * numpy values are converted to float/int inside the program so reprs compare.
 *
 * Run: node --import tsx --test test/node/facade-shapes.test.ts
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeRuntime } from '../../src/cli/node-runtime';
import type { SimRuntime } from '../../workers/runtime';

const SHAPES_PROGRAM = String.raw`import nest
nest.set_verbosity("M_ERROR")
nest.ResetKernel()
out = []


def show(label, f):
    try:
        v = f()
        out.append([label, "ok", type(v).__name__, repr(v)])
    except Exception as e:
        out.append([label, "error", type(e).__name__, str(e)])


def run_set(nodes, f, key):
    f()
    return nodes.get(key)


n = nest.Create("iaf_psc_alpha", 3)
n1 = nest.Create("iaf_psc_alpha")
show("len", lambda: len(n))
show("V_m many", lambda: n.V_m)
show("V_m one", lambda: n1.V_m)
show("get key many", lambda: n.get("V_m"))
show("get key one", lambda: n1.get("C_m"))
show("get keys many", lambda: n.get(["V_m", "C_m"]))
show("get keys one", lambda: n1.get(["V_m", "C_m"]))
show("get all one", lambda: (type(n1.get()).__name__, n1.get()["tau_m"], n1.get()["model"]))
show("get all many", lambda: (n.get()["V_th"], n.get()["global_id"]))
show("global_id", lambda: (n.global_id, n1.global_id))
show("tolist", lambda: (n.tolist(), n1.tolist()))
show("index", lambda: (n[0].global_id, n[-1].global_id, len(n[1])))
show("slice", lambda: (n[1:].tolist(), n[::2].tolist(), n[0:3:2].tolist(), n[-2:].tolist(), n[:-1].tolist()))
show("slice start outside", lambda: n[5:])
show("slice stop outside", lambda: n[1:10])
show("slice empty", lambda: n[2:1])
show("index list", lambda: n[[0, 2]].tolist())
show("index list repeated", lambda: n[[0, 0]])
show("iter", lambda: [x.global_id for x in n])
show("add", lambda: ((n1 + n).tolist(), len(n + n1)))
show("eq", lambda: (n == n, n[0] == n[0], n == n1, n != n1))
show("in", lambda: (2 in n, 4 in n))
show("str many", lambda: str(n))
show("str one", lambda: str(n1))
show("str step", lambda: str(n[::2]))
show("set kw", lambda: run_set(n, lambda: n.set(V_m=-60.0), "V_m"))
show("set dict", lambda: run_set(n, lambda: n.set({"V_m": -61.0, "I_e": 5.0}), ["V_m", "I_e"]))
show("set list of dicts", lambda: run_set(n, lambda: n.set([{"V_m": -1.0}, {"V_m": -2.0}, {"V_m": -3.0}]), "V_m"))
show("set per-node list", lambda: run_set(n, lambda: n.set(V_m=[-4.0, -5.0, -6.0]), "V_m"))
show("set returns", lambda: n.set(V_m=-70.0))
def attr_set():
    n.V_m = -65.0
    return n.V_m
show("set attr", attr_set)
show("SetStatus", lambda: run_set(n1, lambda: nest.SetStatus(n1, {"I_e": 376.0}), "I_e"))
show("SetStatus key val", lambda: run_set(n1, lambda: nest.SetStatus(n1, "I_e", 0.0), "I_e"))
show("GetStatus key many", lambda: nest.GetStatus(n, "V_m"))
show("GetStatus key one", lambda: nest.GetStatus(n1, "V_m"))
show("GetStatus keys", lambda: nest.GetStatus(n1, ["V_m", "C_m"]))
show("GetStatus all", lambda: (type(nest.GetStatus(n1)).__name__, nest.GetStatus(n1)[0]["C_m"]))
show("kernel attrs", lambda: (nest.resolution, nest.rng_seed, nest.biological_time, nest.network_size))
show("GetKernelStatus key", lambda: nest.GetKernelStatus("resolution"))
show("GetKernelStatus keys", lambda: nest.GetKernelStatus(["resolution", "biological_time"]))
show("GetKernelStatus dict", lambda: type(nest.GetKernelStatus()).__name__)
show("version", lambda: nest.__version__)
show("index out of range", lambda: n[5])
show("index float", lambda: n[1.5])
show("negative step", lambda: n[::-1])
show("add int", lambda: n + 1)
show("add overlap", lambda: n + n[1])
show("compare list", lambda: n == [1, 2, 3])
show("in collection", lambda: n1 in n)
show("unknown attribute", lambda: n.foo)
show("unknown get", lambda: n1.get("foo"))
show("unknown module attr", lambda: nest.foo_bar)
def set_unknown_module_attr():
    nest.foo_bar = 1
show("set unknown module attr", set_unknown_module_attr)
def set_network_size():
    nest.network_size = 3
show("set read-only kernel attr", set_network_size)
show("SetKernelStatus unknown", lambda: nest.SetKernelStatus({"foo": 1}))
show("Create n float", lambda: nest.Create("iaf_psc_alpha", 2.5))
show("Create params int", lambda: nest.Create("iaf_psc_alpha", params=5))
show("Simulate str", lambda: nest.Simulate("10"))

nest.ResetKernel()
show("after reset", lambda: (nest.network_size, nest.biological_time))
def set_resolution():
    nest.resolution = 0.2
    return nest.resolution
show("set resolution", set_resolution)
nest.ResetKernel()
show("reset resolution", lambda: nest.resolution)
def set_rng_seed():
    nest.rng_seed = 5
    return nest.rng_seed
show("set rng_seed", set_rng_seed)
neuron = nest.Create("iaf_psc_alpha", params={"I_e": 1000.0})
many = nest.Create("iaf_psc_alpha", 2, params=[{"I_e": 1.0}, {"I_e": 2.0}])
show("Create list params", lambda: many.I_e)
lists = nest.Create("iaf_psc_alpha", 2, params={"I_e": [3.0, 4.0]})
show("Create per-node list", lambda: lists.I_e)
sg = nest.Create("spike_generator", 2)
show("array param list", lambda: run_set(sg, lambda: sg.set(spike_times=[1.0, 2.0]), "spike_times")[0].tolist())
vm = nest.Create("voltmeter", params={"interval": 0.1})
sr = nest.Create("spike_recorder")
nest.Connect(vm, neuron)
nest.Connect(neuron, sr)
show("set resolution after create", set_resolution)
nest.Simulate(20.0)
show("biological_time", lambda: nest.biological_time)
def set_biological_time():
    nest.biological_time = 3.0
show("set biological_time", set_biological_time)
show("sr events type", lambda: (type(sr.events).__name__, sorted(sr.events)))
show("sr times", lambda: sr.events["times"].tolist())
show("sr senders values", lambda: [int(s) for s in sr.events["senders"]])
show("sr n_events", lambda: sr.n_events)
show("vm keys", lambda: sorted(vm.events))
show("vm len", lambda: (len(vm.events["times"]), len(vm.events["V_m"]), vm.n_events))
show("vm first times", lambda: [float(t) for t in vm.events["times"][:3]])
show("vm slice step", lambda: [float(t) for t in vm.events["times"][0:10:4]])
show("vm index", lambda: (float(vm.events["times"][0]), float(vm.events["times"][-1])))
show("vm sum max", lambda: (round(float(sum(vm.events["times"])), 6), float(max(vm.events["V_m"])) <= -55.0))
show("get events times", lambda: [float(t) for t in vm.get("events", "times")[:2]])
show("get events", lambda: sorted(vm.get("events")))
show("GetStatus events", lambda: (type(nest.GetStatus(sr, "events")).__name__, nest.GetStatus(sr, "n_events")))
show("two recorders n_events", lambda: (sr + vm).get("n_events"))
show("recorders events type", lambda: (type((sr + vm).events).__name__, len((sr + vm).events)))
show("sr get n_events", lambda: sr.get()["n_events"])
show("bad C_m", lambda: nest.Create("iaf_psc_alpha", params={"C_m": -1.0}))
show("unknown model", lambda: nest.Create("no_such_model"))
show("bad delay", lambda: nest.Connect(neuron, neuron, syn_spec={"delay": 0.01}))
show("unaccessed key", lambda: neuron.set(foo=1.0))
show("bad rule", lambda: nest.Connect(neuron, neuron, "no_such_rule"))
show("one_to_one sizes", lambda: nest.Connect(many, neuron, "one_to_one"))
show("1d weights all_to_all", lambda: nest.Connect(many, neuron, syn_spec={"weight": [1.0, 2.0]}))
show("negative Simulate", lambda: nest.Simulate(-1.0))
print("SHAPES_JSON=" + __import__("json").dumps(out))
response = {"out": out}
`;

type Row = [label: string, outcome: 'ok' | 'error', type: string, text: string];

const EXPECTED: Row[] = [
  ["len", "ok", "int", "3"],
  ["V_m many", "ok", "tuple", "(-70.0, -70.0, -70.0)"],
  ["V_m one", "ok", "float", "-70.0"],
  ["get key many", "ok", "tuple", "(-70.0, -70.0, -70.0)"],
  ["get key one", "ok", "float", "250.0"],
  ["get keys many", "ok", "dict", "{'V_m': (-70.0, -70.0, -70.0), 'C_m': (250.0, 250.0, 250.0)}"],
  ["get keys one", "ok", "dict", "{'V_m': -70.0, 'C_m': 250.0}"],
  ["get all one", "ok", "tuple", "('dict', 10.0, 'iaf_psc_alpha')"],
  ["get all many", "ok", "tuple", "((-55.0, -55.0, -55.0), (1, 2, 3))"],
  ["global_id", "ok", "tuple", "((1, 2, 3), 4)"],
  ["tolist", "ok", "tuple", "([1, 2, 3], [4])"],
  ["index", "ok", "tuple", "(1, 3, 1)"],
  ["slice", "ok", "tuple", "([2, 3], [1, 3], [1, 3], [2, 3], [1, 2])"],
  ["slice start outside", "error", "IndexError", "slice start value outside of the NodeCollection"],
  ["slice stop outside", "error", "IndexError", "slice stop value outside of the NodeCollection"],
  ["slice empty", "error", "BadParameter", "start < stop required."],
  ["index list", "ok", "list", "[1, 3]"],
  ["index list repeated", "error", "ValueError", "All node IDs in a NodeCollection have to be unique"],
  ["iter", "ok", "list", "[1, 2, 3]"],
  ["add", "ok", "tuple", "([1, 2, 3, 4], 4)"],
  ["eq", "ok", "tuple", "(True, True, False, True)"],
  ["in", "ok", "tuple", "(True, False)"],
  ["str many", "ok", "str", "'NodeCollection(metadata=None, model=iaf_psc_alpha, size=3, first=1, last=3)'"],
  ["str one", "ok", "str", "'NodeCollection(metadata=None, model=iaf_psc_alpha, size=1, first=4)'"],
  ["str step", "ok", "str", "'NodeCollection(metadata=None,\\n               model=iaf_psc_alpha, size=2, first=1, last=3, step=2)'"],
  ["set kw", "ok", "tuple", "(-60.0, -60.0, -60.0)"],
  ["set dict", "ok", "dict", "{'V_m': (-61.0, -61.0, -61.0), 'I_e': (5.0, 5.0, 5.0)}"],
  ["set list of dicts", "ok", "tuple", "(-1.0, -2.0, -3.0)"],
  ["set per-node list", "ok", "tuple", "(-4.0, -5.0, -6.0)"],
  ["set returns", "ok", "NoneType", "None"],
  ["set attr", "ok", "tuple", "(-65.0, -65.0, -65.0)"],
  ["SetStatus", "ok", "float", "376.0"],
  ["SetStatus key val", "ok", "float", "0.0"],
  ["GetStatus key many", "ok", "tuple", "(-65.0, -65.0, -65.0)"],
  ["GetStatus key one", "ok", "tuple", "(-70.0,)"],
  ["GetStatus keys", "ok", "tuple", "((-70.0, 250.0),)"],
  ["GetStatus all", "ok", "tuple", "('tuple', 250.0)"],
  ["kernel attrs", "ok", "tuple", "(0.1, 143202461, 0.0, 4)"],
  ["GetKernelStatus key", "ok", "float", "0.1"],
  ["GetKernelStatus keys", "ok", "tuple", "(0.1, 0.0)"],
  ["GetKernelStatus dict", "ok", "str", "'dict'"],
  ["version", "ok", "str", "'3.10.0'"],
  ["index out of range", "error", "IndexError", "index value outside of the NodeCollection"],
  ["index float", "error", "IndexError", "only integers, slices, lists, tuples, and numpy arrays are valid indices"],
  ["negative step", "error", "IndexError", "slicing step for NodeCollection must be strictly positive"],
  ["add int", "error", "TypeError", "Cannot add object of type 'int' to 'NodeCollection'"],
  ["add overlap", "error", "BadProperty", "Cannot join overlapping NodeCollections."],
  ["compare list", "error", "NotImplementedError", "Cannot compare NodeCollection to list"],
  ["in collection", "error", "TypeError", "an integer is required"],
  ["unknown attribute", "error", "KeyError", "'foo'"],
  ["unknown get", "error", "KeyError", "'foo'"],
  ["unknown module attr", "error", "AttributeError", "module 'nest' has no attribute 'foo_bar'"],
  ["set unknown module attr", "error", "AttributeError", "Cannot set attribute 'foo_bar' on module 'nest'"],
  ["set read-only kernel attr", "error", "AttributeError", "`network_size` is a read only kernel attribute."],
  ["SetKernelStatus unknown", "error", "ValueError", "`foo` is not a valid kernel parameter, valid parameters are: 'T_max', 'T_min', 'adaptive_target_buffers', 'biological_time', 'buffer_size_spike_data', 'buffer_size_target_data', 'build_info', 'connection_rules', 'cycle_time_log', 'data_path', 'data_prefix', 'dict_miss_is_error', 'eprop_learning_window', 'eprop_reset_neurons_on_update', 'eprop_update_interval', 'growth_curves', 'growth_factor_buffer_target_data', 'keep_source_table', 'kernel_status', 'local_num_threads', 'local_spike_counter', 'max_buffer_size_target_data', 'max_delay', 'max_num_syn_models', 'max_update_time', 'memory_size', 'min_delay', 'min_update_time', 'ms_per_tic', 'network_size', 'node_models', 'num_connections', 'num_processes', 'off_grid_spiking', 'overwrite_files', 'print_time', 'recording_backends', 'recv_buffer_size_secondary_events', 'resolution', 'rng_seed', 'rng_type', 'rng_types', 'send_buffer_size_secondary_events', 'spike_buffer_grow_extra', 'spike_buffer_resize_log', 'spike_buffer_shrink_limit', 'spike_buffer_shrink_spare', 'stimulation_backends', 'structural_plasticity_synapses', 'structural_plasticity_update_interval', 'synapse_models', 'tics_per_ms', 'tics_per_step', 'to_do', 'total_num_virtual_procs', 'update_time_limit', 'use_compressed_spikes', 'use_wfr', 'verbosity', 'wfr_comm_interval', 'wfr_interpolation_order', 'wfr_max_iterations', 'wfr_tol'"],
  ["Create n float", "error", "TypeError", "n must have an integer value"],
  ["Create params int", "error", "TypeError", "params must be either a dict of parameters or a list or tuple of dicts"],
  ["Simulate str", "error", "TypeError", "must be real number, not str"],
  ["after reset", "ok", "tuple", "(0, 0.0)"],
  ["set resolution", "ok", "float", "0.2"],
  ["reset resolution", "ok", "float", "0.1"],
  ["set rng_seed", "ok", "int", "5"],
  ["Create list params", "ok", "tuple", "(1.0, 2.0)"],
  ["Create per-node list", "ok", "tuple", "(3.0, 4.0)"],
  ["array param list", "ok", "list", "[1.0, 2.0]"],
  ["set resolution after create", "error", "KernelException", "Nodes have already been created: time representation cannot be changed."],
  ["biological_time", "ok", "float", "20.0"],
  ["set biological_time", "error", "BadProperty", "The simulation time can only be set to 0.0."],
  ["sr events type", "ok", "tuple", "('dict', ['senders', 'times'])"],
  ["sr times", "ok", "list", "[4.8, 11.6, 18.400000000000002]"],
  ["sr senders values", "ok", "list", "[1, 1, 1]"],
  ["sr n_events", "ok", "int", "3"],
  ["vm keys", "ok", "list", "['V_m', 'senders', 'times']"],
  ["vm len", "ok", "tuple", "(190, 190, 190)"],
  ["vm first times", "ok", "list", "[0.1, 0.2, 0.3]"],
  ["vm slice step", "ok", "list", "[0.1, 0.5, 0.9]"],
  ["vm index", "ok", "tuple", "(0.1, 19.0)"],
  ["vm sum max", "ok", "tuple", "(1814.5, True)"],
  ["get events times", "ok", "list", "[0.1, 0.2]"],
  ["get events", "ok", "list", "['V_m', 'senders', 'times']"],
  ["GetStatus events", "ok", "tuple", "('tuple', (3,))"],
  ["two recorders n_events", "ok", "tuple", "(190, 3)"],
  ["recorders events type", "ok", "tuple", "('tuple', 2)"],
  ["sr get n_events", "ok", "int", "3"],
  ["bad C_m", "error", "BadProperty", "Setting status of a 'iaf_psc_alpha' with node ID 10: Capacitance must be > 0."],
  ["unknown model", "error", "UnknownModelName", "no_such_model is not a known model name."],
  ["bad delay", "error", "BadDelay", "Delay value 0 is invalid: Delay must be greater than or equal to resolution"],
  ["unaccessed key", "error", "UnaccessedDictionaryEntry", "Unaccessed elements in params, in function NodeManager::set_status:  foo"],
  ["bad rule", "error", "BadProperty", "Unknown connectivity rule: no_such_rule"],
  ["one_to_one sizes", "error", "DimensionMismatch", "Source and Target population must be of the same size."],
  ["1d weights all_to_all", "error", "TypeError", "'weight' has the wrong type. One-dimensional parameter arrays can only be used in conjunction with rule 'one_to_one' or 'fixed_total_number'."],
  ["negative Simulate", "error", "BadParameter", "The simulation time cannot be negative."],
];

let runtime: SimRuntime;
let rows: Map<string, Row>;

before(async () => {
  runtime = await loadNodeRuntime();
  const result = runtime.run(SHAPES_PROGRAM);
  if (!result.ok) throw new Error(`shapes program failed: ${result.error.traceback}`);
  const out = (result.response as { out: Row[] }).out;
  rows = new Map(out.map((row) => [row[0], row]));
});

for (const expected of EXPECTED) {
  test(`as NEST 3.10: ${expected[0]}`, () => {
    assert.deepEqual(rows.get(expected[0]), expected);
  });
}

test('the program covered every expected row', () => {
  assert.equal(rows.size, EXPECTED.length);
});
