import { defineConfig, type Plugin } from 'vite';
import { createReadStream, existsSync, mkdirSync, copyFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, extname } from 'node:path';

/**
 * Files the app serves from node_modules under their own names: Pyodide's loader finds its
 * wasm, stdlib and lock file next to indexURL by name, and Blockly plays its sounds from `media`.
 * Nothing is fetched from any other host.
 */
const LOCAL_ASSETS: { url: string; dir: string; files?: string[] }[] = [
  {
    url: '/pyodide/',
    dir: 'node_modules/pyodide',
    files: ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'],
  },
  { url: '/blockly-media/', dir: 'node_modules/blockly/media' },
];

const MIME: Record<string, string> = {
  '.wasm': 'application/wasm',
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.zip': 'application/zip',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.cur': 'image/x-icon',
};

/** Cross-origin isolation: SharedArrayBuffer (and so Stop via Pyodide's interrupt buffer) needs it. */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

function listed(entry: (typeof LOCAL_ASSETS)[number]): string[] {
  return entry.files ?? readdirSync(entry.dir).filter((f) => statSync(join(entry.dir, f)).isFile());
}

function localAssets(): Plugin {
  const serve: Plugin['configureServer'] = (server) => {
    server.middlewares.use((req, res, next) => {
      const path = (req.url ?? '').split('?')[0];
      for (const entry of LOCAL_ASSETS) {
        if (!path.startsWith(entry.url)) continue;
        const name = decodeURIComponent(path.slice(entry.url.length));
        if (!listed(entry).includes(name)) break;
        const file = resolve(entry.dir, name);
        res.setHeader('Content-Type', MIME[extname(name)] ?? 'application/octet-stream');
        for (const [k, v] of Object.entries(ISOLATION_HEADERS)) res.setHeader(k, v);
        createReadStream(file).pipe(res);
        return;
      }
      next();
    });
  };
  return {
    name: 'spikeblocks-local-assets',
    configureServer: serve,
    configurePreviewServer: serve as Plugin['configurePreviewServer'],
    writeBundle(options) {
      const out = options.dir ?? 'dist';
      for (const entry of LOCAL_ASSETS) {
        const target = join(out, entry.url);
        mkdirSync(target, { recursive: true });
        for (const f of listed(entry)) {
          if (existsSync(join(out, entry.url, f))) continue;
          copyFileSync(join(entry.dir, f), join(target, f));
        }
      }
    },
  };
}

export default defineConfig({
  plugins: [localAssets()],
  server: { headers: ISOLATION_HEADERS, host: '127.0.0.1' },
  preview: { headers: ISOLATION_HEADERS, host: '127.0.0.1' },
  optimizeDeps: { exclude: ['pyodide'] },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  assetsInclude: ['**/*.py'],
});
