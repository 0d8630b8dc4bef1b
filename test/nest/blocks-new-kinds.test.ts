/**
 * Every new block kind, as the toolbox hands it out, generates code that runs UNMODIFIED on real
 * NEST 3.10 (the venv) and on the local engine: a population of every neuron model, the noise
 * current, an stdp_synapse connection, the four random values (in a population row, under "more
 * parameters", as weights, in "change … to"), and the f–I curve example with its spike counts
 * and result table. Where the program is deterministic the two must agree: spike counts of each
 * model, and the f–I table point by point.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import * as Blockly from 'blockly';
import { registerNestBlocks } from '../../blocks/nest/index';
import { NEURON_MODELS } from '../../blocks/nest/neurons';
import { TOOLBOX } from '../../blocks/toolbox';
import { generateNest, type GeneratedProgram } from '../../generators/nest';
import { loadNodeRuntime } from '../../src/cli/node-runtime';
import { runOnRealNest } from '../lib/python';

type B = Record<string, unknown>;
interface Response {
  events: { times: number[]; senders: number[] }[];
  results?: Record<string, [number, number][]>;
}

const sh = (type: string, v: number) => ({ shadow: { type, fields: { NUM: v } } });

/** A deep copy of the toolbox's block of `type` (the first whose fields match `fields`). */
function fromToolbox(type: string, fields: B = {}): B {
  for (const c of TOOLBOX.contents as B[]) {
    for (const b of (c.contents as B[] | undefined) ?? []) {
      if (b.type !== type) continue;
      const f = (b.fields ?? {}) as B;
      if (Object.entries(fields).every(([k, v]) => JSON.stringify(f[k]) === JSON.stringify(v))) {
        const { kind: _kind, ...state } = structuredClone(b);
        return state;
      }
    }
  }
  throw new Error(`no ${type} ${JSON.stringify(fields)} in the toolbox`);
}

function named(state: B, field: string, varId: string, extraFields: B = {}): B {
  return { ...state, fields: { ...((state.fields ?? {}) as B), [field]: { id: varId }, ...extraFields } };
}

function chain(blocks: B[]): B {
  for (let i = blocks.length - 2; i >= 0; i--) blocks[i].next = { block: blocks[i + 1] };
  return blocks[0];
}

const VARS = ['n1', 'n2', 'dc1', 'ng1', 'pg1', 'sr1', 'vm1'];

function generate(blocks: B[]): GeneratedProgram {
  const ws = new Blockly.Workspace();
  try {
    Blockly.serialization.workspaces.load({
      blocks: { languageVersion: 0, blocks: [chain(blocks)] },
      variables: VARS.map((name) => ({ name, id: `v_${name}`, type: 'nest_node' })),
    }, ws);
    return generateNest(ws);
  } finally {
    ws.dispose();
  }
}

const kernel = () => ({ type: 'nest_kernel', inputs: { RESOLUTION: sh('math_number', 0.1), SEED: sh('nest_seed', 7) } });
const connect = (source: string, target: string, fields: B = {}, inputs: B = {}): B => ({
  type: 'nest_connect', fields: { SOURCE: { id: `v_${source}` }, TARGET: { id: `v_${target}` }, RULE: 'all_to_all', ...fields },
  inputs: { WEIGHT: sh('nest_slider_weight', 1), DELAY: sh('nest_slider_delay', 1), ...inputs },
});
const simulate = (t: number) => ({ type: 'nest_simulate', inputs: { TIME: sh('nest_slider_sim_time', t) } });
const spikeRecorder = () => named(fromToolbox('nest_spike_recorder'), 'NAME', 'v_sr1');

/** Factors of the toolbox's 400 pA current: izhikevich's currents are ~10, aeif_cond_alpha's
 * rheobase is above 400 pA (g_L · (V_th − E_L) ≈ 600 pA, less with the exponential term). */
const CURRENT_FACTOR: Record<string, number> = { izhikevich: 0.05, aeif_cond_alpha: 2 };

/** Each neuron model from the toolbox, driven by the toolbox's current; parrot_neuron takes no
 * current: the toolbox's spikes at chosen times instead. */
function modelProgram(model: string): B[] {
  const pop = named(fromToolbox('nest_population', { MODEL: model }), 'NAME', 'v_n1');
  (pop.inputs as B).N = sh('nest_count', 2);
  if (model === 'parrot_neuron') {
    return [kernel(), pop, named(fromToolbox('nest_spike_generator'), 'NAME', 'v_pg1'), spikeRecorder(),
      connect('pg1', 'n1'), connect('n1', 'sr1'), simulate(300)];
  }
  return [
    kernel(), pop,
    named(fromToolbox('nest_dc_generator'), 'NAME', 'v_dc1'),
    spikeRecorder(),
    connect('dc1', 'n1', {}, { WEIGHT: sh('nest_slider_weight', CURRENT_FACTOR[model] ?? 1) }),
    connect('n1', 'sr1'),
    simulate(300),
  ];
}

function noiseProgram(): B[] {
  return [
    kernel(), named(fromToolbox('nest_population', { MODEL: 'iaf_psc_alpha' }), 'NAME', 'v_n1'),
    named(fromToolbox('nest_noise_generator'), 'NAME', 'v_ng1'), spikeRecorder(),
    connect('ng1', 'n1'), connect('n1', 'sr1'), simulate(1000),
  ];
}

function stdpProgram(): B[] {
  const driven = named(fromToolbox('nest_population', { MODEL: 'iaf_psc_alpha' }), 'NAME', 'v_n1');
  (driven.inputs as B).I_e = sh('nest_slider_iaf_psc_alpha_I_e', 450);
  const stdp = fromToolbox('nest_connect', { SYNAPSE: 'stdp_synapse' });
  return [
    kernel(), driven, named(fromToolbox('nest_population', { MODEL: 'iaf_psc_alpha' }), 'NAME', 'v_n2'), spikeRecorder(),
    { ...stdp, fields: { ...(stdp.fields as B), SOURCE: { id: 'v_n1' }, TARGET: { id: 'v_n2' } } },
    connect('n1', 'sr1'), connect('n2', 'sr1'), simulate(500),
  ];
}

const random = (type: string): B => {
  const { inputs } = fromToolbox(type);
  return { type, inputs };
};
/** The toolbox's uniform block with a range for a membrane potential (its own range fits weights and delays). */
const uniformVm = (): B => ({ ...random('nest_random_uniform'), inputs: { min: sh('math_number', -70), max: sh('math_number', -55) } });

function randomProgram(): B[] {
  const pop = named(fromToolbox('nest_population', { MODEL: 'iaf_psc_alpha' }), 'NAME', 'v_n1');
  const inputs = pop.inputs as B;
  inputs.N = sh('nest_count', 20);
  inputs.I_e = { ...(inputs.I_e as B), block: { ...random('nest_random_exponential'), inputs: { beta: sh('math_number', 300) } } };
  inputs.PARAMS = { block: { type: 'nest_param', fields: { PARAM: 'V_m' }, inputs: { VALUE: { ...sh('math_number', -70), block: uniformVm() } } } };
  const second = named(fromToolbox('nest_population', { MODEL: 'iaf_psc_alpha' }), 'NAME', 'v_n2');
  (second.inputs as B).N = sh('nest_count', 20);
  return [
    kernel(), pop, second,
    { type: 'nest_set', fields: { PARAM: 'V_m', TARGET: { id: 'v_n2' } }, inputs: { VALUE: { block: uniformVm() } } },
    named(fromToolbox('nest_poisson_generator'), 'NAME', 'v_pg1'), spikeRecorder(),
    connect('pg1', 'n1', {}, { WEIGHT: { ...sh('nest_slider_weight', 1), block: random('nest_random_normal') } }),
    connect('n1', 'n2', {}, { WEIGHT: { ...sh('nest_slider_weight', 1), block: random('nest_random_lognormal') } }),
    connect('n1', 'sr1'), connect('n2', 'sr1'), simulate(300),
  ];
}

const EXAMPLE = resolve(import.meta.dirname, '../../blocks/examples/fi-curve.json');

const programs = new Map<string, GeneratedProgram>();
let dir: string;
const nest = new Map<string, Response>();
const local = new Map<string, Response>();

before(async () => {
  registerNestBlocks();
  for (const m of NEURON_MODELS) programs.set(`model ${m}`, generate(modelProgram(m)));
  programs.set('noise current', generate(noiseProgram()));
  programs.set('stdp synapse', generate(stdpProgram()));
  programs.set('random values', generate(randomProgram()));
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(JSON.parse(readFileSync(EXAMPLE, 'utf8')), ws);
  programs.set('f-I curve', generateNest(ws));
  ws.dispose();

  dir = mkdtempSync(join(tmpdir(), 'spikeblocks-new-kinds-'));
  const names = [...programs.keys()];
  const files = names.map((name, i) => {
    const file = join(dir, `program-${i}.py`);
    writeFileSync(file, programs.get(name)!.code);
    return file;
  });
  const runs = await runOnRealNest(files);
  names.forEach((name, i) => nest.set(name, runs[i].response as Response));
  const runtime = await loadNodeRuntime();
  for (const name of names) {
    const result = await runtime.run(programs.get(name)!.code);
    if (!result.ok) throw new Error(`${name} on the local engine: ${result.error.type}: ${result.error.message}\n${programs.get(name)!.code}`);
    local.set(name, result.response as Response);
  }
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('the programs use what they are meant to test, and the blocks flag no problems', () => {
  for (const [name, p] of programs) assert.deepEqual(p.problems, [], name);
  assert.match(programs.get('model hh_psc_alpha')!.code, /nest\.Create\("hh_psc_alpha", 2\)/);
  assert.match(programs.get('noise current')!.code, /nest\.Create\("noise_generator", 1, params=\{"mean": 350\.0, "std": 200\.0\}\)/);
  assert.match(programs.get('stdp synapse')!.code, /"synapse_model": "stdp_synapse"/);
  const r = programs.get('random values')!.code;
  for (const fn of ['uniform', 'normal', 'lognormal', 'exponential']) assert.match(r, new RegExp(`nest\\.random\\.${fn}\\(`));
  assert.match(r, /^n2\.set\(V_m=nest\.random\.uniform\(min=-70\.0, max=-55\.0\)\)$/m);
});

test('every neuron model: real NEST and the local engine give the same spike count', () => {
  for (const m of NEURON_MODELS) {
    const name = `model ${m}`;
    const count = (r: Response) => r.events[0].times.length;
    // the parrots repeat the toolbox's three spikes (10, 20.5, 30 ms), each of the two
    if (m === 'parrot_neuron') assert.equal(count(nest.get(name)!), 6);
    else assert.ok(count(nest.get(name)!) > 0, `${m} fires on NEST`);
    assert.equal(count(local.get(name)!), count(nest.get(name)!), `${m}: local ${count(local.get(name)!)} vs NEST ${count(nest.get(name)!)}`);
  }
});

test('noise current, stdp synapse and random values run on both, and drive spikes on both', () => {
  for (const name of ['noise current', 'stdp synapse', 'random values']) {
    assert.ok(nest.get(name)!.events[0].times.length > 0, `${name}: spikes on NEST`);
    assert.ok(local.get(name)!.events[0].times.length > 0, `${name}: spikes on the local engine`);
  }
});

test('f–I curve example: the same table on real NEST and locally, zero below the rheobase (375 pA)', () => {
  const table = nest.get('f-I curve')!.results!['f-I curve'];
  assert.deepEqual(local.get('f-I curve')!.results!['f-I curve'], table);
  for (const [current, spikes] of table) if (current < 375) assert.equal(spikes, 0);
  assert.ok(table.at(-1)![1] > table[4][1] && table[4][1] > 0);
});
