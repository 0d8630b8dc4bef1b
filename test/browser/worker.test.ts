/**
 * The local engine in Chromium: LocalEngine → module web worker → Pyodide → nest facade → kernel.
 *
 * Run: npx wtr --config web-test-runner.config.mjs --files test/browser/worker.test.ts
 */
import { expect } from '@esm-bundle/chai';
import { LocalEngine } from '../../src/engine/local-engine';
import type { RunResult } from '../../workers/api';
import { N1_SAMPLES, N1_SPIKE_TIMES, N1_VM, n1Program, printedMismatch, valueAt } from '../lib/reference-cases';

type Events = Record<string, Float64Array>;

const N1 = n1Program();

// Like the first example: Poisson input strong enough to make the neuron fire.
const FIRST_EXAMPLE = `import nest
nest.ResetKernel()
pg = nest.Create("poisson_generator", params={"rate": 10000.0})
neuron = nest.Create("iaf_psc_alpha")
sr = nest.Create("spike_recorder")
vm = nest.Create("voltmeter")
nest.Connect(pg, neuron, syn_spec={"weight": 20.0})
nest.Connect(neuron, sr)
nest.Connect(vm, neuron)
nest.Simulate(1000.0)
response = {"events": [sr.events, vm.events]}
`;

function at(events: Events, key: string, t: number): number | undefined {
  return valueAt(events.times, events[key], t);
}

function expectOk(result: RunResult): unknown {
  if (!result.ok) throw new Error(`${result.error.type} line ${result.error.line}: ${result.error.message}`);
  return result.response;
}

describe('LocalEngine (Pyodide worker)', function () {
  this.timeout(120_000);
  let engine: LocalEngine;

  before(async () => {
    engine = new LocalEngine();
    const info = await engine.ready;
    console.log(`[measure] Pyodide + facade load in Chromium worker: ${info.ms.toFixed(0)} ms`);
    expect(info.nestVersion).to.equal('3.10.0');
  });
  after(() => engine.dispose());

  it('runs in a cross-origin isolated page (needed for Stop)', () => {
    expect(globalThis.crossOriginIsolated).to.equal(true);
  });

  it('runs N1 and returns the recorder arrays as Float64Array', async () => {
    const [spikes, vm] = (expectOk(await engine.run(N1)) as { events: Events[] }).events;
    expect(vm.V_m).to.be.instanceOf(Float64Array);
    expect(vm.times.length).to.equal(N1_SAMPLES);
    for (const [t, v] of N1_VM) expect(printedMismatch(at(vm, 'V_m', t), v, `V_m(${t})`)).to.equal(null);
    expect(Array.from(spikes.times)).to.deep.equal(N1_SPIKE_TIMES);
  });

  it('measures warm runs', async () => {
    const time = async (code: string): Promise<[number, number]> => {
      await engine.run(code); // warm
      const result = await engine.run(code);
      expectOk(result);
      return [result.timings.totalMs, result.timings.pythonMs];
    };
    const [n1Total, n1Py] = await time(N1);
    const [fxTotal, fxPy] = await time(FIRST_EXAMPLE);
    const fx = (expectOk(await engine.run(FIRST_EXAMPLE)) as { events: Events[] }).events;
    console.log(
      `[measure] warm N1: ${n1Total.toFixed(1)} ms (python ${n1Py.toFixed(1)}); ` +
        `first-example-like (1000 ms, ${fx[0].times.length} spikes, ${fx[1].times.length} samples): ` +
        `${fxTotal.toFixed(1)} ms (python ${fxPy.toFixed(1)})`,
    );
    expect(fx[0].times.length).to.be.greaterThan(0);
  });

  it('reports a Python error with its line', async () => {
    const result = await engine.run('import nest\nnest.ResetKernel()\nnest.Create("no_such_model")\n');
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.error.type).to.equal('UnknownModelName');
    expect(result.error.line).to.equal(3);
  });

  it('Stop ends `while True: pass` within 0.5 s, and the next run works', async () => {
    const running = engine.run('while True:\n    pass\n');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const pressed = performance.now();
    await engine.stop();
    const result = await running.catch((error: Error) => error);
    const ms = performance.now() - pressed;
    console.log(`[measure] Stop of while True: ${ms.toFixed(0)} ms`);
    expect(ms).to.be.lessThan(500);
    expect(result).to.not.be.instanceOf(Error); // stopped by interrupt, not by restarting the worker
    expect((result as RunResult).ok).to.equal(false);
    if (!(result as RunResult).ok) expect((result as { error: { type: string } }).error.type).to.equal('KeyboardInterrupt');
    expectOk(await engine.run(N1));
  });

  it('Stop ends a long Simulate within 0.5 s', async () => {
    const running = engine.run(
      'import nest\nnest.ResetKernel()\nn = nest.Create("iaf_psc_alpha", 1000, params={"I_e": 400.0})\nnest.Simulate(1e7)\nresponse = {}\n',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const pressed = performance.now();
    await engine.stop();
    const result = await running.catch((error: Error) => error);
    const ms = performance.now() - pressed;
    console.log(`[measure] Stop of Simulate: ${ms.toFixed(0)} ms`);
    expect(ms).to.be.lessThan(500);
    expect((result as RunResult).ok).to.equal(false);
    if (!(result as RunResult).ok) expect((result as { error: { line: number } }).error.line).to.equal(4);
    expectOk(await engine.run('response = {"after": 1}'));
  });
});
