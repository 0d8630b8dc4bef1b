/**
 * e^x and x^y as NEST gets them from the C library.
 *
 * Why: NEST's C++ calls glibc's exp and pow. V8's Math.exp and Math.pow differ from them in about
 * 1 result in 10 (one unit in the last place). Mostly that is invisible, but the adaptive
 * integrator of the RKF45 models takes its next step size from pow(error, 1/6), and
 * aeif_cond_alpha's exponential spike current is ~1e12 pA at a spike: there one-ulp differences
 * grow to ~1e-6 mV within a few steps. So:
 *
 * - expGlibc: glibc's exp (2.28 and later, x86-64 FMA build), reproduced bit for bit (checked on
 *   1.1 million arguments against glibc, 0 differences): the method and published coefficients
 *   of ARM's optimized-routines exp (MIT licence), which glibc uses, with its fused multiply-adds
 *   emulated exactly.
 * - pow: correctly rounded x^y (glibc's pow agrees in 99.9% of cases; in the others glibc is the
 *   one that misrounds). exp: correctly rounded e^x (its fast path serves pow).
 *
 * Method of exp/pow (standard, our own code): x = (k/N)·ln2 + r with N = 256 and |r| ≤ ln2/512;
 * e^x = 2^(k div N) · 2^(j/N) · e^r with 2^(j/N) from a table of double-double values. A fast
 * evaluation carries ~2e-21 relative error; when that cannot decide the rounding (a few in
 * 10^5 arguments) the value is recomputed in double-double arithmetic (~2^-100). x^y = e^(y·ln x)
 * with ln x refined to double-double by one Newton step on Math.log.
 */

/** Argument / result passing for expGlibc and pow (see there). */
const IO = new Float64Array(2);

const N = 256;
const LOG2_N = 8;

// ---- double-double helpers (slow path and table set-up only) ----
const SPLITTER = 134217729; // 2^27 + 1 (Veltkamp split)

/** Exact product a·b as hi + lo. */
function twoProd(a: number, b: number, out: Float64Array): void {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b), bl = b - bh;
  out[0] = p;
  out[1] = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

/** (ah + al) · (bh + bl) as a double-double in out. */
function ddMul(ah: number, al: number, bh: number, bl: number, out: Float64Array): void {
  twoProd(ah, bh, out);
  const p = out[0], e = out[1] + (ah * bl + al * bh);
  const s = p + e;
  out[0] = s;
  out[1] = e - (s - p);
}

/** (ah + al) + (bh + bl) as a double-double in out. */
function ddAdd(ah: number, al: number, bh: number, bl: number, out: Float64Array): void {
  const s = ah + bh;
  const bb = s - ah;
  const e = (ah - (s - bb)) + (bh - bb) + al + bl;
  const h = s + e;
  out[0] = h;
  out[1] = e - (h - s);
}

// ---- ln2 / N to ~160 bits, split into three doubles (L1 has 33 significant bits, so k·L1 is exact) ----
const LN2_DIGITS = '6931471805599453094172321214581765680755001343602552541206800094933936219696947156058633269964186875';
const SCALE_BITS = 200n;
/** floor(ln2 / N · 2^(SCALE_BITS + LOG2_N)) = floor(ln2 · 2^SCALE_BITS). */
const LN2_FIXED = (BigInt(LN2_DIGITS) << SCALE_BITS) / 10n ** BigInt(LN2_DIGITS.length);

function splitFixed(): [number, number, number] {
  const unit = SCALE_BITS + BigInt(LOG2_N); // value = fixed · 2^-unit
  const take = (v: bigint, bits: bigint): [number, bigint] => {
    const len = BigInt(v.toString(2).length);
    const shift = len > bits ? len - bits : 0n;
    const top = v >> shift;
    return [Number(top) * 2 ** Number(shift - unit), v - (top << shift)];
  };
  const [l1, rest1] = take(LN2_FIXED, 33n);
  const [l2, rest2] = take(rest1, 53n);
  const [l3] = take(rest2, 53n);
  return [l1, l2, l3];
}
const [L1, L2, L3] = splitFixed();
const INV_L = N / Math.LN2;

const TH = new Float64Array(N);
const TL = new Float64Array(N);
/** 2^m for m = -1022 … 1023, exactly. */
const POW2 = new Float64Array(2046);
const dd = new Float64Array(2);
const dd2 = new Float64Array(2);
const dd3 = new Float64Array(2);

/** e^(rh + rl) as a double-double, by its Taylor series with `terms` terms. */
function ddExpSmall(rh: number, rl: number, terms: number, out: Float64Array): void {
  // Horner: 1 + r(1 + r/2(1 + r/3(...)))
  let sh = 1, sl = 0;
  for (let n = terms; n >= 1; n--) {
    ddMul(sh, sl, rh, rl, dd2);
    // divide by n: (dd2) / n, with the remainder folded in
    const qh = dd2[0] / n;
    twoProd(qh, n, out);
    const ql = ((dd2[0] - out[0]) - out[1] + dd2[1]) / n;
    ddAdd(1, 0, qh, ql, out);
    sh = out[0]; sl = out[1];
  }
  out[0] = sh; out[1] = sl;
}

for (let m = -1022; m <= 1023; m++) POW2[m + 1022] = 2 ** m;
for (let j = 0; j < N; j++) {
  // y = j · ln2 / N as a double-double, then 2^(j/N) = e^y by Taylor series (|y| < 0.7: 40 terms).
  twoProd(j, L2, dd);
  const a = j * L1; // exact
  ddAdd(a, 0, dd[0], dd[1] + j * L3, dd);
  ddExpSmall(dd[0], dd[1], 40, dd3);
  TH[j] = dd3[0];
  TL[j] = dd3[1];
}

/** e^(xh + xl) as a double-double in out (|xh| < 708; relative error ~2^-100). */
function expDD(xh: number, xl: number, out: Float64Array): void {
  const k = Math.round(xh * INV_L);
  const j = k & (N - 1);
  const m = (k - j) / N;
  const a = xh - k * L1; // exact (see exp)
  twoProd(k, L2, dd);
  ddAdd(a, xl, -dd[0], -dd[1] - k * L3, dd);
  ddExpSmall(dd[0], dd[1], 14, dd3);
  ddMul(dd3[0], dd3[1], TH[j], TL[j], out);
  const scale = POW2[m + 1022];
  out[0] *= scale;
  out[1] *= scale;
}

const slow = new Float64Array(2);

/** The careful evaluation: everything in double-double, then one rounding. */
function expSlow(x: number): number {
  expDD(x, 0, slow);
  return slow[0] + slow[1];
}

// Veltkamp halves of the table's leading parts (for exact products th · r).
const TH1 = new Float64Array(N);
const TH2 = new Float64Array(N);
for (let j = 0; j < N; j++) {
  const t = SPLITTER * TH[j];
  TH1[j] = t - (t - TH[j]);
  TH2[j] = TH[j] - TH1[j];
}

// Results of core(): e^(xh + xl) = (V + REM) · 2^M (|REM| ≤ ulp(V)/2, error ≲ 2e-21 · V), and
// whether rounding V might be wrong (the exact value could be on the other side of a midpoint).
/** core()'s result: V = CORE[0], REM = CORE[1] (a typed array: a double in a module variable is boxed). */
const CORE = new Float64Array(2);
let M = 0, UNSURE = false;
const HALF_ULP_BELOW_1 = 2 ** -54, HALF_ULP_1_2 = 2 ** -53, HALF_ULP_ABOVE_2 = 2 ** -52;

/** The fast evaluation of e^(xh + xl), |xh| < 708, |xl| ≤ 1e-15; see V, REM, M, UNSURE. */
function core(xh: number, xl: number): void {
  const k = Math.round(xh * INV_L);
  const j = k & (N - 1);
  M = (k - j) / N;
  // xh − k·L1 is exact (k·L1 has ≤ 52 bits and is within a factor 2 of xh, or k = 0).
  const a = xh - k * L1;
  const kl = k * L2;
  const rh = a - kl;
  const rl = ((a - rh) - kl) - k * L3 + xl;
  const th = TH[j], tl = TL[j];
  // th · rh exactly, as p + pe
  const p = th * rh;
  const t = SPLITTER * rh;
  const r1 = t - (t - rh), r2 = rh - r1;
  const pe = ((TH1[j] * r1 - p) + TH1[j] * r2 + TH2[j] * r1) + TH2[j] * r2;
  // e^(rh + rl) − 1 − rh = q + rl·(1 + rh) + …, q = e^rh − 1 − rh to degree 6 (rest < 1e-23)
  const q = rh * rh * (0.5 + rh * (1 / 6 + rh * (1 / 24 + rh * (1 / 120 + rh * (1 / 720)))));
  const rest = pe + th * (q + rl * (1 + rh)) + (tl + tl * rh);
  const s = th + p;
  const e1 = (th - s) + p; // exact
  const u = e1 + rest;
  const V = s + u;
  const REM = (s - V) + u; // exact
  CORE[0] = V;
  CORE[1] = REM;
  // Midpoint test; at V = 1 or 2 the midpoints below and above differ, so decide carefully there.
  const halfUlp = V < 1 ? HALF_ULP_BELOW_1 : V < 2 ? HALF_ULP_1_2 : HALF_ULP_ABOVE_2;
  UNSURE = Math.abs(Math.abs(REM) - halfUlp) <= 4e-21 || V === 1 || V === 2;
}

/** e^x, correctly rounded (for results in the normal range; outside it, Math.exp). */
export function exp(x: number): number {
  if (!(x > -708 && x < 709)) return Math.exp(x);
  // The same steps as core(), written out with locals: this is the hot path.
  const k = Math.round(x * INV_L);
  const j = k & (N - 1);
  const a = x - k * L1;
  const kl = k * L2;
  const rh = a - kl;
  const rl = ((a - rh) - kl) - k * L3;
  const th = TH[j];
  const p = th * rh;
  const t = SPLITTER * rh;
  const r1 = t - (t - rh), r2 = rh - r1;
  const th1 = TH1[j], th2 = TH2[j], tl = TL[j];
  const pe = ((th1 * r1 - p) + th1 * r2 + th2 * r1) + th2 * r2;
  const q = rh * rh * (0.5 + rh * (1 / 6 + rh * (1 / 24 + rh * (1 / 120 + rh * (1 / 720)))));
  const rest = pe + th * (q + rl * (1 + rh)) + (tl + tl * rh);
  const s = th + p;
  const u = ((th - s) + p) + rest;
  const v = s + u;
  const rem = (s - v) + u;
  const halfUlp = v < 1 ? HALF_ULP_BELOW_1 : v < 2 ? HALF_ULP_1_2 : HALF_ULP_ABOVE_2;
  if (Math.abs(Math.abs(rem) - halfUlp) <= 4e-21 || v === 1 || v === 2) return expSlow(x);
  return v * POW2[(k - j) / N + 1022];
}

const logScratch = new Float64Array(2);
const powScratch = new Float64Array(2);

/** x^y, correctly rounded, for x > 0 and |y·ln x| < 700 (else Math.pow). */
export function pow(x: number, y: number): number {
  // Through a typed array, as expGlibc: no boxes for a call V8 does not inline.
  IO[0] = x;
  IO[1] = y;
  powIO();
  return IO[0];
}

/** IO[0] = pow(IO[0], IO[1]). */
function powIO(): void {
  const x = IO[0], y = IO[1];
  if (!(x > 0 && x < Infinity) || !Number.isFinite(y)) { IO[0] = Math.pow(x, y); return; }
  const l0 = Math.log(x);
  if (!(Math.abs(l0 * y) < 700)) { IO[0] = Math.pow(x, y); return; }
  // ln x = l0 + d with d = (x − e^l0) / e^l0 (one Newton step; d is ~1e-16 of l0).
  core(l0, 0);
  const scale = POW2[M + 1022];
  const e0 = CORE[0] * scale;
  const d = ((x - e0) - CORE[1] * scale) / e0; // x − e0 is exact (they agree to a few ulps)
  // z = y · (l0 + d) as a double-double
  twoProd(y, l0, powScratch);
  const zl0 = powScratch[1] + y * d;
  const zh = powScratch[0] + zl0;
  const zl = zl0 - (zh - powScratch[0]);
  core(zh, zl);
  if (!UNSURE) { IO[0] = CORE[0] * POW2[M + 1022]; return; }
  // Too close to call: the same in double-double throughout.
  expDD(l0, 0, logScratch);
  const dd0 = ((x - logScratch[0]) - logScratch[1]) / logScratch[0];
  twoProd(y, l0, powScratch);
  const wl0 = powScratch[1] + y * dd0;
  const wh = powScratch[0] + wl0;
  expDD(wh, wl0 - (wh - powScratch[0]), powScratch);
  IO[0] = powScratch[0] + powScratch[1];
}

// ---- glibc's exp, reproduced ----
//
// glibc's exp (2.28 and later; on x86-64 with FMA the "__exp_fma" build) is correctly rounded
// except in ~0.07% of arguments. We follow it exactly: its published method (ARM
// optimized-routines, MIT licence: a 128-entry table of 2^(i/128) as scale·(1 + tail), a degree-5
// polynomial for e^r − 1, fused multiply-adds — which we emulate exactly). The table is computed
// here; the polynomial coefficients and the ln2 split are the published ones.

const G_N = 128;
const G_TAIL = new Float64Array(G_N);
const G_SCALE = new Float64Array(G_N);
{
  // 2^(i/128) to ~190 bits: products of 2^(1/2), 2^(1/4), …, 2^(1/128) (integer square roots).
  const P = 200n;
  const isqrt = (n: bigint): bigint => {
    let x = 1n << BigInt((n.toString(2).length >> 1) + 1);
    for (;;) { const y = (x + n / x) >> 1n; if (y >= x) return x; x = y; }
  };
  const roots: bigint[] = [];
  let cur = 2n << P;
  for (let b = 0; b < 7; b++) { cur = isqrt(cur << P); roots.push(cur); }
  for (let i = 0; i < G_N; i++) {
    let v = 1n << P;
    for (let b = 0; b < 7; b++) if (i & (1 << (6 - b))) v = (v * roots[b]) >> P;
    const scale = Number(v) * 2 ** -200; // rounded to nearest
    const s = BigInt(scale * 2 ** 200);
    const d = v - s;
    const q = ((d < 0n ? -d : d) << 130n) / s;
    G_SCALE[i] = scale;
    G_TAIL[i] = (d < 0n ? -1 : 1) * Number(q) * 2 ** -130;
  }
}
const G_INV_LN2_N = Math.LOG2E * G_N;
const TINY = 2 ** -54;
const G_INV_H = SPLITTER * G_INV_LN2_N - (SPLITTER * G_INV_LN2_N - G_INV_LN2_N), G_INV_L = G_INV_LN2_N - G_INV_H;
const G_SHIFT = 6755399441055744; // 1.5 · 2^52: adding it rounds to an integer
const G_NEG_LN2_HI_N = -0x162e42fefa0000 * 2 ** -60; // −0x1.62e42fefa0000p-8
const G_NEG_LN2_LO_N = -Number(((LN2_FIXED << 100n) - (0x162e42fefa0000n << 247n))) * 2 ** -307;
const G_C2 = 0x1ffffffffffdbd * 2 ** -54; // 0x1.ffffffffffdbdp-2
const G_C3 = 0x1555555555543c * 2 ** -55; // 0x1.555555555543cp-3
const G_C4 = 0x155555cf172b91 * 2 ** -57; // 0x1.55555cf172b91p-5
const G_C5 = 0x11111167a4d017 * 2 ** -59; // 0x1.1111167a4d017p-7

/**
 * a·b + c with one rounding (a fused multiply-add). The exact value is th + v + ve (exact
 * product, then exact sums); w = th + v rounded, we its exact error. The true result differs
 * from w only if th + v sat exactly on a midpoint (|we| half an ulp) and ve pushes past it.
 */
export function fma(a: number, b: number, c: number): number {
  const uh = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b), bl = b - bh;
  const ul = ((ah * bh - uh) + ah * bl + al * bh) + al * bl;
  const th = c + uh;
  let bb = th - c;
  const tl = (c - (th - bb)) + (uh - bb);
  const v = tl + ul;
  bb = v - tl;
  const ve = (tl - (v - bb)) + (ul - bb);
  const w = th + v;
  bb = w - th;
  const we = (th - (w - bb)) + (v - bb);
  if (we !== 0 && ve !== 0 && (we > 0) === (ve > 0)) {
    const m = 2 * we;
    const n = w + m;
    if (n - w === m) return n; // a midpoint: the exact value lies beyond it
  }
  return w;
}

/** e^x exactly as glibc's exp computes it (x86-64 FMA build), for |x| < 354; else exp(x). */
export function expGlibc(x: number): number {
  // Argument and result pass through a typed array: V8 does not inline the (large) body, and a
  // call with a double argument or result would allocate a box for it.
  IO[0] = x;
  expGlibcIO();
  return IO[0];
}


/** IO[0] = expGlibc(IO[0]). The common case; anything unusual goes to expGlibcCareful. */
function expGlibcIO(): void {
  const x = IO[0];
  if (!(Math.abs(x) < 354 && Math.abs(x) >= TINY)) { IO[0] = expGlibcCareful(x); return; }
  const z = G_INV_LN2_N * x;
  const kd = (z + G_SHIFT) - G_SHIFT;
  const frac = z - kd; // exact
  if (frac === 0.5 || frac === -0.5) { IO[0] = expGlibcCareful(x); return; } // the exact product decides kd
  const r = (x + kd * G_NEG_LN2_HI_N) + kd * G_NEG_LN2_LO_N;
  const k = kd | 0;
  const idx = k & (G_N - 1);
  const r2 = r * r;
  const x2 = G_C2 + r * G_C3, w0 = G_TAIL[idx] + r;
  // fma(r2, x2, w0) is this sum unless the product's rounding could change it
  const p2 = r2 * x2;
  const u = w0 + p2;
  const bb = u - w0;
  const rem = (w0 - (u - bb)) + (p2 - bb); // exact
  bitsF64[0] = u;
  const e = (bitsU32[HI] >>> 20) & 0x7ff;
  if (e <= 54 || Math.abs(Math.abs(rem) - POW2[e - 54]) <= 1.2e-16 * Math.abs(p2)) { IO[0] = expGlibcCareful(x); return; }
  const tmp = u + r2 * r2 * (G_C4 + r * G_C5);
  // fma(s0, tmp, s0), s0 = 2^(idx/128) in [1, 2): likewise
  const s0 = G_SCALE[idx];
  const p = s0 * tmp;
  const y = s0 + p;
  const rem2 = (s0 - y) + p; // exact (|p| < s0)
  const half = y < 1 ? HALF_ULP_BELOW_1 : y < 2 ? HALF_ULP_1_2 : HALF_ULP_ABOVE_2;
  if (Math.abs(Math.abs(rem2) - half) <= 1.2e-16 * Math.abs(p) || y === 1 || y === 2) { IO[0] = expGlibcCareful(x); return; }
  IO[0] = y * POW2[((k - idx) >> 7) + 1022]; // · 2^(k div 128), exact
}

/** expGlibc with every fused multiply-add emulated exactly (and the edge cases). */
function expGlibcCareful(x: number): number {
  if (!(Math.abs(x) < 354)) return exp(x);
  if (Math.abs(x) < 2 ** -54) return 1 + x;
  // kd = x·N/ln2 rounded to an integer: fma(InvLn2N, x, Shift) − Shift
  const kd = fma(G_INV_LN2_N, x, G_SHIFT) - G_SHIFT;
  // r = fma(kd, NegLn2loN, fma(kd, NegLn2hiN, x)); kd·hi is exact for |kd| < 2^16
  const r = fma(kd, G_NEG_LN2_LO_N, x + kd * G_NEG_LN2_HI_N);
  const k = kd | 0;
  const idx = k & (G_N - 1);
  const r2 = r * r;
  const tmp = fma(r2 * r2, fma(r, G_C5, G_C4), fma(r2, fma(r, G_C3, G_C2), G_TAIL[idx] + r));
  const s0 = G_SCALE[idx];
  return fma(s0, tmp, s0) * POW2[((k - idx) >> 7) + 1022];
}

const bitsF64 = new Float64Array(1);
const bitsU32 = new Uint32Array(bitsF64.buffer);
/** Index of the high (sign, exponent) word of a double in bitsU32. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
