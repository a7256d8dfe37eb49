/**
 * Exact maximum-inner-product top-K over a row-major Float32Array item matrix (n × dim).
 *
 * One pass over the matrix in blocks of BLOCK rows: the block is scored by the dot-product kernel
 * into a small scratch buffer (kept in L1), then a selection loop offers only the scores that
 * reach the heap's threshold. After the first few thousand items almost everything is rejected
 * by that one comparison, so selection costs O(n + K log K · log(n/K)) and the scan is bound by
 * the kernel. Scores are float32 (summed in double, rounded once); ties are broken by lower id.
 */
import { dotRows, loadQuery, rowCount } from './kernels';
import { TopKHeap, type TopKResult } from './topk';

export type { TopKResult } from './topk';

export interface SearchOptions {
  /**
   * Skip items for which this returns true (e.g. items the user has already seen). Called only
   * for items that would otherwise enter the current top-K, so a cheap filter costs almost nothing.
   */
  exclude?: (id: number) => boolean;
}

const BLOCK = 1024;

export class ExactIndex {
  readonly n: number;
  readonly dim: number;
  readonly items: Float32Array;
  private readonly q: Float64Array;
  private readonly scratch = new Float32Array(BLOCK);
  private readonly heap = new TopKHeap(64);

  /** Wraps (does not copy) a row-major n × dim matrix. Rows whose score is NaN are never returned. */
  constructor(items: Float32Array, dim: number) {
    this.n = rowCount(items, dim);
    this.dim = dim;
    this.items = items;
    this.q = new Float64Array(dim);
  }

  /**
   * The k items with the largest inner product with `query`, best first (ties: lower id first).
   * Returns min(k, n) results (fewer if items are excluded or score NaN). Throws on a query of the
   * wrong length or with non-finite values, and on k that is not an integer ≥ 0.
   */
  search(query: ArrayLike<number>, k: number, options: SearchOptions = {}): TopKResult {
    const { n, dim, items, q, scratch, heap } = this;
    loadQuery(query, dim, q);
    heap.reset(Math.min(k, n));
    const exclude = options.exclude;
    let thr = heap.threshold;
    for (let start = 0; start < n; start += BLOCK) {
      const count = Math.min(BLOCK, n - start);
      dotRows(items, dim, start, count, q, scratch);
      if (exclude === undefined) {
        for (let t = 0; t < count; t++) {
          const s = scratch[t]!;
          if (s >= thr) thr = heap.push(s, start + t);
        }
      } else {
        for (let t = 0; t < count; t++) {
          const s = scratch[t]!;
          if (s >= thr && !exclude(start + t)) thr = heap.push(s, start + t);
        }
      }
    }
    return heap.drain();
  }

  /** Scores of every item for `query` (float32, same values `search` ranks by). */
  scoreAll(query: ArrayLike<number>, out: Float32Array = new Float32Array(this.n)): Float32Array {
    loadQuery(query, this.dim, this.q);
    dotRows(this.items, this.dim, 0, this.n, this.q, out);
    return out;
  }
}

/** One-off exact top-K (allocates its scratch; use an ExactIndex for repeated queries). */
export function exactTopK(
  items: Float32Array,
  dim: number,
  query: ArrayLike<number>,
  k: number,
  options?: SearchOptions,
): TopKResult {
  return new ExactIndex(items, dim).search(query, k, options);
}
