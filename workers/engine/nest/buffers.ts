/** A Float64Array that grows by doubling, so recording never allocates per event. */
export class GrowableF64 {
  private data: Float64Array;
  length = 0;

  constructor(capacity = 64) {
    this.data = new Float64Array(capacity);
  }

  push(x: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = x;
  }

  /** Makes room for `n` more values (call before a burst of pushes). */
  reserve(n: number): void {
    if (this.length + n > this.data.length) this.grow(this.length + n);
  }

  private grow(min: number): void {
    let cap = this.data.length * 2;
    while (cap < min) cap *= 2;
    const next = new Float64Array(cap);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  /** The raw storage (valid up to `length`); for in-place reordering. */
  get raw(): Float64Array {
    return this.data;
  }

  /** A copy of the first `n` values (default: all), safe to transfer to another thread. */
  copy(n = this.length): Float64Array {
    return this.data.slice(0, n);
  }

  clear(): void {
    this.length = 0;
  }
}
