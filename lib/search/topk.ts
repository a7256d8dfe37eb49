/**
 * Bounded top-K selection with a binary min-heap over parallel typed arrays.
 *
 * Order: higher score first; equal scores by lower id. The heap root is the worst kept entry, and
 * `threshold` is its score once the heap is full (−∞ before), so a scan can reject an item with a
 * single comparison `score >= threshold` and only call `push` for candidates. NaN scores never
 * pass that comparison, and `push` also rejects them, so NaN is never returned.
 */
export interface TopKResult {
  /** Item ids, best first. Length min(k, number of candidates with a non-NaN score). */
  ids: Int32Array;
  /** Scores aligned with ids (descending; ties ordered by ascending id). */
  scores: Float32Array;
}

export class TopKHeap {
  private hs: Float64Array;
  private hi: Int32Array;
  private k = 0;
  /** Number of entries currently kept. */
  size = 0;
  /** Score a candidate must reach (≥) to possibly enter: −∞ until the heap holds k entries. */
  threshold = -Infinity;

  constructor(capacity = 16) {
    this.hs = new Float64Array(Math.max(1, capacity));
    this.hi = new Int32Array(Math.max(1, capacity));
  }

  /** Empties the heap and sets its bound to k (grows the buffers if needed). */
  reset(k: number): void {
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be an integer ≥ 0, got ${k}`);
    if (k > this.hs.length) {
      this.hs = new Float64Array(k);
      this.hi = new Int32Array(k);
    }
    this.k = k;
    this.size = 0;
    this.threshold = k === 0 ? Infinity : -Infinity;
  }

  /** Offers (score, id); keeps it if it ranks among the best k seen so far. Returns the new threshold. */
  push(score: number, id: number): number {
    const hs = this.hs;
    const hi = this.hi;
    if (this.size < this.k) {
      if (score !== score) return this.threshold;
      // Sift up from the end.
      let i = this.size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        const ps = hs[p]!;
        if (ps < score || (ps === score && hi[p]! > id)) break; // parent is worse: stop
        hs[i] = ps;
        hi[i] = hi[p]!;
        i = p;
      }
      hs[i] = score;
      hi[i] = id;
      if (this.size === this.k) this.threshold = hs[0]!;
      return this.threshold;
    }
    const rs = hs[0]!;
    if (!(score > rs || (score === rs && id < hi[0]!))) return this.threshold;
    // Replace the root and sift down.
    const n = this.size;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let c = l;
      let cs = hs[l]!;
      const r = l + 1;
      if (r < n) {
        const rs2 = hs[r]!;
        if (rs2 < cs || (rs2 === cs && hi[r]! > hi[l]!)) {
          c = r;
          cs = rs2;
        }
      }
      // Stop when the new entry is worse than (or equal to) the worst child.
      if (score < cs || (score === cs && id > hi[c]!)) break;
      hs[i] = cs;
      hi[i] = hi[c]!;
      i = c;
    }
    hs[i] = score;
    hi[i] = id;
    this.threshold = hs[0]!;
    return this.threshold;
  }

  /** Returns the kept entries best first and empties the heap. */
  drain(): TopKResult {
    const m = this.size;
    const ids = new Int32Array(m);
    const scores = new Float32Array(m);
    // Pop the worst repeatedly, filling from the back.
    for (let out = m - 1; out >= 0; out--) {
      ids[out] = this.hi[0]!;
      scores[out] = this.hs[0]!;
      this.popRoot();
    }
    this.threshold = this.k === 0 ? Infinity : -Infinity;
    return { ids, scores };
  }

  /** Kept ids best first into `into` (no allocation beyond sorting); returns the count. Empties the heap. */
  drainIds(into: Int32Array): number {
    const m = this.size;
    for (let out = m - 1; out >= 0; out--) {
      into[out] = this.hi[0]!;
      this.popRoot();
    }
    this.threshold = this.k === 0 ? Infinity : -Infinity;
    return m;
  }

  private popRoot(): void {
    const hs = this.hs;
    const hi = this.hi;
    const n = --this.size;
    if (n === 0) return;
    const score = hs[n]!;
    const id = hi[n]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let c = l;
      let cs = hs[l]!;
      const r = l + 1;
      if (r < n) {
        const rs = hs[r]!;
        if (rs < cs || (rs === cs && hi[r]! > hi[l]!)) {
          c = r;
          cs = rs;
        }
      }
      if (score < cs || (score === cs && id > hi[c]!)) break;
      hs[i] = cs;
      hi[i] = hi[c]!;
      i = c;
    }
    hs[i] = score;
    hi[i] = id;
  }
}
