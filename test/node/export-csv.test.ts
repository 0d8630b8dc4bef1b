// CSV export of a run (src/export/results-csv.ts), on events shaped as real NEST hands them over:
// spikes listed per neuron within a slice (not by time), multimeter samples interleaved by neuron.
// Expected files written out by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resultsCsvFiles, spikesCsv, tracesCsv } from '../../src/export/results-csv';
import type { PlottedRecorder } from '../../src/plots/recorders';

const rec = (name: string, model: PlottedRecorder['model'], recordables: string[] = []): PlottedRecorder => ({ name, model, blockId: name, recordables, sources: null });

test('spikes: sender,time sorted by time, units in the header', () => {
  const csv = spikesCsv({ times: [5.5, 2.1, 2.1, 10], senders: [3, 2, 1, 3] });
  assert.equal(csv, 'sender,time (ms)\r\n2,2.1\r\n1,2.1\r\n3,5.5\r\n3,10\r\n');
  assert.equal(spikesCsv({ times: [], senders: [] }), 'sender,time (ms)\r\n');
});

test('traces: one row per time, one column per recordable and neuron', () => {
  // two neurons, two recordables, samples interleaved as a multimeter returns them
  const events = {
    times: [1, 1, 2, 2],
    senders: [4, 5, 4, 5],
    V_m: [-70, -69.5, -68.25, -67],
    g_ex: [0, 0.5, 1e-7, 2],
  };
  assert.equal(
    tracesCsv(events, ['V_m', 'g_ex']),
    'time (ms),V_m (mV) neuron 4,V_m (mV) neuron 5,g_ex (nS) neuron 4,g_ex (nS) neuron 5\r\n' +
      '1,-70,-69.5,0,0.5\r\n' +
      '2,-68.25,-67,1e-7,2\r\n',
  );
});

test('traces: a neuron without a sample at some time leaves its cell empty', () => {
  const csv = tracesCsv({ times: [1, 1, 2], senders: [1, 2, 1], V_m: [-70, -60, -65] }, ['V_m']);
  assert.equal(csv, 'time (ms),V_m (mV) neuron 1,V_m (mV) neuron 2\r\n1,-70,-60\r\n2,-65,\r\n');
});

test('Norse labels and a time axis in steps name the columns', () => {
  const csv = tracesCsv({ times: [0, 1], senders: [1, 1], v: [0, 0.25] }, ['v'], { v: 'v (voltage, no unit)' }, 'time (steps)');
  assert.equal(csv, 'time (steps),"v (voltage, no unit) neuron 1"\r\n0,0\r\n1,0.25\r\n');
});

test('a whole run: result tables first, then one file per recorder; commas and quotes are quoted', () => {
  const response = {
    events: [
      { times: [3, 1], senders: [1, 1] },
      { times: [0.1, 0.2], senders: [1, 1], V_m: [-70, -69] },
    ],
    results: { 'f-I curve': [[100, 0], [200, 12.5]], 'a "quoted", name': [[1, 2]] },
  };
  const files = resultsCsvFiles(response, [rec('sr1', 'spike_recorder'), rec('vm1', 'voltmeter', ['V_m'])]);
  assert.deepEqual(files.map((f) => f.name), ['f-I curve', 'a "quoted", name', 'sr1', 'vm1']);
  assert.equal(files[0].text.split('\r\n')[1], '100,0');
  assert.equal(files[0].text.split('\r\n')[2], '200,12.5');
  assert.equal(files[2].text, 'sender,time (ms)\r\n1,1\r\n1,3\r\n');
  assert.equal(files[3].text, 'time (ms),V_m (mV) neuron 1\r\n0.1,-70\r\n0.2,-69\r\n');
  // hand-edited programs: recorders unknown, the kind read from the keys
  const guessed = resultsCsvFiles({ events: response.events }, []);
  assert.deepEqual(guessed.map((f) => f.text.split('\r\n')[0]), ['sender,time (ms)', 'time (ms),V_m (mV) neuron 1']);
});

test('numbers lose float noise but keep every digit that means something', async () => {
  const { spikesCsv } = await import('../../src/export/results-csv');
  const text = spikesCsv({ senders: [1, 2], times: [364.90000000000003, 0.1 + 0.2] } as never);
  assert.equal(text.split('\r\n').slice(1, 3).join(' | '), '2,0.3 | 1,364.9');
  // a float32 value written with 12 digits comes back exactly
  assert.equal(Math.fround(Number(Math.fround(0.7).toPrecision(12))), Math.fround(0.7));
});

// ---- one download: a single CSV, or one .zip of one CSV per recorder (src/export/zip.ts) ----

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { csvDownload, csvTimeLabel } from '../../src/export/results-csv';
import { crc32, zipStore } from '../../src/export/zip';
import { fileNameFor } from '../../src/storage/project';
import { useLanguageForTests } from '../../src/i18n';
import { norseToEvents } from '../../src/plots/norse-recordings';

const PYTHON = resolve(import.meta.dirname, '../../.venv/bin/python');

/** What Python's own zipfile reads from the archive: each entry's name, text, CRC and method (0 = stored);
 * testzip() re-reads every entry against its CRC. */
function readZipWithPython(bytes: Uint8Array): { bad: string | null; entries: { name: string; text: string; crc: number; method: number }[] } {
  const dir = mkdtempSync(join(tmpdir(), 'sb-zip-'));
  const path = join(dir, 'out.zip');
  writeFileSync(path, bytes);
  const script = [
    'import json, sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    'print(json.dumps({"bad": z.testzip(), "entries": [{"name": i.filename, "text": z.read(i).decode("utf-8"), "crc": i.CRC, "method": i.compress_type} for i in z.infolist()]}))',
  ].join('\n');
  return JSON.parse(execFileSync(PYTHON, ['-c', script, path], { encoding: 'utf8' }));
}

test('crc32 of known texts (the check values of the CRC-32/ISO-HDLC standard and zlib)', () => {
  assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
  assert.equal(crc32(new Uint8Array(0)), 0);
  // zlib.crc32(b"The quick brown fox jumps over the lazy dog") = 0x414fa339
  assert.equal(crc32(new TextEncoder().encode('The quick brown fox jumps over the lazy dog')), 0x414fa339);
});

test('the zip writer: Python\'s zipfile reads every entry back, CRCs checked, UTF-8 names', () => {
  const entries = [
    { name: 'sr1.csv', data: new TextEncoder().encode('sender,time (ms)\r\n1,2.5\r\n') },
    { name: 'vm1.csv', data: new TextEncoder().encode('time (ms),V_m (mV) neuron 1\r\n0.1,-70\r\n') },
    { name: 'µ-Ströme.csv', data: new TextEncoder().encode('x\r\n') },
    { name: 'empty.csv', data: new Uint8Array(0) },
  ];
  const read = readZipWithPython(zipStore(entries, new Date(2026, 0, 2, 3, 4, 6)));
  assert.equal(read.bad, null);
  assert.deepEqual(read.entries.map((e) => e.name), ['sr1.csv', 'vm1.csv', 'µ-Ströme.csv', 'empty.csv']);
  assert.deepEqual(read.entries.map((e) => e.text), ['sender,time (ms)\r\n1,2.5\r\n', 'time (ms),V_m (mV) neuron 1\r\n0.1,-70\r\n', 'x\r\n', '']);
  assert.deepEqual(read.entries.map((e) => e.method), [0, 0, 0, 0]);
  // Python's CRC of the bytes, not ours: zlib.crc32
  const pyCrc = execFileSync(PYTHON, ['-c', 'import zlib; print(zlib.crc32(b"x\\r\\n"))'], { encoding: 'utf8' }).trim();
  assert.equal(read.entries[2].crc, Number(pyCrc));
});

test('CSV of several recorders is one .zip download with one CSV per recorder; one recorder is one .csv', () => {
  const response = {
    events: [
      { times: [3, 1], senders: [1, 1] },
      { times: [0.1, 0.2], senders: [1, 1], V_m: [-70, -69] },
    ],
  };
  const files = resultsCsvFiles(response, [rec('sr1', 'spike_recorder'), rec('vm1', 'voltmeter', ['V_m'])]);
  const download = csvDownload(files, 'My network', fileNameFor)!;
  assert.equal(download.fileName, 'My-network-csv.zip');
  assert.equal(download.type, 'application/zip');
  const read = readZipWithPython(download.bytes);
  assert.equal(read.bad, null);
  assert.deepEqual(read.entries.map((e) => e.name), ['sr1.csv', 'vm1.csv']);
  // each entry starts with the byte-order mark Excel needs, then the CSV as written by hand
  assert.equal(read.entries[0].text, '\ufeffsender,time (ms)\r\n1,1\r\n1,3\r\n');
  assert.equal(read.entries[1].text, '\ufefftime (ms),V_m (mV) neuron 1\r\n0.1,-70\r\n0.2,-69\r\n');

  const one = csvDownload(files.slice(0, 1), 'My network', fileNameFor)!;
  assert.equal(one.fileName, 'My-network-sr1.csv');
  assert.equal(new TextDecoder('utf-8', { ignoreBOM: true }).decode(one.bytes), '\ufeffsender,time (ms)\r\n1,1\r\n1,3\r\n');
  assert.equal(csvDownload([], 'x', fileNameFor), null);
});

test('names that clean to the same file name get -2; bidirectional controls leave no trace in names', () => {
  const files = [
    { name: 'sr 1', text: 'a\r\n' },
    { name: 'sr-1', text: 'b\r\n' },
    { name: 'abc\u202Eexe.py', text: 'c\r\n' },
  ];
  const download = csvDownload(files, 'abc\u202Eexe.py', fileNameFor)!;
  assert.ok(!/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/.test(download.fileName), download.fileName);
  const names = readZipWithPython(download.bytes).entries.map((e) => e.name);
  assert.deepEqual(names, ['sr-1.csv', 'sr-1-2.csv', 'abcexepy.csv']);
  for (const n of names) assert.ok(!/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/.test(n), n);
});

test('CSV stays machine-readable in German: dot decimals, English column heads (Norse too)', () => {
  useLanguageForTests('de');
  try {
    const { response, recorders } = norseToEvents({ recordings: [{ name: 'lif1', v: [[0.5], [0.25]] }], dt: 0.001, steps: 2 }, [], 'steps');
    // the plot's label is German now; the file's head is not
    assert.equal(recorders[0].labels!.v, 'v (Spannung, ohne Einheit)');
    const [file] = resultsCsvFiles(response, recorders, csvTimeLabel('steps'));
    assert.equal(file.text, 'time (steps),"v (voltage, no unit) neuron 0"\r\n1,0.5\r\n2,0.25\r\n');
    assert.equal(spikesCsv({ times: [2.5], senders: [1] }), 'sender,time (ms)\r\n1,2.5\r\n');
  } finally {
    useLanguageForTests('en');
  }
});
