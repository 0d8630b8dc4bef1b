// Starts test/python/norse_server_standin.py (the stand-in for NEST Desktop's Norse Server, which
// is not on PyPI) with the venv's real Norse, on a free 127.0.0.1 port. Stopped with its process
// group.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './free-port.mjs';
import { venvPython } from './python';
import { startServerProcess, type TestServer } from './server-process';

/** token is always '' (Norse Server takes none) */
export type NorseServerStandIn = TestServer;

export async function startNorseServerStandIn(): Promise<NorseServerStandIn> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'spikeblocks-norse-server-'));
  const server = await startServerProcess({
    name: 'Norse Server stand-in',
    dir,
    command: venvPython(),
    args: [resolve(import.meta.dirname, '../python/norse_server_standin.py'), String(port)],
    env: { ...process.env, OMP_NUM_THREADS: '1', PYTHONUNBUFFERED: '1' },
    // importing torch and norse takes 2.5-9 s on this machine
    ready: async () => {
      const reply = await fetch(`${url}/`, { signal: AbortSignal.timeout(2000) });
      return reply.ok || `HTTP ${reply.status}`;
    },
  });
  return { url, token: '', port, ...server };
}
