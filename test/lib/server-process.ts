// The life cycle both real servers of the tests share (NEST Server, Jupyter Kernel Gateway): run
// the program detached in its own process group with its output in a log file, wait until it
// answers, and stop it with everything it spawned (gunicorn workers, kernels).
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface ServerProcess {
  pid: number;
  /** the server's log so far */
  log(): string;
  /** stops the server and its process group; safe to call twice */
  stop(): Promise<void>;
}

/** A server a test started, as the tests use it. */
export interface TestServer extends ServerProcess {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string;
  token: string;
  port: number;
}

export interface ServerProcessOptions {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** a scratch folder of this server: the log goes there, and it is removed on stop */
  dir: string;
  /** what to show in the error when it does not come up */
  name: string;
  /** resolves true once the server answers as it should; a string says why it does not yet */
  ready(): Promise<true | string>;
  /** ms to wait for ready (default 60 s) */
  timeoutMs?: number;
}

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const logFile = join(options.dir, 'server.log');
  const logFd = openSync(logFile, 'a');
  const child: ChildProcess = spawn(options.command, options.args, {
    env: options.env,
    detached: true, // its own process group: what it spawns is stopped with it
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
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
    const exited = new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
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
    // processes killed a moment ago may still be writing into it (a kernel's connection file):
    // retry, and never fail a test run over a scratch folder
    try {
      rmSync(options.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      // left in the temp folder
    }
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    let problem: string;
    try {
      const answer = await options.ready();
      if (answer === true) break;
      problem = answer;
    } catch (e) {
      problem = (e as Error).message;
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      const text = log();
      await stop();
      throw new Error(`${options.name} did not come up: ${problem}\n${text.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { pid: child.pid!, log, stop };
}
