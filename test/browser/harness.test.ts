// Sanity check of the browser test harness itself: if this file fails, every other browser test
// is suspect. It proves that (1) Blockly (UMD) imports through vite, (2) the page is
// cross-origin isolated, (3) module workers start and can use SharedArrayBuffer, and (4) the local
// Pyodide files are served at /pyodide/ with the right MIME type.
import { expect } from '@esm-bundle/chai';
import * as Blockly from 'blockly';
import { pythonGenerator, Order } from 'blockly/python';

describe('browser test harness', () => {
  it('imports Blockly and creates a headless workspace', () => {
    const workspace = new Blockly.Workspace();
    try {
      const block = workspace.newBlock('math_number');
      block.setFieldValue(42, 'NUM');
      expect(workspace.getAllBlocks(false)).to.have.length(1);
      pythonGenerator.init(workspace);
      expect(pythonGenerator.blockToCode(block)).to.deep.equal(['42', Order.ATOMIC]);
    } finally {
      workspace.dispose();
    }
  });

  it('runs cross-origin isolated', () => {
    expect(globalThis.crossOriginIsolated, 'COOP/COEP headers missing on the test page').to.equal(true);
    expect(typeof SharedArrayBuffer).to.equal('function');
  });

  it('renders frames: the page is visible and requestAnimationFrame fires', async () => {
    // Charts and Blockly draw in animation frames; a hidden (background) page would never call
    // them and every drawing test would time out instead of failing clearly.
    expect(document.visibilityState).to.equal('visible');
    const fired = await Promise.race([
      new Promise<boolean>((resolve) => requestAnimationFrame(() => resolve(true))),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_000)),
    ]);
    expect(fired, 'requestAnimationFrame did not fire within 2 s').to.equal(true);
  });

  it('starts a module worker that creates a SharedArrayBuffer', async () => {
    // The worker source as a blob keeps this file self-contained. A blob worker inherits the
    // page's isolation, so SharedArrayBuffer exists there too only if the harness is right.
    const source = `
      const shared = new SharedArrayBuffer(16);
      const view = new Int32Array(shared);
      Atomics.store(view, 0, 7);
      self.postMessage({ isolated: self.crossOriginIsolated, value: Atomics.load(view, 0), shared });`;
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    const worker = new Worker(url, { type: 'module' });
    try {
      const reply = await new Promise<{ isolated: boolean; value: number; shared: SharedArrayBuffer }>((resolve, reject) => {
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = (e) => reject(new Error(`worker failed: ${e.message}`));
        setTimeout(() => reject(new Error('worker did not answer within 10 s')), 10_000);
      });
      expect(reply.isolated).to.equal(true);
      expect(reply.value).to.equal(7);
      // The buffer really is shared: the main thread sees the worker's write.
      expect(reply.shared).to.be.instanceOf(SharedArrayBuffer);
      expect(new Int32Array(reply.shared)[0]).to.equal(7);
    } finally {
      worker.terminate();
      URL.revokeObjectURL(url);
    }
  });

  it('serves the local Pyodide files at /pyodide/', async () => {
    const wasm = await fetch('/pyodide/pyodide.asm.wasm');
    expect(wasm.status).to.equal(200);
    expect(wasm.headers.get('content-type')).to.equal('application/wasm');
    const bytes = new Uint8Array(await wasm.arrayBuffer());
    expect(bytes.length).to.be.greaterThan(1_000_000);
    expect(Array.from(bytes.slice(0, 4))).to.deep.equal([0x00, 0x61, 0x73, 0x6d]); // "\0asm"
    // Byte-exact: a server that decodes the body as text (WTR's transform step does that to
    // responses without Content-Length) leaves a file that no longer validates.
    expect(WebAssembly.validate(bytes), 'pyodide.asm.wasm corrupted in transit').to.equal(true);
    for (const name of ['pyodide.mjs', 'pyodide.asm.mjs', 'python_stdlib.zip', 'pyodide-lock.json']) {
      const response = await fetch(`/pyodide/${name}`, { method: 'HEAD' });
      expect(response.status, name).to.equal(200);
    }
  });
});
