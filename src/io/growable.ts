/**
 * An append-only Float64Array that doubles when full (internal to the readers: memory grows with
 * the rows kept, at most twice their size). Amortised O(1) per push.
 *
 * @example
 * const a = new GrowableF64(1); a.push(3); a.push(4); a.toArray(); // Float64Array [3, 4]
 */
export class GrowableF64 {
  private data: Float64Array;
  /** Number of values appended. */
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }

  /** Appends one value. Amortised O(1). */
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  /** Value at `i` (no bounds check beyond the typed array's). */
  get(i: number): number {
    return this.data[i]!;
  }

  /** A trimmed copy of the appended values. */
  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }
}
