// Where programs run: the remembered choice, the page-URL form NEST Desktop links use, and which
// models a server lacks. Storage is a plain map here (the browser's localStorage has the same shape).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoredText } from '../../src/storage/autosave';
import { cleanServerUrl, loadBackendSettings, saveBackendSettings, serverUrlProblem, settingsFromPageUrl, tokenInUrl, withSessionToken, LOCAL } from '../../src/remote/settings';
import { modelsMissingOn } from '../../src/remote/nest-server';

function store(initial: Record<string, string> = {}): StoredText & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v), keys: () => [...data.keys()] };
}

test('nothing stored, or something unreadable stored, means this browser', () => {
  assert.deepEqual(loadBackendSettings(store(), store()), LOCAL);
  for (const bad of ['{', '"nest-server"', '{"kind":"mars","url":"http://x"}', '{"kind":"nest-server","url":"ftp://x"}', '{"kind":"nest-server"}']) {
    assert.deepEqual(loadBackendSettings(store({ 'spikeblocks.backend': bad }), store()), LOCAL, bad);
  }
  assert.deepEqual(loadBackendSettings(null, null), LOCAL);
});

test('the choice is remembered across visits, the token only for the session', () => {
  const local = store();
  const session = store();
  assert.ok(saveBackendSettings({ kind: 'nest-server', url: 'http://10.0.0.5:52425', token: 's3cret' }, local, session));
  assert.ok(![...local.data.values()].some((v) => v.includes('s3cret')), 'no token in localStorage');
  assert.deepEqual(loadBackendSettings(local, session), { kind: 'nest-server', url: 'http://10.0.0.5:52425', token: 's3cret' });
  // a new session (tab closed): same server, no token
  assert.deepEqual(loadBackendSettings(local, store()), { kind: 'nest-server', url: 'http://10.0.0.5:52425', token: '' });
  // storage that throws (private mode, full): reported, not thrown
  const refusing: StoredText = { get: () => null, set: () => { throw new Error('QuotaExceededError'); }, keys: () => [] };
  assert.equal(saveBackendSettings(LOCAL, refusing, refusing), false);
});

test('server addresses: http(s) with a host only; trailing slashes dropped', () => {
  assert.equal(cleanServerUrl(' http://127.0.0.1:52425/ '), 'http://127.0.0.1:52425');
  assert.equal(cleanServerUrl('https://hub.example.org/user/ada/'), 'https://hub.example.org/user/ada');
  for (const bad of ['', '127.0.0.1:52425', 'javascript:alert(1)', 'file:///etc/passwd', 'http://user:pw@host', 'ws://host:1']) {
    assert.equal(cleanServerUrl(bad), null, bad);
  }
});

test("NEST Desktop's page-URL form picks NEST Server and takes the token out of the address", () => {
  const r = settingsFromPageUrl('http://127.0.0.1:5173/?nest_server_url=http%3A%2F%2F10.1.2.3%3A52425&nest_server_access_token=abc123#x');
  assert.deepEqual(r.settings, { kind: 'nest-server', url: 'http://10.1.2.3:52425', token: 'abc123' });
  assert.equal(r.cleanedHref, 'http://127.0.0.1:5173/?nest_server_url=http%3A%2F%2F10.1.2.3%3A52425#x');
  assert.equal(r.problem, null);
  // a token alone is for the server at its usual address
  assert.deepEqual(settingsFromPageUrl('http://h/?nest_server_access_token=t').settings, { kind: 'nest-server', url: 'http://127.0.0.1:52425', token: 't' });
  // Jupyter and Norse Server have their own parameters
  assert.deepEqual(settingsFromPageUrl('http://h/?jupyter_url=http://127.0.0.1:8888&jupyter_token=j').settings, { kind: 'jupyter', url: 'http://127.0.0.1:8888', token: 'j' });
  assert.deepEqual(settingsFromPageUrl('http://h/?norse_server_url=http://127.0.0.1:11428').settings, { kind: 'norse-server', url: 'http://127.0.0.1:11428', token: '' });
  // no parameters: nothing to do
  assert.deepEqual(settingsFromPageUrl('http://h/?lesson=3'), { settings: null, cleanedHref: null, problem: null });
});

test('a page URL naming something that is not a server address is refused with a message', () => {
  const r = settingsFromPageUrl('http://h/?nest_server_url=javascript:alert(1)&nest_server_access_token=t');
  assert.equal(r.settings, null);
  assert.match(r.problem ?? '', /not an http:\/\/ or https:\/\/ address; programs run in this browser/);
  assert.equal(r.cleanedHref, 'http://h/?nest_server_url=javascript%3Aalert%281%29', 'the token is still removed');
});

test('models a program creates that the server lacks are named; CopyModel names count as there', () => {
  const code = [
    'import nest',
    'nest.CopyModel("static_synapse", "excitatory")',
    'nest.CopyModel("iaf_psc_delta", "my_neuron")',
    'n = nest.Create("my_neuron", 10)',
    "p = nest.Create('poisson_generator')",
    'm = nest.Create("iaf_fancy", 2)',
    'q = nest.Create("iaf_fancy")',
  ].join('\n');
  assert.deepEqual(modelsMissingOn(code, ['iaf_psc_delta', 'poisson_generator', 'static_synapse']), ['iaf_fancy']);
  assert.deepEqual(modelsMissingOn(code, ['iaf_fancy', 'poisson_generator']), []);
});

test("addresses as servers print them: query, #fragment and Jupyter's /lab go; the token is found", () => {
  assert.equal(cleanServerUrl('http://127.0.0.1:52425/?x=1#top'), 'http://127.0.0.1:52425');
  assert.equal(cleanServerUrl('http://127.0.0.1:8888/lab?token=abc'), 'http://127.0.0.1:8888');
  assert.equal(cleanServerUrl('https://hub.example.org/user/ada/lab/tree/x.ipynb?token=t'), 'https://hub.example.org/user/ada');
  assert.equal(tokenInUrl('http://127.0.0.1:8888/lab?token=abc'), 'abc');
  assert.equal(tokenInUrl('http://127.0.0.1:8888/'), null);
  assert.equal(serverUrlProblem('http://127.0.0.1:52425'), null);
  assert.match(serverUrlProblem('http://127.0.0.1:99999') ?? '', /not an address/);
  assert.match(serverUrlProblem('ftp://host') ?? '', /must start with http/);
  assert.match(serverUrlProblem('http://u:p@host') ?? '', /user name and password/);
  assert.match(serverUrlProblem('') ?? '', /Type the server address/);
});

test('a class link reloaded (its token already taken out) keeps the token this tab was given', () => {
  const local = store();
  const session = store();
  saveBackendSettings({ kind: 'nest-server', url: 'http://10.0.0.5:52425', token: 's3cret' }, local, session);
  const reloaded = settingsFromPageUrl('http://h/?nest_server_url=http://10.0.0.5:52425').settings!;
  assert.equal(reloaded.token, '');
  assert.equal(withSessionToken(reloaded, local, session).token, 's3cret');
  // a link to another server does not get this server's token
  const other = settingsFromPageUrl('http://h/?nest_server_url=http://10.0.0.6:52425').settings!;
  assert.equal(withSessionToken(other, local, session).token, '');
  // a token in the link wins
  const fresh = settingsFromPageUrl('http://h/?nest_server_url=http://10.0.0.5:52425&nest_server_access_token=new').settings!;
  assert.equal(withSessionToken(fresh, local, session).token, 'new');
});

// ---- the servers' words in the learner's language (src/i18n) ----
import { BACKEND_CHOICES, serverUrlProblem as urlProblem } from '../../src/remote/settings';
import { createBackend } from '../../src/remote/index';
import { useLanguageForTests } from '../../src/i18n';

test('choices and address problems are said in German when the page is German; the servers keep their names', () => {
  useLanguageForTests('de');
  try {
    assert.equal(BACKEND_CHOICES[0].label, 'Dieser Browser');
    assert.equal(BACKEND_CHOICES[1].label, 'NEST Server');
    assert.match(BACKEND_CHOICES[1].help, /^Läuft auf einem echten NEST Simulator/);
    assert.equal(urlProblem('ftp://x'), 'Die Adresse muss mit http:// oder https:// beginnen');
  } finally {
    useLanguageForTests('en');
  }
  // read when shown: the same objects speak English again
  assert.equal(BACKEND_CHOICES[0].label, 'This browser');
});

test('a backend made in a worker is told the page\'s language (its messages are made there)', () => {
  try {
    const backend = createBackend({ kind: 'nest-server', url: 'http://127.0.0.1:52425', token: '' }, { language: 'de' });
    assert.equal(backend.label, 'NEST Server unter http://127.0.0.1:52425');
  } finally {
    useLanguageForTests('en');
  }
  assert.equal(createBackend({ kind: 'nest-server', url: 'http://127.0.0.1:52425', token: '' }).label, 'NEST Server at http://127.0.0.1:52425');
});
