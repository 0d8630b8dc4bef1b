// Starts the venv's real `nest-server` (nest-simulator 3.10, gunicorn) on a free 127.0.0.1 port for
// tests and benchmarks, and stops it with its whole process group (gunicorn's workers too).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { NestServerClient } from '../../src/remote/nest-server';
import { freePort } from './free-port.mjs';
import { venvPython } from './python';

export interface NestServerProcess {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string;
  token: string;
  port: number;
  pid: number;
  /** the server's log so far (gunicorn and NEST Server messages) */
  log(): string;
  /** stops the server and its workers; safe to call twice */
  stop(): Promise<void>;
}

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
  const logFile = join(dir, 'nest-server.log');
  const child: ChildProcess = spawn(join(bin, 'nest-server'), args, {
    env: {
      ...process.env,
      PATH: `${bin}:${process.env.PATH}`,
      NEST_SERVER_ENABLE_EXEC_CALL: 'true',
      NEST_SERVER_ACCESS_TOKEN: token,
      NEST_SERVER_LOGFILE: logFile,
      OMP_NUM_THREADS: '1',
      ...options.env,
    },
    detached: true, // its own process group: gunicorn's workers are stopped with it
    stdio: 'ignore',
  });
  const log = () => {
    try {
      return readFileSync(logFile, 'utf8');
    } catch {
      return '';
    }
  };
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const client = new NestServerClient({ url, token, timeoutMs: 2000 });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await client.health();
      break;
    } catch (e) {
      if (child.exitCode !== null || Date.now() > deadline) {
        const text = log();
        await stop();
        throw new Error(`nest-server did not come up: ${(e as Error).message}\n${text.slice(-2000)}`);
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  return { url, token, port, pid: child.pid!, log, stop };
}
