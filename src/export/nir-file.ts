/**
 * A NIR graph (generators/norse-nir.ts) → the HDF5 file the nir package reads (`nir.read`), made
 * in the browser by h5wasm (the HDF5 C library compiled to WebAssembly, pinned in package.json).
 *
 * h5wasm is about 1 MB gzipped (the wasm is inlined in its module), so it is imported only when a
 * learner exports: the app shell does not grow, and vite bundles it as its own chunk, served from
 * our own origin like everything else (no CDN).
 *
 * The layout is the one nir.write makes (nir 1.0.8):
 *   /version                 "1.0.8"   (nir.read_version)
 *   /node/type               "NIRGraph"
 *   /node/edges              (E, 2) strings
 *   /node/metadata/<key>     float64 or string
 *   /node/nodes/<name>/type  "CubaLIF", "Linear", …
 *   /node/nodes/<name>/<parameter>  float32 arrays (shapes of Input/Output: int64)
 * Strings are variable-length UTF-8, as h5py writes them.
 */
import type * as Blockly from 'blockly';
import { norseToNir, type NirArray, type NirExport, type NirGraph } from '../../generators/norse-nir';
import type { Problem } from '../../generators/norse';
import { fileNameFor } from '../storage/project';

/** The nir package version whose file layout this follows (and which test/nest reads it back). */
export const NIR_FILE_VERSION = '1.0.8';

type H5 = typeof import('h5wasm');

let loading: Promise<H5> | null = null;

/** h5wasm, loaded once, on first use. */
function h5wasm(): Promise<H5> {
  loading ??= import('h5wasm').then(async (h5) => {
    await h5.ready;
    return h5;
  });
  return loading;
}

let fileCount = 0;

function typed(a: NirArray): Float32Array | BigInt64Array {
  return a.dtype === 'int64' ? BigInt64Array.from(a.data, (x) => BigInt(x)) : Float32Array.from(a.data);
}

/** The bytes of a .nir file holding `graph`. */
export async function nirFile(graph: NirGraph): Promise<Uint8Array> {
  const h5 = await h5wasm();
  // h5wasm writes into Emscripten's in-memory file system; the file is read back and removed.
  const path = `/spikeblocks-export-${++fileCount}.nir`;
  const file = new h5.File(path, 'w');
  try {
    file.create_dataset({ name: 'version', data: NIR_FILE_VERSION });
    const node = file.create_group('node');
    node.create_dataset({ name: 'type', data: 'NIRGraph' });
    node.create_dataset({ name: 'edges', data: graph.edges.flat(), shape: [graph.edges.length, 2] });
    const metadata = Object.entries(graph.metadata);
    if (metadata.length) {
      const group = node.create_group('metadata');
      for (const [key, value] of metadata) {
        // numbers as float64 always: h5wasm would store a whole number (dt = 1) as int32
        group.create_dataset(typeof value === 'number' ? { name: key, data: value, dtype: '<d' } : { name: key, data: value });
      }
    }
    const nodes = node.create_group('nodes');
    for (const [name, n] of Object.entries(graph.nodes)) {
      const group = nodes.create_group(name);
      group.create_dataset({ name: 'type', data: n.type });
      for (const [key, array] of Object.entries(n.params)) {
        group.create_dataset({ name: key, data: typed(array), shape: array.shape });
      }
    }
  } finally {
    file.close();
  }
  const FS = h5.FS!;
  const bytes = FS.readFile(path);
  FS.unlink(path);
  return bytes;
}

/** ok: the file was offered for download; leftOut are warnings to show on blocks not in it. */
export type NirDownload = { ok: true; bytes: number; fileName: string; leftOut: Problem[] } | Extract<NirExport, { ok: false }>;

/**
 * What the app's "Export NIR" button calls: the workspace's network as a .nir download, or the
 * problems (each naming its block) when it cannot be exported; the app shows them on the blocks.
 */
export async function downloadNir(workspace: Blockly.Workspace, projectName: string): Promise<NirDownload> {
  const exported = norseToNir(workspace);
  if (!exported.ok) return exported;
  const bytes = await nirFile(exported.graph);
  const fileName = fileNameFor(projectName, 'nir');
  const a = document.createElement('a');
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/x-hdf5' }));
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { ok: true, bytes: bytes.length, fileName, leftOut: exported.leftOut };
}
