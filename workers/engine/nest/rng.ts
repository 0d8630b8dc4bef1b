/**
 * The kernel's own seeded random numbers: xoshiro128** (Blackman & Vigna), seeded through
 * splitmix32. The same rng_seed gives the same stream. NEST uses mt19937_64 and the C++ standard
 * library's Poisson sampler, so exact spike trains differ from NEST by design; only statistics
 * are comparable.
 */
export class Rng {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  constructor(seed: number) {
    this.seed(seed);
  }

  seed(seed: number): void {
    this.spareNormal = NaN;
    // splitmix32 spreads a small integer seed over the 128-bit state (never all zero).
    let x = seed >>> 0;
    const next = () => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) | 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Next 32 random bits as an unsigned integer. */
  nextU32(): number {
    const s0 = this.s0, s1 = this.s1, s2 = this.s2, s3 = this.s3;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    let n2 = s2 ^ s0;
    let n3 = s3 ^ s1;
    const n1 = s1 ^ n2;
    const n0 = s0 ^ n3;
    n2 ^= t;
    n3 = rotl(n3, 11);
    this.s0 = n0;
    this.s1 = n1;
    this.s2 = n2;
    this.s3 = n3;
    return r >>> 0;
  }

  /**
   * The poisson_generator's inner loop, with the generator state held in locals: for every
   * target c, draw a count k by inverting `cdf` and add weight[c]·k to ring[base + local[c]].
   * (Bit-for-bit the same stream as calling uniform32() per target.)
   */
  scatterPoisson(
    cdf: Float64Array, guide: Int32Array, n: number, ring: Float64Array, base: number, local: Int32Array, weight: Float64Array,
  ): void {
    let s0 = this.s0, s1 = this.s1, s2 = this.s2, s3 = this.s3;
    for (let c = 0; c < n; c++) {
      const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      const bits = r >>> 0;
      const u = bits * 2.3283064365386963e-10;
      // The guide table jumps to the right count for all but ~2% of draws; no data-dependent
      // branch is left in the common path (adding weight·0 leaves the slot unchanged).
      let k = guide[bits >>> 24];
      while (u >= cdf[k]) k++;
      ring[base + local[c]] += weight[c] * k;
    }
    this.s0 = s0; this.s1 = s1; this.s2 = s2; this.s3 = s3;
  }

  /** Uniform in [0, 1) with 32 random bits (enough resolution for the Poisson tables). */
  uniform32(): number {
    return this.nextU32() * 2.3283064365386963e-10;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextU32() >>> 5; // 27 bits
    const lo = this.nextU32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) * 1.1102230246251565e-16;
  }

  /** The second value of the last polar pair, handed out by the next normal() call. */
  private spareNormal = NaN;

  /** Standard normal deviate (Marsaglia's polar method: two per accepted pair, the second kept). */
  normal(): number {
    const spare = this.spareNormal;
    if (spare === spare) { // not NaN
      this.spareNormal = NaN;
      return spare;
    }
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        this.spareNormal = v * f;
        return u * f;
      }
    }
  }

  /** Exponential deviate with mean 1 (inversion; 1 - u is in (0, 1], so the log is finite). */
  exponential(): number {
    return -Math.log(1 - this.uniform());
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Means below this use table inversion (exact); above, Hörmann's PTRS rejection (exact too). */
const SMALL_MEAN = 10;
const GUIDE_SIZE = 256;

/**
 * Poisson counts with a fixed mean, as a poisson_generator needs once per target and step.
 * Small means: inversion of the cumulative distribution, precomputed once per mean, so a draw is
 * one uniform and usually one or two comparisons. Large means: transformed rejection with
 * squeeze (PTRS, W. Hörmann 1993), which is exact and needs about 1.1 uniform pairs per draw.
 */
export class PoissonSampler {
  readonly mean: number;
  private cdf: Float64Array = new Float64Array(0);
  /** guide[j] = the smallest k with cdf[k] > j/256: where inversion of u ∈ [j/256, (j+1)/256)
   * starts searching (the result is identical to a search from 0). */
  readonly guide: Int32Array = new Int32Array(GUIDE_SIZE);
  // PTRS constants
  private a = 0;
  private b = 0;
  private invAlpha = 0;
  private vr = 0;
  private logMean = 0;

  constructor(mean: number) {
    this.mean = mean;
    if (mean <= 0) return;
    if (mean < SMALL_MEAN) {
      // Cumulative probabilities until the remaining tail is below double resolution.
      const values: number[] = [];
      let p = Math.exp(-mean);
      let c = p;
      values.push(c);
      for (let k = 1; 1 - c > 1e-17 && k < 200; k++) {
        p *= mean / k;
        c += p;
        values.push(c);
      }
      values[values.length - 1] = 1; // close the table: every uniform < 1 lands in it
      this.cdf = Float64Array.from(values);
      let k = 0;
      for (let j = 0; j < GUIDE_SIZE; j++) {
        while (this.cdf[k] <= j / GUIDE_SIZE) k++;
        this.guide[j] = k;
      }
    } else {
      const sq = Math.sqrt(mean);
      this.b = 0.931 + 2.53 * sq;
      this.a = -0.059 + 0.02483 * this.b;
      this.invAlpha = 1.1239 + 1.1328 / (this.b - 3.4);
      this.vr = 0.9277 - 3.6224 / (this.b - 2);
      this.logMean = Math.log(mean);
    }
  }

  /** Table for inversion, or null when the mean is large (use draw()). */
  get table(): Float64Array | null {
    return this.mean > 0 && this.mean < SMALL_MEAN ? this.cdf : null;
  }

  draw(rng: Rng): number {
    if (this.mean <= 0) return 0;
    if (this.mean < SMALL_MEAN) {
      const bits = rng.nextU32();
      const u = bits * 2.3283064365386963e-10;
      const cdf = this.cdf;
      let k = this.guide[bits >>> 24];
      while (u >= cdf[k]) k++;
      return k;
    }
    for (;;) {
      const u = rng.uniform() - 0.5;
      const v = rng.uniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * this.a) / us + this.b) * u + this.mean + 0.43);
      if (us >= 0.07 && v <= this.vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      const lhs = Math.log(v) + Math.log(this.invAlpha) - Math.log(this.a / (us * us) + this.b);
      if (lhs <= -this.mean + k * this.logMean - logFactorial(k)) return k;
    }
  }
}

const LOG_FACT_TABLE = (() => {
  const t = new Float64Array(256);
  for (let k = 1; k < 256; k++) t[k] = t[k - 1] + Math.log(k);
  return t;
})();

/** log(k!) — a table for small k, Stirling's series (error < 1e-15 relative) beyond. */
export function logFactorial(k: number): number {
  if (k < 256) return LOG_FACT_TABLE[k];
  const x = k + 1;
  const x2 = x * x;
  return (x - 0.5) * Math.log(x) - x + 0.9189385332046728 + 1 / (12 * x) - 1 / (360 * x * x2) + 1 / (1260 * x2 * x2 * x);
}
