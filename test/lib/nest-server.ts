// Starts the venv's real `nest-server` (nest-simulator 3.10, gunicorn) on a free 127.0.0.1 port for
// tests and benchmarks, and stops it with its whole process group (gunicorn's workers too).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { NestServerClient } from '../../src/remote/nest-server';
import { freePort } from './free-port.mjs';
import { venvPython } from './python';
import { startServerProcess, type TestServer } from './server-process';

/** the NEST Server (its log is gunicorn's and NEST Server's; stop ends its workers) */
export type NestServerProcess = TestServer;

export interface NestServerStartOptions {
  /** gunicorn workers (-w); NEST Server's default is 1 */
  workers?: number;
  /** gunicorn worker timeout in seconds (-t); NEST Server's default is 30 */
  timeoutS?: number;
  /** the access token; a random one when not given */
  token?: string;
  /** more environment for the server (e.g. NEST_SERVER_ENABLE_EXEC_CALL: 'false') */
  env?: Record<string, string>;
}

export async function startNestServer(options: NestServerStartOptions = {}): Promise<NestServerProcess> {
  const bin = dirname(venvPython());
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'spikeblocks-nest-server-'));
  const token = options.token ?? `test-${Math.random().toString(36).slice(2)}`;
  const url = `http://127.0.0.1:${port}`;
  const args = ['start', '-h', '127.0.0.1', '-p', String(port)];
  if (options.workers) args.push('-w', String(options.workers));
  if (options.timeoutS) args.push('-t', String(options.timeoutS));
  const client = new NestServerClient({ url, token, timeoutMs: 2000 });
  const server = await startServerProcess({
    name: 'nest-server',
    dir,
    command: join(bin, 'nest-server'),
    args,
    env: {
      ...process.env,
      PATH: `${bin}:${process.env.PATH}`,
      NEST_SERVER_ENABLE_EXEC_CALL: 'true',
      NEST_SERVER_ACCESS_TOKEN: token,
      NEST_SERVER_LOGFILE: join(dir, 'server.log'), // gunicorn's log beside the server's output
      OMP_NUM_THREADS: '1',
      ...options.env,
    },
    ready: async () => {
      await client.health();
      return true;
    },
  });
  return { url, token, port, ...server };
}

/** About 10 s of NEST time on the test machine (2000 neurons with Poisson input, 20 s simulated):
 * long enough to stop, to kill the server under, or to outlast a short worker timeout. */
export const SLOW_PROGRAM = [
  'import nest',
  'nest.ResetKernel()',
  'n = nest.Create("iaf_psc_alpha", 2000)',
  'pg = nest.Create("poisson_generator", params={"rate": 8000.0})',
  'nest.Connect(pg, n, syn_spec={"weight": 10.0})',
  'nest.Simulate(20000.0)',
  'response = {"events": []}',
  '',
].join('\n');
