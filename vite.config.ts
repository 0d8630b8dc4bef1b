import { defineConfig, transformWithOxc, type Plugin } from 'vite';
import { createReadStream, existsSync, mkdirSync, copyFileSync, readdirSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve, extname, relative, sep } from 'node:path';

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

// ---- The offline service worker (src/sw/service-worker.ts) ----
// After vite has written the app (and localAssets has copied Pyodide and Blockly's media next to
// it), list every file of the build, hash them into a version and write /sw.js with that list.
// Runs in `vite build` only; src/main.ts registers the worker in production builds only.
const SERVICE_WORKER_FILE = 'sw.js';
const SERVICE_WORKER_SOURCE = resolve(import.meta.dirname, 'src/sw/service-worker.ts');

/** Source maps are for developers' tools, which are online anyway. */
function precached(file: string): boolean {
  return !file.endsWith('.map') && file !== SERVICE_WORKER_FILE;
}

function filesIn(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesIn(path));
    else out.push(path);
  }
  return out;
}

interface PrecacheManifest {
  version: string;
  files: string[];
  bytes: number;
}

/** The built app's files (relative, with forward slashes) and a version from their content. */
function precacheManifest(outDir: string): PrecacheManifest {
  const files = filesIn(outDir)
    .map((f) => relative(outDir, f).split(sep).join('/'))
    .filter(precached)
    .sort();
  const hash = createHash('sha256');
  let bytes = 0;
  for (const f of files) {
    const content = readFileSync(join(outDir, f));
    bytes += content.length;
    hash.update(f).update('\0').update(content);
  }
  return { version: hash.digest('hex').slice(0, 16), files, bytes };
}

function serviceWorkerPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'spikeblocks-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // closeBundle: after every plugin's writeBundle (Pyodide's files are copied there)
    async closeBundle() {
      const manifest = precacheManifest(outDir);
      const { code } = await transformWithOxc(readFileSync(SERVICE_WORKER_SOURCE, 'utf8'), SERVICE_WORKER_SOURCE, { lang: 'ts' });
      const body = code
        .replace(/^export\s*\{\s*\};?\s*$/m, '')
        .replace('__SPIKEBLOCKS_PRECACHE__', JSON.stringify({ version: manifest.version, files: manifest.files }));
      if (body.includes('__SPIKEBLOCKS_PRECACHE__') || /^\s*(import|export)\b/m.test(body)) {
        throw new Error('service worker: the precache list was not put in, or the worker is still a module');
      }
      // a classic script (every browser runs those as service workers), in its own scope
      writeFileSync(join(outDir, SERVICE_WORKER_FILE), `// Spikeblocks offline service worker, build ${manifest.version}\n(() => {\n${body}\n})();\n`);
      this.info?.(`service worker: ${manifest.files.length} files, ${(manifest.bytes / 1e6).toFixed(1)} MB precached (version ${manifest.version})`);
    },
  };
}

export default defineConfig({
  // the service worker comes last: it lists what the others wrote
  plugins: [localAssets(), serviceWorkerPlugin()],
  server: { headers: ISOLATION_HEADERS, host: '127.0.0.1' },
  preview: { headers: ISOLATION_HEADERS, host: '127.0.0.1' },
  optimizeDeps: { exclude: ['pyodide'] },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  assetsInclude: ['**/*.py'],
});
