/**
 * The local `torch` / `norse` facade through the real path: Python text → SimRuntime (Pyodide)
 * → workers/python/torch, norse → NorseKernel → response. R1 values are real Norse 1.1 float32
 * bits (cases.md; measured with real Norse/PyTorch on this machine).
 *
 * Run: node --import tsx --test test/node/norse-facade.test.ts
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeRuntime } from '../../src/cli/node-runtime';
import type { SimRuntime } from '../../workers/runtime';

let runtime: SimRuntime;
before(async () => {
  runtime = await loadNodeRuntime();
});

/** The response with typed rows as plain lists (as JSON and a remote Norse give them). */
function run(code: string): Record<string, unknown> {
  return plainLists(runTyped(code)) as Record<string, unknown>;
}

/** The response as the runtime hands it over (tensor rows as Float32Array). */
function runTyped(code: string): Record<string, unknown> {
  const result = runtime.run(code);
  if (!result.ok) throw new Error(`${result.error.type} at line ${result.error.line}: ${result.error.message}`);
  return result.response as Record<string, unknown>;
}

function plainLists(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return Array.from(value as Float32Array);
  if (Array.isArray(value)) return value.map(plainLists);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainLists(v)]));
  return value;
}

function runError(code: string) {
  const result = runtime.run(code);
  assert.equal(result.ok, false, 'the program should fail');
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

const f32bits = (x: number): string => {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, x);
  return view.getUint32(0).toString(16).padStart(8, '0');
};

function shapeOf(value: unknown): number[] {
  const shape: number[] = [];
  let v = value;
  while (Array.isArray(v)) {
    shape.push(v.length);
    v = v[0];
  }
  return shape;
}

// The contract's example (docs/norse-subset.md) with the parameter blocks written out.
const CONTRACT_PROGRAM = `import torch
import norse.torch as norse

torch.manual_seed(1)
dt = 0.001  # seconds per step

x1 = torch.ones(100, 4) * 1.5
x2 = torch.rand(100, 4) * 2.0
x3 = torch.randn(100, 4) * 0.5 + 1.0
x4 = torch.zeros(100, 4)
x4[20:60] = 1.5
x5 = torch.zeros(100, 4)
x5[10, 0] = 1.0
x5[30, 2] = 1.0

p1 = norse.LIFParameters(tau_syn_inv=torch.tensor(200.0), tau_mem_inv=torch.tensor(100.0),
                         v_leak=torch.tensor(0.0), v_th=torch.tensor(1.0), v_reset=torch.tensor(0.0),
                         method="super", alpha=torch.tensor(100.0))
pli = norse.LIParameters(tau_syn_inv=torch.tensor(200.0), tau_mem_inv=torch.tensor(100.0), v_leak=torch.tensor(0.0))
pbox = norse.LIFBoxParameters(tau_mem_inv=torch.tensor(100.0), v_leak=torch.tensor(0.0), v_th=torch.tensor(1.0), v_reset=torch.tensor(0.0))

e1 = norse.PoissonEncoder(100, f_max=100.0, dt=dt)
s1 = e1(torch.tensor([0.2, 0.5, 1.0]))
e2 = norse.ConstantCurrentLIFEncoder(100, p=p1, dt=dt)
s2 = e2(torch.tensor([1.0, 2.0]))
e3 = norse.SpikeLatencyLIFEncoder(100, p=p1, dt=dt)
s3 = e3(torch.tensor([1.0, 2.0]))

lif1 = norse.LIF(p=p1, record_states=True, dt=dt)
z1, s_lif1 = lif1(x1 * 0.4)
li1 = norse.LI(p=pli, dt=dt)
v2, s_li1 = li1(z1)
rec1 = norse.LIFRecurrent(4, 3, p=p1, record_states=True, dt=dt)
z3, s_rec1 = rec1(x1)
lin1 = torch.nn.Linear(4, 3, bias=False)
torch.nn.init.constant_(lin1.weight, 0.5)
y1 = lin1(z1)

box1 = norse.LIFBoxCell(p=pbox, dt=dt)
state = None
zs, vs = [], []
for t in range(x1.shape[0]):
    z, state = box1(x1[t], state)
    zs.append(z)
    vs.append(state.v)
z4 = torch.stack(zs)
v4 = torch.stack(vs)

net1 = norse.SequentialState(torch.nn.Linear(4, 3, bias=False), norse.LIF(p=p1, record_states=True, dt=dt))
torch.nn.init.constant_(net1[0].weight, 0.5)
z5, s_net1 = net1(x1)

response = {
    "dt": dt,
    "steps": 100,
    "recordings": [
        {"name": "lif1", "spikes": z1.detach().tolist(), "v": s_lif1.v.detach().tolist(), "i": s_lif1.i.detach().tolist()},
        {"name": "li1", "v": v2.detach().tolist(), "i": s_li1.i.detach().tolist()},
        {"name": "x1", "values": x1.detach().tolist()},
        {"name": "x4", "values": x4.detach().tolist()},
        {"name": "x5", "values": x5.detach().tolist()},
        {"name": "s1", "values": s1.detach().tolist()},
        {"name": "s2", "values": s2.detach().tolist()},
        {"name": "s3", "values": s3.detach().tolist()},
        {"name": "rec1", "spikes": z3.detach().tolist(), "v": s_rec1.v.detach().tolist()},
        {"name": "y1", "values": y1.detach().tolist()},
        {"name": "box1", "spikes": z4.detach().tolist(), "v": v4.detach().tolist()},
        {"name": "net1", "spikes": z5.detach().tolist(), "v": s_net1[1].v.detach().tolist(), "linear_state": s_net1[0]},
    ],
}
`;

test('the contract example program runs and every recording has the shape (time steps, neurons)', () => {
  const response = run(CONTRACT_PROGRAM) as { dt: number; steps: number; recordings: Record<string, unknown>[] };
  assert.equal(response.dt, 0.001);
  assert.equal(response.steps, 100);
  const byName = Object.fromEntries(response.recordings.map((r) => [r.name as string, r]));
  const shapes: Record<string, [string, number[]][]> = {
    lif1: [['spikes', [100, 4]], ['v', [100, 4]], ['i', [100, 4]]],
    // LI without record_states: its state is the final one, (neurons,), as in real Norse.
    li1: [['v', [100, 4]], ['i', [4]]],
    x1: [['values', [100, 4]]], x4: [['values', [100, 4]]], x5: [['values', [100, 4]]],
    s1: [['values', [100, 3]]], s2: [['values', [100, 2]]], s3: [['values', [100, 2]]],
    rec1: [['spikes', [100, 3]], ['v', [100, 3]]], y1: [['values', [100, 3]]],
    box1: [['spikes', [100, 4]], ['v', [100, 4]]], net1: [['spikes', [100, 3]], ['v', [100, 3]]],
  };
  for (const [name, keys] of Object.entries(shapes)) {
    for (const [key, shape] of keys) assert.deepEqual(shapeOf(byName[name][key]), shape, `${name}.${key}`);
  }
  const x4 = byName.x4.values as number[][];
  assert.deepEqual([x4[19][0], x4[20][0], x4[59][3], x4[60][3]], [0, 1.5, 1.5, 0], 'x4[20:60] = 1.5');
  const x5 = byName.x5.values as number[][];
  assert.equal(x5.flat().reduce((a, b) => a + b, 0), 2);
  assert.deepEqual([x5[10][0], x5[30][2]], [1, 1]);
  // LIF on 0.6 per step: i → 3 (steady state), v' reaches threshold; spikes are 0/1
  const spikes = (byName.lif1.spikes as number[][]).flat();
  assert.ok(spikes.every((z) => z === 0 || z === 1) && spikes.includes(1));
  // Linear with every weight 0.5 on 0/1 spikes of 4 neurons: 0.5 · (number of spikes in the row)
  const z1 = byName.lif1.spikes as number[][];
  (byName.y1.values as number[][]).forEach((row, t) => {
    const want = 0.5 * z1[t].reduce((a, b) => a + b, 0);
    assert.deepEqual(row, [want, want, want], `y1 at step ${t}`);
  });
  // A current of 1 only approaches v_th = 1 (R2: never spikes); 2 fires again and again, and
  // spike latency keeps only its first spike, at the constant-current encoder's first spike.
  const s2 = byName.s2.values as number[][];
  const s3 = byName.s3.values as number[][];
  assert.equal(s2.filter((row) => row[0] === 1).length, 0);
  assert.ok(s2.filter((row) => row[1] === 1).length > 1);
  assert.deepEqual([0, 1].map((n) => s3.filter((row) => row[n] === 1).length), [0, 1]);
  assert.equal(s3.findIndex((row) => row[1] === 1), s2.findIndex((row) => row[1] === 1));
  assert.equal(byName.net1.linear_state, null, 'SequentialState gives None for Linear');
});

test('R1 through the facade: norse.LIF(record_states=True)(torch.ones(12, 1)) gives real Norse bits', () => {
  const response = run(`import torch
import norse.torch as norse
z, s = norse.LIF(record_states=True)(torch.ones(12, 1))
response = {"z": z.detach().tolist(), "v": s.v.detach().tolist(), "i": s.i.detach().tolist(), "shape": list(s.v.shape)}
`) as { z: number[][]; v: number[][]; i: number[][]; shape: number[] };
  assert.deepEqual(response.shape, [12, 1]);
  assert.deepEqual(response.v.flat().map(f32bits),
    ['3dcccccd', '3e8a3d71', '3ef95811', '3f3bc6a8', '3f7f0e2c', '00000000', '3eca501b', '3f4590e4', '00000000', '3ee48322', '3f5bd5dd', '00000000']);
  assert.deepEqual(response.i.flat().map(f32bits),
    ['3f4ccccd', '3fb851eb', '3ff9db23', '40172475', '402c1d2a', '403ce422', '404a501b', '40550ce3', '405da3ea', '40648322', '406a0282', '406e6868']);
  // every value also survives as the exact float32 (the Python float is the float32 widened)
  assert.equal(response.v[7][0], 0.7717421054840088);
  assert.deepEqual(response.z.flat().flatMap((z, t) => (z === 1 ? [t] : [])), [5, 8, 11]);
});

test('uncovered calls raise NotImplementedError naming the function and the way out', () => {
  for (const [call, name] of [
    ['torch.exp(torch.ones(3))', 'torch.exp'],
    ['norse.LSNN()', 'norse.torch.LSNN'],
    ['torch.nn.Conv2d(1, 2, 3)', 'torch.nn.Conv2d'],
    ['torch.nn.init.normal_(torch.ones(2))', 'torch.nn.init.normal_'],
    ['torch.ones(3).mean()', 'torch.Tensor.mean'],
    ['torch.ones(3) < 0.5', 'comparing tensors with <'],
    ['torch.ones(3) @ torch.ones(3)', 'the @ operator'],
  ]) {
    const error = runError(`import torch\nimport norse.torch as norse\nx = ${call}\nresponse = {}\n`);
    assert.equal(error.type, 'NotImplementedError', call);
    assert.ok(error.message.startsWith(`${name}`), `${call}: ${error.message}`);
    assert.match(error.message, /is not available in the local runtime — run on a Norse backend/);
    assert.equal(error.line, 3, 'the error points at the program line');
  }
  const imported = runError('import torch.nn.functional as F\nresponse = {}\n');
  assert.equal(imported.type, 'NotImplementedError');
  assert.match(imported.message, /torch\.nn\.functional is not available in the local runtime/);
});

test('a name real torch / Norse do not have either is a typo: AttributeError as in real Python, with a suggestion', () => {
  // real torch 2.15 / norse 1.1 say exactly the part before ". Did you mean" (checked in the venv);
  // the suggestion, as Python 3.12+ prints it for plain objects, is the closest real name
  for (const [call, message] of [
    ['norse.LIFF()', "module 'norse.torch' has no attribute 'LIFF'. Did you mean: 'LIF'?"],
    ['torch.onse(3)', "module 'torch' has no attribute 'onse'. Did you mean: 'ones'?"],
    ['torch.ones(3).detatch()', "'Tensor' object has no attribute 'detatch'. Did you mean: 'detach'?"],
    ['torch.nn.Lineer(2, 3)', "module 'torch.nn' has no attribute 'Lineer'. Did you mean: 'Linear'?"],
    ['torch.nn.init.constnt_(torch.ones(2), 1.0)', "module 'torch.nn.init' has no attribute 'constnt_'. Did you mean: 'constant_'?"],
    ['norse.LIF().forwrd', "'LIF' object has no attribute 'forwrd'. Did you mean: 'forward'?"],
  ]) {
    const error = runError(`import torch\nimport norse.torch as norse\nx = ${call}\nresponse = {}\n`);
    assert.deepEqual([error.type, error.message, error.line], ['AttributeError', message, 3], call);
    // the traceback's last line says it once (Python 3.14 would append its own suggestion)
    assert.ok(error.traceback.endsWith(`AttributeError: ${message}`), error.traceback);
  }
});

test('a keyword argument Norse does not take is real Norse\'s TypeError; one it takes but we do not, not available', () => {
  // the message real norse 1.1 raises for LIF(dtt=...) (checked in the venv)
  const typo = runError('import torch\nimport norse.torch as norse\nlif = norse.LIF(record_states=True, dtt=0.001)\nresponse = {}\n');
  assert.deepEqual([typo.type, typo.message, typo.line], ['TypeError', "SNN.__init__() got an unexpected keyword argument 'dtt'", 3]);
  const real = runError('import torch\nimport norse.torch as norse\nlif = norse.LIF(activation_sparse=None)\nresponse = {}\n');
  assert.equal(real.type, 'NotImplementedError');
  assert.match(real.message, /^norse\.torch\.LIF\(activation_sparse=\.\.\.\) is not available in the local runtime/);
});

test('counting spikes: sum() of all, sum(0) per neuron, sum(1) per step, keepdim; t() and .T transpose', () => {
  // R1's LIF on torch.ones(12, 2): both neurons spike at steps 5, 8, 11 (cases.md) — 3 each, 6 in all
  const response = run(`import torch
import norse.torch as norse
z, s = norse.LIF(record_states=True)(torch.ones(12, 2))
response = {
    "all": z.sum().item(), "per_neuron": z.sum(0).tolist(), "per_step": torch.sum(z, dim=1).tolist(),
    "keep": list(z.sum(0, keepdim=True).shape), "neg": z.sum(-1).tolist() == z.sum(1).tolist(),
    "t": torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]).t().tolist(), "T": list(torch.ones(3, 5).T.shape),
}
`) as Record<string, unknown>;
  assert.equal(response.all, 6);
  assert.deepEqual(response.per_neuron, [3, 3]);
  assert.deepEqual(response.per_step, [0, 0, 0, 0, 0, 2, 0, 0, 2, 0, 0, 2]);
  assert.deepEqual(response.keep, [1, 2]);
  assert.equal(response.neg, true);
  assert.deepEqual(response.t, [[1, 4], [2, 5], [3, 6]]);
  assert.deepEqual(response.T, [5, 3]);
  const error = runError('import torch\nx = torch.ones(2, 3).sum(2)\nresponse = {}\n');
  assert.deepEqual([error.type, error.message], ['IndexError', 'Dimension out of range (expected to be in range of [-2, 1], but got 2)']);
});

test('a shape mismatch in Linear raises RuntimeError with PyTorch\'s message', () => {
  const error = runError(`import torch
lin = torch.nn.Linear(3, 2)
y = lin(torch.ones(100, 4))
response = {}
`);
  assert.equal(error.type, 'RuntimeError');
  assert.equal(error.message, 'mat1 and mat2 shapes cannot be multiplied (100x4 and 3x2)');
  assert.equal(error.line, 3);
});

test('writes that a view would see are refused, not silently wrong; detach shares data', () => {
  const error = runError('import torch\nx = torch.zeros(4, 2)\nrow = x[0]\nrow[1] = 5.0\nresponse = {}\n');
  assert.equal(error.type, 'NotImplementedError');
  const response = run(`import torch
x = torch.zeros(3)
d = x.detach()
d += 1.0
response = {"x": x.tolist(), "shape": repr(torch.ones(2, 3).shape), "len": len(torch.zeros(5, 2))}
`);
  assert.deepEqual(response, { x: [1, 1, 1], shape: 'torch.Size([2, 3])', len: 5 });
});

test('same manual_seed, same random inputs; NEST still runs beside Norse', () => {
  const code = `import torch
import norse.torch as norse
torch.manual_seed(42)
a = torch.rand(5, 2).tolist()
torch.manual_seed(42)
b = torch.rand(5, 2).tolist()
s = norse.PoissonEncoder(50, f_max=100.0)(torch.tensor([1.0]))
response = {"same": a == b, "a": a, "s": s.tolist()}
`;
  const first = run(code) as { same: boolean; a: number[][]; s: number[][] };
  const second = run(code) as { same: boolean; a: number[][]; s: number[][] };
  assert.equal(first.same, true);
  assert.deepEqual(first.a, second.a);
  assert.deepEqual(first.s, second.s);
  const nest = run('import nest\nnest.ResetKernel()\nn = nest.Create("iaf_psc_alpha")\nnest.Simulate(1.0)\nresponse = {"n": len(n)}\n');
  assert.deepEqual(nest, { n: 1 });
});

test('figure: 1000-step LIF layer of 1000 neurons with Poisson input (median of 5)', () => {
  const compute = `import torch
import norse.torch as norse
torch.manual_seed(1)
dt = 0.001
s = norse.PoissonEncoder(1000, f_max=100.0, dt=dt)(torch.ones(1000) * 0.5)
z, state = norse.LIF(p=norse.LIFParameters(), record_states=True, dt=dt)(s * 2.0)
`;
  const median = (code: string) => {
    const times: number[] = [];
    run(code); // warm-up
    for (let k = 0; k < 5; k++) {
      const result = runtime.run(code);
      assert.ok(result.ok);
      times.push(result.timings.totalMs);
    }
    return times.sort((a, b) => a - b)[2];
  };
  const layer = median(compute + 'response = {"spikes": z.shape[0]}\n');
  const withList = median(compute + 'spikes = z.detach().tolist()\nresponse = {"n": len(spikes)}\n');
  console.log(`# 1000x1000 LIF + Poisson: run ${layer.toFixed(1)} ms; with .tolist() of the spikes ${withList.toFixed(1)} ms (median of 5)`);
  // The figure is 200 ms on an idle machine; this machine is shared (2 cores), so the assertion
  // only guards against a gross regression and the measured number is reported above.
  assert.ok(layer < 1000, `the layer itself runs in ${layer} ms`);
});
