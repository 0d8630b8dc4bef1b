// The .ipynb export (src/export/notebook.ts) is a notebook the real tools accept: the venv's
// nbformat validates it against the 4.5 schema, and `jupyter nbconvert --execute` runs it on a
// real ipykernel with real NEST. Its last cell's summary must say what real NEST gives for the
// same program run as a plain script (test/lib/python.ts runOnRealNest): the spike count and the
// voltmeter's sample count.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import * as Blockly from 'blockly';
import { registerNestBlocks } from '../../blocks/nest/index';
import { generateNest } from '../../generators/nest';
import { makeNotebook } from '../../src/export/notebook';
import { NEST_PLUGIN } from '../../src/registry';
import { runOnRealNest, venvPython } from '../lib/python';

const run = promisify(execFile);
let dir: string;
let code: string;
let notebookFile: string;

before(() => {
  registerNestBlocks();
  dir = mkdtempSync(join(tmpdir(), 'spikeblocks-notebook-'));
  const workspace = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(NEST_PLUGIN.examples[0].workspace, workspace);
  code = generateNest(workspace).code;
  workspace.dispose();
  notebookFile = join(dir, 'first.ipynb');
  writeFileSync(notebookFile, makeNotebook({ projectName: 'Poisson input [drives] *one* neuron', code, language: 'PyNEST' }));
});

after(() => rmSync(dir, { recursive: true, force: true }));

const env = () => ({ ...process.env, PATH: `${dirname(venvPython())}:${process.env.PATH}`, OMP_NUM_THREADS: '1', JUPYTER_RUNTIME_DIR: join(dir, 'runtime') });

test('nbformat validates the notebook as nbformat 4.5', async () => {
  const check = `import json, sys, nbformat
nb = nbformat.read(sys.argv[1], as_version=nbformat.NO_CONVERT)
nbformat.validate(nb)
print(json.dumps({"v": [nb.nbformat, nb.nbformat_minor], "types": [c.cell_type for c in nb.cells], "ids": [c.id for c in nb.cells]}))`;
  const { stdout } = await run(venvPython(), ['-c', check, notebookFile], { env: env() });
  const info = JSON.parse(stdout.trim().split('\n').pop()!);
  assert.deepEqual(info.v, [4, 5]);
  assert.deepEqual(info.types, ['markdown', 'code', 'code']);
  assert.equal(new Set(info.ids).size, 3);
  // nbformat's validator also refuses a notebook with a broken cell: prove the check can fail
  const broken = JSON.parse(readFileSync(notebookFile, 'utf8'));
  delete broken.cells[1].outputs;
  writeFileSync(join(dir, 'broken.ipynb'), JSON.stringify(broken));
  await assert.rejects(run(venvPython(), ['-c', check, join(dir, 'broken.ipynb')], { env: env() }));
});

test('the notebook runs on a real kernel and shows what real NEST gives', async () => {
  const script = join(dir, 'first.py');
  writeFileSync(script, code);
  const [nest] = await runOnRealNest([script]);
  const events = (nest.response as { events: { times: number[]; senders: number[]; V_m?: number[] }[] }).events;
  const spikes = events.find((e) => !('V_m' in e))!.times.length;
  const samples = events.find((e) => 'V_m' in e)!.times.length;
  assert.ok(spikes > 0 && samples > 0, 'the example fires and records V_m');

  const t0 = performance.now();
  await run(join(dirname(venvPython()), 'jupyter'), ['nbconvert', '--to', 'notebook', '--execute', '--ExecutePreprocessor.timeout=300', '--output', 'executed.ipynb', notebookFile], { env: env(), cwd: dir, timeout: 300_000 });
  const seconds = (performance.now() - t0) / 1000;
  console.log(`notebook executed by nbconvert on a real kernel in ${seconds.toFixed(1)} s`);
  const executed = JSON.parse(readFileSync(join(dir, 'executed.ipynb'), 'utf8'));
  const last = executed.cells[2];
  const printed = last.outputs.filter((o: { name?: string }) => o.name === 'stdout').map((o: { text: string | string[] }) => [o.text].flat().join('')).join('');
  assert.match(printed, new RegExp(`recording 1: ${spikes} spikes from 1 neuron\\(s\\)`));
  assert.match(printed, new RegExp(`recording 2: ${samples} samples of V_m from 1 neuron\\(s\\)`));
  // matplotlib is in the venv: one plot per recording
  const images = last.outputs.filter((o: { data?: Record<string, unknown> }) => o.data && 'image/png' in o.data);
  assert.equal(images.length, 2);
  assert.ok(!executed.cells.some((c: { outputs?: { output_type: string }[] }) => c.outputs?.some((o) => o.output_type === 'error')));
});

test('a Norse notebook runs on a real kernel with real Norse and shows what real Norse gives', async () => {
  const { registerNorseBlocks } = await import('../../blocks/norse/index');
  const { generateNorse } = await import('../../generators/norse');
  const { NORSE_PLUGIN } = await import('../../src/registry');
  const { runOnRealNorse } = await import('../lib/norse');
  registerNorseBlocks();
  const workspace = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(NORSE_PLUGIN.examples[0].workspace, workspace);
  const norseCode = generateNorse(workspace).code;
  workspace.dispose();
  // not norse.py: the kernel runs in this folder, and `import norse` would find that file
  const script = join(dir, 'lif-program.py');
  writeFileSync(script, norseCode);
  const [real] = await runOnRealNorse([script]);
  const recordings = (real.response as { recordings: Record<string, unknown>[] }).recordings;
  assert.ok(recordings.length > 0);
  const file = join(dir, 'norse.ipynb');
  writeFileSync(file, makeNotebook({ projectName: 'LIF layer', code: norseCode, language: 'Norse' }));
  await run(join(dirname(venvPython()), 'jupyter'), ['nbconvert', '--to', 'notebook', '--execute', '--ExecutePreprocessor.timeout=300', '--output', 'norse-executed.ipynb', file], { env: env(), cwd: dir, timeout: 300_000 });
  const executed = JSON.parse(readFileSync(join(dir, 'norse-executed.ipynb'), 'utf8'));
  const printed = executed.cells[2].outputs.filter((o: { name?: string }) => o.name === 'stdout').map((o: { text: string | string[] }) => [o.text].flat().join('')).join('');
  for (const rec of recordings) {
    for (const [key, value] of Object.entries(rec)) {
      if (key === 'name' || !Array.isArray(value)) continue;
      assert.match(printed, new RegExp(`${rec.name}\\.${key}: ${value.length} time steps`));
    }
  }
});
