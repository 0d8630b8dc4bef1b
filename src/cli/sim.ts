/**
 * Command-line runner: runs a PyNEST program on the local engine, the same way the browser does.
 *
 *   npm run sim -- FILE.py          readable summary of the response
 *   npm run sim -- FILE.py --json   exactly the response as JSON (typed arrays as lists)
 *
 * Exit status: 0 ran, 1 the program failed (message with line number on stderr), 2 usage or
 * unreadable file.
 */
import { readFileSync } from 'node:fs';
import { loadNodeRuntime } from './node-runtime';
import type { RunError } from '../../workers/api';

const USAGE = 'usage: npm run sim -- FILE.py [--json]';

function fail(status: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(status);
}

/** JSON with typed arrays written as plain lists. */
function responseJson(response: unknown): string {
  return JSON.stringify(response, (_key, value) =>
    ArrayBuffer.isView(value) ? Array.from(value as Float64Array) : value,
  );
}

function describeError(file: string, error: RunError): string {
  const where = error.line ? `${file}, line ${error.line}` : file;
  const head = `${where}: ${error.type}: ${error.message}`;
  return error.traceback ? `${head}\n\n${error.traceback}` : head;
}

function range(values: Float64Array): string {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return values.length ? `${fmt(min)} … ${fmt(max)}` : 'none';
}

const fmt = (x: number): string => String(Number(x.toPrecision(6)));

/** One line per recorder (entries of response.events), then any other keys. */
function summarize(response: unknown): string {
  const lines: string[] = [];
  const record = (response ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (key === 'events' && Array.isArray(value)) {
      value.forEach((events, i) => lines.push(`events[${i}]: ${summarizeEvents(events)}`));
    } else {
      const text = responseJson(value);
      lines.push(`${key}: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`);
    }
  }
  return lines.join('\n');
}

function summarizeEvents(events: unknown): string {
  if (!events || typeof events !== 'object') return responseJson(events);
  const fields = events as Record<string, unknown>;
  const times = fields.times instanceof Float64Array ? fields.times : new Float64Array();
  const senders = fields.senders instanceof Float64Array ? fields.senders : new Float64Array();
  const others = Object.keys(fields).filter((k) => k !== 'times' && k !== 'senders');
  const nodes = new Set(senders).size;
  const parts = [`${times.length} events from ${nodes} node${nodes === 1 ? '' : 's'}, times ${range(times)} ms`];
  for (const k of others) {
    const v = fields[k];
    if (v instanceof Float64Array) parts.push(`${k} ${range(v)}`);
  }
  if (others.length === 0 && times.length > 0 && times.length <= 10) {
    parts.push(`spikes at ${Array.from(times, fmt).join(', ')}`);
  }
  return parts.join('; ');
}

async function main(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const files = argv.filter((a) => a !== '--json');
  const unknown = files.filter((a) => a.startsWith('--'));
  if (unknown.length) fail(2, `unknown option ${unknown[0]}\n${USAGE}`);
  if (files.length !== 1) fail(2, USAGE);
  const file = files[0];
  let code: string;
  try {
    code = readFileSync(file, 'utf8');
  } catch (error) {
    fail(2, `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }

  const runtime = await loadNodeRuntime();
  const result = runtime.run(code);
  // With --json stdout carries only the response; the program's own prints go to stderr.
  if (result.stdout) (json ? process.stderr : process.stdout).write(result.stdout);
  if (!result.ok) fail(1, describeError(file, result.error));
  if (json) {
    process.stdout.write(`${responseJson(result.response)}\n`);
    return;
  }
  process.stdout.write(`${summarize(result.response)}\n`);
  process.stdout.write(
    `ran in ${result.timings.pythonMs.toFixed(1)} ms (Pyodide ${runtime.pyodideVersion}, NEST facade ${runtime.nestVersion}, loaded in ${runtime.loadMs.toFixed(0)} ms)\n`,
  );
}

main(process.argv.slice(2)).catch((error) => fail(1, `sim: ${error instanceof Error ? error.stack : String(error)}`));
