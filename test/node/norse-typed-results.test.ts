/**
 * Recorded tensors travel as typed rows: Tensor.tolist() in the local runtime is a lazy list
 * (workers/python/torch/_tensorlist.py) that reaches JavaScript as Float32Array rows of one
 * buffer, which the worker transfers whole (workers/runtime.ts forTransfer). To Python it is
 * still the nested list PyTorch gives; plotted, it gives what plain nested lists (a remote Norse)
 * give. Also: a tensor too large for the browser is refused with a MemoryError.
 * Expected spikes are reference case R1 (cases.md, real Norse 1.1: a LIF neuron on a constant
 * input of 1 spikes after steps 5, 8 and 11).
 *
 * Run: node --import tsx --test test/node/norse-typed-results.test.ts
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeRuntime } from '../../src/cli/node-runtime';
import { forTransfer, type SimRuntime } from '../../workers/runtime';
import { norseToEvents } from '../../src/plots/norse-recordings';
import { MAX_TENSOR_ELEMENTS } from '../../workers/engine/norse/tensor';

let runtime: SimRuntime;
before(async () => {
  runtime = await loadNodeRuntime();
});

function run(code: string): Record<string, unknown> {
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

const R1_PROGRAM = `import torch
import norse.torch as norse
dt = 0.001
z1, s_lif1 = norse.LIF(record_states=True, dt=dt)(torch.ones(12, 3))
response = {
    "dt": dt,
    "steps": 12,
    "recordings": [
        {"name": "lif1", "spikes": z1.detach().tolist(), "v": s_lif1.v.detach().tolist()},
    ],
}
`;

test('recorded tensors arrive as Float32Array rows of one buffer, transferred whole, not copied', () => {
  const response = run(R1_PROGRAM) as { recordings: { spikes: Float32Array[]; v: Float32Array[] }[] };
  const { spikes, v } = response.recordings[0];
  assert.equal(spikes.length, 12);
  assert.ok(spikes.every((row) => row instanceof Float32Array && row.length === 3));
  assert.ok(spikes.every((row) => row.buffer === spikes[0].buffer), 'one buffer for the whole tensor');
  assert.equal(spikes[0].buffer.byteLength, 12 * 3 * 4);
  assert.notEqual(v[0].buffer, spikes[0].buffer, 'each recorded tensor has its own copy');
  const { value, transfer } = forTransfer(response);
  assert.equal(transfer.length, 2, 'the spikes buffer and the v buffer, once each');
  assert.ok(transfer.includes(spikes[0].buffer as ArrayBuffer) && transfer.includes(v[0].buffer as ArrayBuffer));
  assert.equal((value as typeof response).recordings[0].spikes[7], spikes[7], 'rows sent as they are');
  // R1: every neuron spikes after steps 5, 8 and 11
  const steps = spikes.flatMap((row, t) => (row[0] === 1 ? [t] : []));
  assert.deepEqual(steps, [5, 8, 11]);
});

test('forTransfer still copies a view that is only part of its buffer, and moves a whole array', () => {
  const whole = new Float64Array([1, 2, 3]);
  const big = new Float32Array(10);
  const part = big.subarray(2, 5);
  const { value, transfer } = forTransfer({ whole, part });
  assert.deepEqual(transfer.length, 2);
  assert.equal(value.whole, whole);
  assert.notEqual(value.part.buffer, big.buffer, 'part copied: the rest of its buffer is not the response’s');
  assert.ok(!transfer.includes(big.buffer));
});

test('typed rows and plain nested lists (a remote Norse) give the same plotted events', () => {
  const typed = run(R1_PROGRAM);
  const plain = plainLists(typed);
  const fromTyped = norseToEvents(typed);
  const fromPlain = norseToEvents(plain);
  assert.deepEqual(fromTyped.recorders, fromPlain.recorders);
  assert.deepEqual(fromTyped.response.events, fromPlain.response.events);
  // R1 by hand: 3 neurons × spikes after steps 5, 8, 11 → drawn at (step + 1) · 1 ms
  assert.deepEqual([...fromTyped.response.events[0].times], [6, 6, 6, 9, 9, 9, 12, 12, 12]);
  assert.deepEqual([...fromTyped.response.events[0].senders], [0, 1, 2, 0, 1, 2, 0, 1, 2]);
  assert.equal(fromTyped.response.events[1].v[0], Math.fround(0.1), 'v after the first step: 0.1 in float32');
});

test('to Python, tolist() is still the nested list: len, sum, indexing, ==, repr, copies, changes', () => {
  const response = run(`import torch, copy, json
import norse.torch as norse
z, s = norse.LIF(record_states=True)(torch.ones(12, 2))
spikes = z.detach().tolist()
x = torch.zeros(2, 2)
listed = x.tolist()
x[0, 0] = 9.0                      # after tolist(): the list keeps the old numbers
changed = torch.ones(2, 2).tolist()
changed[1][0] = 5.0                # a change in a row
changed.append([7.0, 8.0])
response = {
    "len": len(spikes), "row_len": len(spikes[0]), "total": sum(sum(row) for row in spikes),
    "at5": spikes[5][1], "last": spikes[-1], "slice_len": len(spikes[2:6]),
    "eq": spikes[:6] == [[0.0, 0.0]] * 5 + [[1.0, 1.0]], "repr": repr(listed),
    "is_float": type(spikes[5][0]).__name__,
    "deep": json.dumps(copy.deepcopy(listed)), "list": json.dumps([list(r) for r in listed]),
    "json": json.dumps({"z": spikes[4:6]}), "is_list": isinstance(spikes, list),
    "back": torch.tensor(spikes).shape[0] == 12,
    "listed": listed, "changed": changed,
}
`) as Record<string, unknown>;
  assert.equal(response.len, 12);
  assert.equal(response.row_len, 2);
  assert.equal(response.total, 6, 'R1: 3 spikes per neuron, 2 neurons');
  assert.equal(response.at5, 1);
  assert.deepEqual(Array.from(response.last as Float32Array), [1, 1]);
  assert.equal(response.slice_len, 4);
  assert.equal(response.eq, true);
  assert.equal(response.repr, '[[0.0, 0.0], [0.0, 0.0]]');
  assert.equal(response.is_float, 'float');
  assert.equal(response.deep, '[[0.0, 0.0], [0.0, 0.0]]');
  assert.equal(response.list, '[[0.0, 0.0], [0.0, 0.0]]');
  assert.equal(response.json, '{"z": [[0.0, 0.0], [1.0, 1.0]]}', 'json.dumps as with real lists');
  assert.equal(response.is_list, false, 'the one difference from a real list (documented)');
  assert.equal(response.back, true);
  assert.deepEqual(plainLists(response.listed), [[0, 0], [0, 0]]);
  assert.deepEqual(plainLists(response.changed), [[1, 1], [5, 1], [7, 8]], 'a changed list is sent as it is now');
});

test('a tensor too large for the browser: MemoryError naming the shape and the way out, at once', () => {
  for (const [call, shape] of [
    ['torch.ones(100000, 100000)', '(100000, 100000)'],
    ['torch.zeros(50000001)', '(50000001,)'],
    ['norse.PoissonEncoder(100000)(torch.ones(1000))', '(100000, 1000)'],
    ['torch.ones(100000, 1) + torch.ones(1, 100000)', '(100000, 100000)'],
  ]) {
    const started = performance.now();
    const result = runtime.run(`import torch\nimport norse.torch as norse\nx = ${call}\nresponse = {}\n`);
    const ms = performance.now() - started;
    assert.equal(result.ok, false, call);
    if (result.ok) return;
    assert.equal(result.error.type, 'MemoryError', call);
    assert.equal(result.error.line, 3, 'points at the program line');
    assert.ok(result.error.message.includes(`a tensor of shape ${shape}`), result.error.message);
    assert.match(result.error.message, /too large for the browser/);
    assert.match(result.error.message, /at most 50,000,000 numbers \(200 MB\)/);
    assert.match(result.error.message, /Make it smaller .* or run on a Norse backend/);
    assert.ok(ms < 2000, `${call} refused in ${ms.toFixed(0)} ms, without trying`);
  }
  assert.equal(MAX_TENSOR_ELEMENTS, 50_000_000);
  // the program still runs after a refusal, and a tensor within the limit is made
  assert.deepEqual(run('import torch\nresponse = {"n": torch.zeros(1000, 1000).numel()}\n'), { n: 1_000_000 });
});
