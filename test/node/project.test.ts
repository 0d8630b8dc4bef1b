import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PROJECT_VERSION, fileNameFor, makeProject, parseProject } from '../../src/storage/project';
import { Autosave, type StoredText } from '../../src/storage/autosave';

const KNOWN = ['nest'];
const workspace = { blocks: { languageVersion: 0, blocks: [] } };

test('a saved project reads back unchanged', () => {
  const p = makeProject('nest', 'Poisson input', workspace);
  const r = parseProject(JSON.stringify(p), KNOWN);
  assert.equal(r.ok, true);
  if (r.ok) {
    assert.deepEqual(r.project.workspace, workspace);
    assert.equal(r.project.name, 'Poisson input');
    assert.equal(r.project.version, PROJECT_VERSION);
  }
});

test('broken or foreign files are refused with a message that says why', () => {
  const cases: [string, RegExp][] = [
    ['{"format": "spikeblocks-project", "version": 1, ', /not valid JSON/],
    ['[1, 2, 3]', /no project object/],
    ['{"name": "x", "network": {}, "simulation": {}}', /NEST Desktop/],
    ['{"hello": "world"}', /no "format"/],
    ['{"format": "spikeblocks-project", "version": "1", "simulator": "nest", "workspace": {}}', /no valid version/],
    ['{"format": "spikeblocks-project", "version": 99, "simulator": "nest", "workspace": {}}', /newer Spikeblocks.*99/],
    ['{"format": "spikeblocks-project", "version": 1, "simulator": "brian9", "workspace": {}}', /does not know \("brian9"\)/],
    ['{"format": "spikeblocks-project", "version": 1, "simulator": "nest"}', /no blocks/],
  ];
  for (const [text, message] of cases) {
    const r = parseProject(text, KNOWN);
    assert.equal(r.ok, false, text);
    if (!r.ok) assert.match(r.message, message, text);
  }
});

test('file names are safe and recognisable', () => {
  assert.equal(fileNameFor('My network', 'json'), 'My-network.json');
  assert.equal(fileNameFor('../../etc/passwd', 'py'), 'etcpasswd.py');
  assert.equal(fileNameFor('   ', 'py'), 'spikeblocks.py');
});

function memoryStore(failWrites = false): StoredText & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get: (k) => data.get(k) ?? null,
    set: (k, v) => {
      if (failWrites) throw new DOMException('quota', 'QuotaExceededError');
      data.set(k, v);
    },
    keys: () => [...data.keys()],
  };
}

test('autosave keeps the last project and rescues an unreadable one instead of losing it', () => {
  const store = memoryStore();
  const a = new Autosave(store);
  assert.equal(a.loadText(), null);
  assert.equal(a.save(makeProject('nest', 'one', workspace)), true);
  assert.match(a.loadText() ?? '', /"name":"one"/);
  const key = a.rescue('{broken');
  assert.equal(store.data.get(key), '{broken');
});

test('autosave reports a browser that refuses to store', () => {
  const a = new Autosave(memoryStore(true));
  assert.equal(a.save(makeProject('nest', 'one', workspace)), false);
});

test('hand-edited code travels with the project; a huge name is cut to a label', () => {
  const p = makeProject('nest', 'x'.repeat(5000), workspace, 'import nest\nprint(1)\n');
  const r = parseProject(JSON.stringify(p), KNOWN);
  assert.equal(r.ok, true);
  if (r.ok) {
    assert.equal(r.project.editedCode, 'import nest\nprint(1)\n');
    assert.equal(r.project.name.length, 80);
  }
  const plain = parseProject(JSON.stringify(makeProject('nest', 'a', workspace, null)), KNOWN);
  assert.equal(plain.ok && plain.project.editedCode, undefined);
});

test('a file far larger than any project is refused before it is parsed', () => {
  const big = JSON.stringify(makeProject('nest', 'big', { blocks: { blocks: [], pad: 'y'.repeat(6_000_000) } }));
  const r = parseProject(big, KNOWN);
  assert.equal(r.ok, false);
  if (!r.ok) assert.match(r.message, /too large.*6\.\d MB/);
});
