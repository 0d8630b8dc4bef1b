// @web/test-runner configuration: test/browser/**/*.test.ts in the system Chromium, served by vite.
//
//   npx wtr                      (all browser tests; or: npx wtr test/browser/harness.test.ts)
//
// Why vite: Blockly ships as UMD behind ESM shims, which WTR's own resolver cannot import; vite
// pre-bundles it (and compiles TypeScript) exactly as the app does, with the app's vite.config.ts
// (so /pyodide/ and /blockly-media/ are served by the same plugin as in the app).
// Why the middleware: the test page is WTR's, not vite's, so vite's COOP/COEP headers never reach
// it; without them crossOriginIsolated is false and SharedArrayBuffer (Stop button) is missing.
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { vitePlugin, removeViteLogging } from '@remcovaes/web-test-runner-vite-plugin';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/lib/chromium-flags.mjs';
import { freePort } from './test/lib/free-port.mjs';
import { countReporter } from './test/lib/wtr-count-reporter.mjs';

// Free ports: other test runs and dev servers may share the machine.
const [wtrPort, vitePort] = [await freePort(), await freePort()];

// A private vite dependency cache per run, so two runs at once never rewrite each other's
// pre-bundled Blockly. Removed on exit.
const viteCache = mkdtempSync(join(tmpdir(), 'spikeblocks-wtr-vite-'));
process.on('exit', () => rmSync(viteCache, { recursive: true, force: true }));

const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  // require-corp blocks subresources that do not opt in; everything here is same-origin anyway,
  // but workers and wasm fetched by Pyodide are happier with an explicit policy.
  'Cross-Origin-Resource-Policy': 'same-origin',
};

// The app's vite.config.ts serves these folders itself, but through the WTR proxy a response
// without Content-Length gets decoded as UTF-8 text by WTR's transform step, which corrupts the
// 9.6 MB pyodide.asm.wasm and the stdlib zip. So WTR serves them directly, byte for byte.
const LOCAL_ASSETS = [
  { url: '/pyodide/', dir: resolve('node_modules/pyodide') },
  { url: '/blockly-media/', dir: resolve('node_modules/blockly/media') },
];
const MIME = {
  '.wasm': 'application/wasm', '.mjs': 'text/javascript', '.js': 'text/javascript',
  '.json': 'application/json', '.zip': 'application/zip', '.mp3': 'audio/mpeg', '.ogg': 'audio/ogg',
  '.wav': 'audio/wav', '.png': 'image/png', '.svg': 'image/svg+xml', '.cur': 'image/x-icon',
};

/** Serve a file under LOCAL_ASSETS; true when it did. */
function serveLocalAsset(ctx) {
  for (const { url, dir } of LOCAL_ASSETS) {
    if (!ctx.path.startsWith(url)) continue;
    const file = resolve(dir, decodeURIComponent(ctx.path.slice(url.length)));
    if (!file.startsWith(dir + '/')) return false; // no ../ escapes
    let size;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) return false;
      size = stat.size;
    } catch {
      return false;
    }
    ctx.status = 200;
    ctx.type = MIME[extname(file)] ?? 'application/octet-stream';
    ctx.length = size;
    if (ctx.method !== 'HEAD') ctx.body = createReadStream(file);
    return true;
  }
  return false;
}

export default {
  files: ['test/browser/**/*.test.ts'],
  rootDir: '.',
  port: wtrPort,
  hostname: '127.0.0.1',
  nodeResolve: false,
  concurrency: 1, // 2 cores: one page at a time keeps timings (and Pyodide's load) predictable
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 120_000, // the first request waits for vite to pre-bundle Blockly
  testsFinishTimeout: Number(process.env.WTR_FINISH_TIMEOUT_MS ?? 300_000), // Pyodide loads in ~6 s per page here; some files run it more
  testFramework: { config: { timeout: Number(process.env.WTR_TEST_TIMEOUT_MS ?? 60_000) } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  middleware: [
    async (ctx, next) => {
      // Set before next(): the vite proxy copies its own headers over ctx afterwards, and these
      // must survive on every response, the WTR test page included.
      ctx.set(ISOLATION);
      if (serveLocalAsset(ctx)) return;
      await next();
      ctx.set(ISOLATION);
    },
  ],
  plugins: [
    vitePlugin({
      cacheDir: viteCache,
      logLevel: 'warn',
      server: { port: vitePort, strictPort: true, host: '127.0.0.1' },
      optimizeDeps: {
        // Scan the tests up front: a dependency found only later makes vite re-bundle and reload
        // the page in the middle of a test.
        entries: ['test/browser/**/*.test.ts'],
        include: ['blockly', 'blockly/python', 'lit', 'uplot', 'comlink', '@esm-bundle/chai'],
      },
    }),
  ],
  filterBrowserLogs: removeViteLogging,
  reporters: [defaultReporter({ reportTestResults: true, reportTestProgress: false }), countReporter()],
};
