// Starts the venv's real Jupyter Kernel Gateway (jupyter-kernel-gateway 3.0, kernels from the venv's
// own ipykernel kernelspec, so `import nest` works in them) on a free 127.0.0.1 port for tests and
// benchmarks, and stops it with its whole process group (its kernels too).
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from './free-port.mjs';
import { venvPython } from './python';
import { startServerProcess, type TestServer } from './server-process';

/** the gateway (its log has its kernels' messages too; stop ends its kernels) */
export type KernelGatewayProcess = TestServer;

export interface KernelGatewayStartOptions {
  /** the access token; a random one when not given */
  token?: string;
  /** Access-Control-Allow-Origin; '*' when not given (the browser tests' page is on another port) */
  allowOrigin?: string;
  /** more gateway options, e.g. '--KernelGatewayApp.max_kernels=1' */
  args?: string[];
}

export async function startKernelGateway(options: KernelGatewayStartOptions = {}): Promise<KernelGatewayProcess> {
  const bin = dirname(venvPython());
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'spikeblocks-kernel-gateway-'));
  const runtimeDir = join(dir, 'runtime');
  mkdirSync(runtimeDir);
  const token = options.token ?? `test-${Math.random().toString(36).slice(2)}`;
  const url = `http://127.0.0.1:${port}`;
  const server = await startServerProcess({
    name: 'jupyter kernelgateway',
    dir,
    command: join(bin, 'jupyter'),
    args: [
      'kernelgateway',
      '--KernelGatewayApp.ip=127.0.0.1',
      `--KernelGatewayApp.port=${port}`,
      '--KernelGatewayApp.port_retries=0',
      `--KernelGatewayApp.auth_token=${token}`,
      `--KernelGatewayApp.allow_origin=${options.allowOrigin ?? '*'}`,
      // a page on another origin sends the token in Authorization and JSON bodies: both need CORS
      '--KernelGatewayApp.allow_headers=Authorization,Content-Type',
      '--KernelGatewayApp.allow_methods=GET,POST,DELETE,OPTIONS',
      // GET /api/kernels is how the tests see that a kernel was shut down (off by default in KG)
      '--JupyterWebsocketPersonality.list_kernels=True',
      ...(options.args ?? []),
    ],
    env: {
      ...process.env,
      PATH: `${bin}:${process.env.PATH}`,
      // connection files of this gateway's kernels in its own folder, not ~/.local/share
      JUPYTER_RUNTIME_DIR: runtimeDir,
      OMP_NUM_THREADS: '1',
      PYTHONUNBUFFERED: '1',
    },
    // /api answers once the gateway listens; with the token it proves the token is in force
    ready: async () => {
      const reply = await fetch(`${url}/api`, { headers: { Authorization: `token ${token}` }, signal: AbortSignal.timeout(2000) });
      return reply.ok || `HTTP ${reply.status}`;
    },
  });
  return { url, token, port, ...server };
}
