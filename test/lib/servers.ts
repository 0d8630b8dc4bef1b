// Serve the app on a free localhost port from inside a test or benchmark, with the app's own
// vite.config.ts (COOP/COEP headers, /pyodide/ and /blockly-media/). Uses vite's JavaScript API
// instead of a child process, so a failing test cannot leave a server running.
import { resolve } from 'node:path';
import { build, createServer, preview } from 'vite';
import { freePort } from './free-port.mjs';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234/ (always ends with a slash) */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Build the app (`vite build`) into `outDir` (relative to the repo root). Tests that run at the
 * same time as someone's `npm run build` should pass their own outDir.
 */
export async function buildApp(outDir = 'dist'): Promise<string> {
  const absolute = resolve(REPO_ROOT, outDir);
  await build({ root: REPO_ROOT, logLevel: 'warn', build: { outDir: absolute, emptyOutDir: true } });
  return absolute;
}

/** `vite preview` of a built app (see buildApp). */
export async function startPreview(outDir = 'dist'): Promise<RunningServer> {
  const port = await freePort();
  const server = await preview({
    root: REPO_ROOT,
    logLevel: 'warn',
    build: { outDir: resolve(REPO_ROOT, outDir) },
    preview: { port, strictPort: true, host: '127.0.0.1', open: false },
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    stop: () => server.close(),
  };
}

/** `vite` dev server (no build step; slower first page load while it pre-bundles). */
export async function startDev(): Promise<RunningServer> {
  const port = await freePort();
  const server = await createServer({
    root: REPO_ROOT,
    logLevel: 'warn',
    clearScreen: false,
    server: { port, strictPort: true, host: '127.0.0.1', hmr: false, open: false },
  });
  await server.listen();
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    stop: () => server.close(),
  };
}
