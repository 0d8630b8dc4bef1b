/**
 * Load benchmark: a class of learners pressing Run at the same moment against one real NEST Server
 * (nest-simulator 3.10 from .venv, gunicorn sync workers, RestrictedPython on). Each simulated
 * learner has its own NestServerClient (the app's client) and runs the first example, as the app
 * generates it, K times in a row; all learners start together. For each worker count (-w):
 * throughput (finished runs per second of wall time), latency of one run (p50/p95/max), failures
 * by ServerError.problem (there must be none: gunicorn queues requests it cannot take yet in its
 * listen backlog; a worker busy longer than -t seconds is killed, which the client reports as
 * 'unreachable'), and the peak memory (PSS) of the server's workers.
 * Every result is checked: 2 recorders, 9990 voltmeter samples (as test/nest/nest-server.test.ts).
 *
 *   npx tsx test/bench/load.ts [--learners 30] [--runs 5] [--workers 1,4] [--timeout-s 30] [--client-timeout-s 60]
 *
 * The machine's core count bounds what extra workers can give: NEST runs one thread per worker.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { startNestServer } from '../lib/nest-server';
import { sampleTreePss } from '../lib/proc-memory';
import { NestServerClient, ServerError } from '../../src/remote/nest-server';
import { firstExampleProgram } from './programs';

const { values } = parseArgs({
  options: {
    learners: { type: 'string', default: '30' },
    runs: { type: 'string', default: '5' },
    workers: { type: 'string', default: '1,4' },
    'timeout-s': { type: 'string', default: '30' },
    'client-timeout-s': { type: 'string', default: '60' },
  },
});
const LEARNERS = Number(values.learners);
const RUNS = Number(values.runs);
const WORKER_COUNTS = values.workers.split(',').map(Number);
const SERVER_TIMEOUT_S = Number(values['timeout-s']);
const CLIENT_TIMEOUT_MS = Number(values['client-timeout-s']) * 1000;
const MiB = 1024 * 1024;

const quantile = (xs: number[], q: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};

interface Events {
  events: { times: number[]; V_m?: number[] }[];
}

/** Why a run did not give the first example's result: a ServerError's problem, or what was wrong. */
function checkResult(result: Awaited<ReturnType<NestServerClient['run']>>): string | null {
  if (!result.ok) return `program-error: ${result.error.type}: ${result.error.message}`;
  const events = (result.response as Events).events;
  if (events?.length !== 2 || events[1].V_m?.length !== 9990) return 'wrong-result';
  return null;
}

async function learner(url: string, token: string, code: string, latencies: number[], failures: Map<string, number>, examples: Map<string, string>) {
  const client = new NestServerClient({ url, token, timeoutMs: CLIENT_TIMEOUT_MS });
  for (let k = 0; k < RUNS; k++) {
    const t0 = performance.now();
    let problem: string | null;
    let message = '';
    try {
      problem = checkResult(await client.run(code));
    } catch (e) {
      problem = e instanceof ServerError ? e.problem : `thrown: ${(e as Error).name}`;
      message = (e as Error).message;
    }
    if (problem === null) latencies.push(performance.now() - t0);
    else {
      failures.set(problem, (failures.get(problem) ?? 0) + 1);
      if (!examples.has(problem)) examples.set(problem, message || problem);
    }
  }
}

async function oneServer(workers: number, code: string) {
  const server = await startNestServer({ workers, timeoutS: SERVER_TIMEOUT_S });
  try {
    // warm every worker once (its first exec imports RestrictedPython's compiler, NEST's models)
    await Promise.all(Array.from({ length: workers }, () => new NestServerClient({ url: server.url, token: server.token }).run(code)));
    const latencies: number[] = [];
    const failures = new Map<string, number>();
    const examples = new Map<string, string>();
    const memory = sampleTreePss(server.pid, /gunicorn|python/);
    const t0 = performance.now();
    await Promise.all(Array.from({ length: LEARNERS }, () => learner(server.url, server.token, code, latencies, failures, examples)));
    const wallS = (performance.now() - t0) / 1000;
    const { peak } = memory.stop();
    const restarts = (server.log().match(/WORKER TIMEOUT|Booting worker/g) ?? []).length - workers;
    const round = (x: number) => Math.round(x);
    return {
      workers,
      learners: LEARNERS,
      runsEach: RUNS,
      finished: latencies.length,
      wallS: Math.round(wallS * 100) / 100,
      throughputRunsPerS: Math.round((latencies.length / wallS) * 10) / 10,
      latencyMs: { p50: round(quantile(latencies, 0.5)), p95: round(quantile(latencies, 0.95)), max: round(Math.max(...latencies)) },
      failures: Object.fromEntries(failures),
      failureExamples: Object.fromEntries(examples),
      workerRestarts: Math.max(0, restarts),
      serverPeakPssMiB: round(peak / MiB),
    };
  } finally {
    await server.stop();
  }
}

const code = firstExampleProgram();
const results = [];
for (const workers of WORKER_COUNTS) results.push(await oneServer(workers, code));
console.log(
  JSON.stringify(
    {
      benchmark: `${LEARNERS} learners at once, each running the first example ${RUNS}× in a row, against one NEST Server (gunicorn sync workers, -t ${SERVER_TIMEOUT_S}, client timeout ${CLIENT_TIMEOUT_MS / 1000} s)`,
      machine: `${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} at the end`,
      results,
    },
    null,
    2,
  ),
);
for (const r of results) {
  const failed = Object.values(r.failures).reduce((a, b) => a + b, 0);
  console.log(
    `load: -w ${r.workers}: ${r.finished}/${r.learners * r.runsEach} runs in ${r.wallS} s = ${r.throughputRunsPerS} runs/s, latency p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms, max ${r.latencyMs.max} ms, ${failed} failed${failed ? ' ' + JSON.stringify(r.failures) : ''}, server PSS ${r.serverPeakPssMiB} MiB`,
  );
}
