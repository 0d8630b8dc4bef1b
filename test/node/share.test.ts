// Shared links (src/share): a project survives the trip through the URL fragment exactly as it
// survives a saved file; broken and hostile fragments give a message, never an exception or a
// frozen page; the Share button's copy falls back to showing the link.
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { test } from 'node:test';
import { SIMULATOR_IDS, SIMULATORS } from '../../src/registry';
import { makeProject, parseProject, MAX_PROJECT_BYTES } from '../../src/storage/project';
import { decodeProject, encodeProject, fromBase64Url, projectLink, sharedPayload, toBase64Url } from '../../src/share/link';
import { readSharedLink, shareProject } from '../../src/share/share-project';

const PAGE = 'https://class.example.org/spikeblocks/?kiosk#old';

function examples() {
  return SIMULATORS.flatMap((s) => s.examples.map((ex) => ({ sim: s.id, ...ex })));
}

test('every example opens from its link as it opens from its saved file', async () => {
  for (const ex of examples()) {
    const project = makeProject(ex.sim, ex.title, ex.workspace);
    const link = await projectLink(PAGE, project);
    assert.ok(link.startsWith('https://class.example.org/spikeblocks/?kiosk#p='), link.slice(0, 60));
    const fromLink = await readSharedLink(new URL(link).hash, SIMULATOR_IDS);
    // what Save writes (sb-app saveFile: JSON.stringify(project, null, 1)) read back as Open… reads it
    const fromFile = parseProject(JSON.stringify(project, null, 1), SIMULATOR_IDS);
    assert.ok(fromLink?.ok && fromFile.ok);
    assert.deepEqual(fromLink.project, fromFile.project);
    assert.deepEqual(fromLink.project.workspace, ex.workspace);
    console.log(`link length ${ex.sim}/${ex.id}: ${link.length} characters (JSON ${JSON.stringify(project).length})`);
  }
});

test('hand-edited code and the simulator travel with the link', async () => {
  const ex = SIMULATORS[1].examples[0];
  const edited = 'import torch\n# ünïcode ✓ and a "quote"\nresponse = {}\n';
  const project = makeProject('norse', 'Mein Netz', ex.workspace, edited);
  const parsed = await decodeProject(await encodeProject(project), SIMULATOR_IDS);
  assert.ok(parsed.ok);
  assert.equal(parsed.project.editedCode, edited);
  assert.equal(parsed.project.simulator, 'norse');
  assert.equal(parsed.project.name, 'Mein Netz');
});

test('the fragment value is found among other keys and only under "p"', () => {
  assert.equal(sharedPayload('#p=abc'), 'abc');
  assert.equal(sharedPayload('#x=1&p=abc_-'), 'abc_-');
  assert.equal(sharedPayload('#pp=abc'), null);
  assert.equal(sharedPayload(''), null);
  assert.equal(sharedPayload('#'), null);
});

test('base64url round-trips every byte value and refuses foreign characters', () => {
  const bytes = Uint8Array.from({ length: 256 * 3 }, (_, i) => i % 256);
  const text = toBase64Url(bytes);
  assert.match(text, /^[A-Za-z0-9_-]+$/);
  assert.deepEqual(fromBase64Url(text), bytes);
  assert.equal(fromBase64Url('ab+c'), null);
  // a length no base64 text has: the dangling character is dropped
  assert.deepEqual(fromBase64Url('AAAAA'), new Uint8Array(3));
});

/** deflate-raw + base64url of any text, made with Node's zlib (not our encoder). */
function packed(text: string | Buffer): string {
  return toBase64Url(deflateRawSync(typeof text === 'string' ? Buffer.from(text) : text));
}

test('broken and hostile links give a message and no project', async () => {
  const good = await encodeProject(makeProject('nest', 'x', SIMULATORS[0].examples[0].workspace));
  const cases: [string, string, RegExp][] = [
    ['empty', '', /holds no project/],
    ['cut off', good.slice(0, Math.floor(good.length / 2)), /damaged or cut off/],
    ['foreign characters', good.slice(0, 20) + '<script>', /characters a Spikeblocks link never has/],
    ['not deflate', toBase64Url(new TextEncoder().encode('hello world, not compressed')), /damaged or cut off/],
    ['not JSON', packed('{"format": "spikeblocks-project", '), /not valid JSON/],
    ['not a project', packed('{"hello": 1}'), /not a Spikeblocks project/],
    ['unknown simulator', packed(JSON.stringify({ ...makeProject('nest', 'x', {}), simulator: 'brian2' })), /simulator Spikeblocks does not know \("brian2"\)/],
    ['newer version', packed(JSON.stringify({ ...makeProject('nest', 'x', {}), version: 99 })), /newer Spikeblocks/],
    ['not text', packed(Buffer.from([0xff, 0xfe, 0xfd])), /not text/],
    // ~11 MB of spaces deflate to ~11 kB: refused while inflating, not after
    ['inflates too far', packed(' '.repeat(MAX_PROJECT_BYTES * 2 + 7)), /unpacks to more than 5 MB/],
  ];
  for (const [what, payload, message] of cases) {
    const parsed = await decodeProject(payload, SIMULATOR_IDS);
    assert.equal(parsed.ok, false, what);
    if (!parsed.ok) assert.match(parsed.message, message, what);
    if (!parsed.ok) assert.doesNotMatch(parsed.message, /\bthis file\b|project file/i, `${what}: says "link", not "file": ${parsed.message}`);
  }
});

test('a NEST Desktop project in a link opens as blocks, as Open… opens it', async () => {
  const { readFileSync } = await import('node:fs');
  const { resolve } = await import('node:path');
  const fixtures = resolve(import.meta.dirname, '../fixtures/nest-desktop');
  const opened = await decodeProject(packed(readFileSync(resolve(fixtures, 'spike-activity.json'), 'utf8')), SIMULATOR_IDS);
  assert.ok(opened.ok && opened.project.simulator === 'nest' && opened.project.name === 'Spike activity');
  const refusedOne = await decodeProject(packed(readFileSync(resolve(fixtures, 'spatial.json'), 'utf8')), SIMULATOR_IDS);
  assert.ok(!refusedOne.ok && /NEST Desktop project the blocks cannot express: .*spatial node/.test(refusedOne.message));
});

test('a too-long link is refused before any work', async () => {
  const parsed = await decodeProject('A'.repeat(2_000_004), SIMULATOR_IDS);
  assert.ok(!parsed.ok && /too long/.test(parsed.message));
});

test('a link that a mail program percent-escaped or broke across lines still opens', async () => {
  const project = makeProject('nest', 'x', SIMULATORS[0].examples[0].workspace);
  const payload = await encodeProject(project);
  const first = payload[0];
  const escaped = `%${first.charCodeAt(0).toString(16).toUpperCase()}${payload.slice(1, 40)}\n ${payload.slice(40)}`;
  const parsed = await decodeProject(escaped, SIMULATOR_IDS);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.project.workspace, project.workspace);
});

test('Share copies the link and says how long it is; a refused clipboard shows the link instead', async () => {
  const project = makeProject('nest', 'x', SIMULATORS[0].examples[0].workspace);
  let copied = '';
  const ok = await shareProject(project, PAGE, async (t) => ((copied = t), true));
  assert.equal(copied, ok.link);
  assert.match(ok.text, new RegExp(`Link copied \\(${ok.link.length < 10_000 ? String(ok.link.length) : ok.link.length.toLocaleString('en')} characters\\)`));
  assert.equal(ok.detail, undefined);
  const refused = await shareProject(project, PAGE, async () => false);
  assert.equal(refused.detail, refused.link);
  assert.match(refused.text, /did not allow copying/);
  assert.equal(refused.link, ok.link);
  // the page's own fragment is not part of the link
  assert.ok(!ok.link.includes('#old'));
});

// ---- a link of hand-edited code: said when it is made and when it is opened ----

import { sharedLinkOpenedText } from '../../src/share/share-project';
import { asLinkMessage } from '../../src/share/link';
import { useLanguageForTests } from '../../src/i18n';

test('a link made from hand-edited code says it carries that code and that Run runs it, not the blocks', async () => {
  const blocks = SIMULATORS[0].examples[0].workspace;
  const plain = await shareProject(makeProject('nest', 'x', blocks), PAGE, async () => true);
  assert.match(plain.text, /Whoever opens it gets these blocks; nothing is stored on a server\./);
  assert.doesNotMatch(plain.text, /edited/);
  const code = 'import nest\nnest.ResetKernel()\nresponse = {"events": []}\n';
  const edited = makeProject('nest', 'x', blocks, code);
  const shared = await shareProject(edited, PAGE, async () => true);
  assert.match(shared.text, /gets these blocks and your hand-edited code, and Run runs your edited code, not the blocks’ own, until they press "Back to blocks"/);
  // it really carries the code: the link opens to the same edited text
  const opened = await readSharedLink(new URL(shared.link).hash, SIMULATOR_IDS);
  assert.ok(opened && opened.ok);
  assert.equal(opened.project.editedCode, code);
  // and whoever opens it is told so
  assert.match(sharedLinkOpenedText(opened.project), /with code edited by hand: Run runs that code, not the blocks’ own\. Press "Back to blocks"/);
  assert.equal(sharedLinkOpenedText(makeProject('nest', 'x', blocks)), 'Opened the shared project "x".');
  // a name with bidirectional controls is shown without them
  assert.equal(sharedLinkOpenedText(makeProject('nest', 'abc\u202Eexe.py', blocks)), 'Opened the shared project "abcexe.py".');
});

test('German: file messages of parseProject become link messages with the right words', () => {
  useLanguageForTests('de');
  try {
    assert.equal(asLinkMessage('Diese Datei ist kein Spikeblocks-Projekt: Sie enthält kein Projektobjekt.'), 'Dieser Link ist kein Spikeblocks-Projekt: Er enthält kein Projektobjekt.');
    assert.equal(asLinkMessage('In dieser Projektdatei sind keine Blöcke (kein "workspace"-Objekt).'), 'In diesem geteilten Projekt sind keine Blöcke (kein "workspace"-Objekt).');
  } finally {
    useLanguageForTests('en');
  }
});
