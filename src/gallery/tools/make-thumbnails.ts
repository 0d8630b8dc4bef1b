/**
 * Makes the gallery's pictures, src/gallery/thumbs/<id>.svg, from a real run of each example: the
 * example's blocks are generated with the app's own generator and run on the local engine (the
 * same engine the browser uses; test/nest/gallery-real.test.ts checks it against real NEST), and
 * what the run recorded is drawn — a membrane potential trace with the spikes as ticks above it,
 * else a spike raster (one row per neuron, excitatory and inhibitory populations in two colours),
 * else the result table's curve. Colours are the Okabe–Ito palette (safe for colour-blind
 * viewers); there is no text in a picture, so one picture serves every language. Each file stays
 * under 8 kB: traces keep one min–max pair per pixel column, rasters at most MAX_SPIKES spikes.
 *
 *   npx tsx src/gallery/tools/make-thumbnails.ts            all examples
 *   npx tsx src/gallery/tools/make-thumbnails.ts one-neuron  only these
 *
 * Run it again after changing an example's blocks, and commit the pictures.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as Blockly from 'blockly';
import { SIMULATORS, simulator } from '../../registry';
import { loadNodeRuntime } from '../../cli/node-runtime';
import { GALLERY, type GalleryEntry } from '../catalog';
import type { SimRuntime } from '../../../workers/runtime';

export const WIDTH = 240;
export const HEIGHT = 135;
const PAD = 6;
const MAX_SPIKES = 500;
/** Okabe & Ito (2008), "Color Universal Design". */
export const OKABE_ITO = {
  orange: '#E69F00', skyBlue: '#56B4E9', bluishGreen: '#009E73', yellow: '#F0E442',
  blue: '#0072B2', vermillion: '#D55E00', reddishPurple: '#CC79A7', black: '#000000',
} as const;

const OUT = resolve(import.meta.dirname, '../thumbs');

interface Series {
  times: ArrayLike<number>;
  senders: ArrayLike<number>;
  values?: ArrayLike<number>;
}

const f1 = (x: number) => String(Math.round(x * 10) / 10);

function frame(body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}">` +
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>` +
    `<path d="M${PAD} ${HEIGHT - PAD}H${WIDTH - PAD}" stroke="#8a8f94" stroke-width="1"/>${body}</svg>\n`
  );
}

/** A trace as one min–max pair per pixel column (spikes and resets stay visible). */
function tracePath(times: ArrayLike<number>, values: ArrayLike<number>, t0: number, t1: number, top: number, bottom: number): string {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < values.length; i++) { lo = Math.min(lo, values[i]); hi = Math.max(hi, values[i]); }
  if (hi - lo < 1e-9) { hi = lo + 1; }
  const x = (t: number) => PAD + ((t - t0) / (t1 - t0)) * (WIDTH - 2 * PAD);
  const y = (v: number) => bottom - ((v - lo) / (hi - lo)) * (bottom - top);
  const columns = new Map<number, [number, number]>();
  for (let i = 0; i < times.length; i++) {
    const c = Math.round(x(times[i]));
    const mm = columns.get(c);
    if (mm) { mm[0] = Math.min(mm[0], values[i]); mm[1] = Math.max(mm[1], values[i]); } else columns.set(c, [values[i], values[i]]);
  }
  const parts: string[] = [];
  for (const [c, [a, b]] of [...columns].sort((p, q) => p[0] - q[0])) {
    parts.push(`${parts.length ? 'L' : 'M'}${c} ${f1(y(a))}`);
    if (b !== a) parts.push(`L${c} ${f1(y(b))}`);
  }
  return parts.join('');
}

/** Rows of a raster: the first neurons of each population, as many as keep the spikes ≤ MAX_SPIKES. */
function rasterBody(groups: { series: Series; colour: string }[], t0: number, t1: number): string {
  const per = Math.floor(MAX_SPIKES / groups.length);
  const chosen = groups.map((g) => {
    const bySender = new Map<number, number[]>();
    for (let i = 0; i < g.series.times.length; i++) {
      const s = g.series.senders[i];
      if (!bySender.has(s)) bySender.set(s, []);
      bySender.get(s)!.push(g.series.times[i]);
    }
    const senders = [...bySender.keys()].sort((a, b) => a - b);
    const rows: number[][] = [];
    let count = 0;
    for (const s of senders) {
      const ts = bySender.get(s)!;
      if (count + ts.length > per && rows.length > 0) break;
      rows.push(ts.slice(0, per));
      count += ts.length;
      if (rows.length >= 40) break;
    }
    return { rows, colour: g.colour };
  });
  const totalRows = chosen.reduce((n, c) => n + c.rows.length, 0) || 1;
  const rowH = (HEIGHT - 3 * PAD) / totalRows;
  const x = (t: number) => PAD + ((t - t0) / (t1 - t0)) * (WIDTH - 2 * PAD);
  let row = 0;
  let body = '';
  for (const c of chosen) {
    const d: string[] = [];
    for (const ts of c.rows) {
      const y = PAD + (row + 0.5) * rowH;
      for (const t of ts) d.push(`M${f1(x(t))} ${f1(y)}h1.6`);
      row++;
    }
    const thick = f1(Math.max(1.2, Math.min(3, rowH * 0.8)));
    if (d.length) body += `<path d="${d.join('')}" stroke="${c.colour}" stroke-width="${thick}"/>`;
  }
  return body;
}

/** Spike ticks along the top, above a trace. */
function tickBody(times: ArrayLike<number>, t0: number, t1: number): string {
  const x = (t: number) => PAD + ((t - t0) / (t1 - t0)) * (WIDTH - 2 * PAD);
  const d: string[] = [];
  for (let i = 0; i < Math.min(times.length, MAX_SPIKES); i++) d.push(`M${f1(x(times[i]))} ${PAD}v10`);
  return d.length ? `<path d="${d.join('')}" stroke="${OKABE_ITO.vermillion}" stroke-width="1.5"/>` : '';
}

function curveBody(points: [number, number][]): string {
  if (!points.length) return '';
  const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
  const [x0, x1, y1] = [Math.min(...xs), Math.max(...xs), Math.max(...ys, 1)];
  const x = (v: number) => PAD + ((v - x0) / (x1 - x0 || 1)) * (WIDTH - 2 * PAD);
  const y = (v: number) => HEIGHT - PAD - (v / y1) * (HEIGHT - 3 * PAD);
  const line = points.map((p, i) => `${i ? 'L' : 'M'}${f1(x(p[0]))} ${f1(y(p[1]))}`).join('');
  const dots = points.map((p) => `M${f1(x(p[0]))} ${f1(y(p[1]))}h0`).join('');
  return `<path d="${line}" fill="none" stroke="${OKABE_ITO.bluishGreen}" stroke-width="2"/>` +
    `<path d="${dots}" stroke="${OKABE_ITO.blue}" stroke-width="6" stroke-linecap="round"/>`;
}

/** The picture of one NEST run. `recorders` in response order (the generator's). */
export function nestPicture(response: { events: Series[]; results?: Record<string, [number, number][]> }, recorders: { name: string; model?: string }[], simTime: number): string {
  const results = Object.values(response.results ?? {});
  if (results.length && results[0].length) return frame(curveBody(results[0]));
  const traces = recorders.map((r, k) => ({ r, e: response.events[k] as Series & { V_m?: ArrayLike<number> } })).filter((x) => x.r.model !== 'spike_recorder' && x.e.V_m);
  const spikes = recorders.map((r, k) => ({ r, e: response.events[k] })).filter((x) => x.r.model === 'spike_recorder');
  if (traces.length) {
    const first = traces[0].e;
    const sender = first.senders[0];
    const keep = [...Array(first.times.length).keys()].filter((i) => first.senders[i] === sender);
    const times = keep.map((i) => first.times[i]);
    const vm = keep.map((i) => first.V_m![i]);
    const path = tracePath(times, vm, 0, simTime, 3 * PAD + 10, HEIGHT - 2 * PAD);
    const ticks = spikes.length ? tickBody(spikes[0].e.times, 0, simTime) : '';
    return frame(`<path d="${path}" fill="none" stroke="${OKABE_ITO.blue}" stroke-width="1.3" stroke-linejoin="round"/>${ticks}`);
  }
  const colours = [OKABE_ITO.blue, OKABE_ITO.vermillion, OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple];
  return frame(rasterBody(spikes.map((s, k) => ({ series: s.e, colour: colours[k % colours.length] })), 0, simTime));
}

type Rows = ArrayLike<ArrayLike<number>>;

/** The picture of one Norse run: the first recorded layer's v of neuron 0 with its spikes, else a raster. */
export function norsePicture(response: { recordings: { name: string; spikes?: Rows; v?: Rows }[] }): string {
  const rec = response.recordings.find((r) => r.v) ?? response.recordings[0];
  const steps = (rec.v ?? rec.spikes)!.length;
  if (rec.v) {
    const times = Array.from({ length: steps }, (_, s) => s + 1);
    const v = times.map((_, s) => rec.v![s][0]);
    const spikeSteps = rec.spikes ? times.filter((_, s) => rec.spikes![s][0] > 0) : [];
    const path = tracePath(times, v, 0, steps, 3 * PAD + 10, HEIGHT - 2 * PAD);
    return frame(`<path d="${path}" fill="none" stroke="${OKABE_ITO.blue}" stroke-width="1.3" stroke-linejoin="round"/>${tickBody(spikeSteps, 0, steps)}`);
  }
  const times: number[] = [], senders: number[] = [];
  for (let s = 0; s < steps; s++) rec.spikes![s] && Array.from(rec.spikes![s]).forEach((z, n) => z > 0 && (times.push(s + 1), senders.push(n)));
  return frame(rasterBody([{ series: { times, senders }, colour: OKABE_ITO.blue }], 0, steps));
}

/** The picture of one gallery example, from a run of its blocks on `runtime`. */
export async function makeThumbnail(entry: GalleryEntry, runtime: SimRuntime): Promise<string> {
  const plugin = simulator(entry.simulator);
  const example = plugin.examples.find((x) => x.id === entry.id);
  if (!example) throw new Error(`${entry.id} is not an example of ${entry.simulator} (src/registry.ts)`);
  const ws = new Blockly.Workspace();
  Blockly.serialization.workspaces.load(example.workspace, ws);
  const program = plugin.generate(ws);
  ws.dispose();
  const result = await runtime.run(program.code);
  if (!result.ok) throw new Error(`${entry.id}: ${result.error.type}: ${result.error.message}`);
  return entry.simulator === 'norse'
    ? norsePicture(result.response as Parameters<typeof norsePicture>[0])
    : nestPicture(result.response as Parameters<typeof nestPicture>[0], program.recorders as { name: string; model?: string }[], program.simTime ?? 1000);
}

export function thumbnailPath(id: string): string {
  return resolve(OUT, `${id}.svg`);
}

async function main(only: string[]): Promise<void> {
  for (const s of SIMULATORS) s.registerBlocks();
  const runtime = await loadNodeRuntime();
  for (const entry of GALLERY.filter((e) => only.length === 0 || only.includes(e.id))) {
    const svg = await makeThumbnail(entry, runtime);
    writeFileSync(thumbnailPath(entry.id), svg);
    console.log(`src/gallery/thumbs/${entry.id}.svg  ${svg.length} bytes`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await main(process.argv.slice(2));
}
