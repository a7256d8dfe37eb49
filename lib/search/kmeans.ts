/**
 * Seeded Lloyd k-means over row-major Float32Array data, used to train the IVF quantizer.
 *
 * - Init: k-means++ (D² sampling) with the project's seeded Rng, so a seed fixes the result.
 * - Assignment: nearest centroid in L2, computed as argmax ⟨x, c⟩ − ½‖c‖² with the shared
 *   dot-product kernel; `spherical` re-normalises centroids to unit length after each update
 *   (cosine k-means, the natural choice for L2-normalised embeddings and inner-product search).
 * - Empty clusters are re-seeded with a random member of the largest cluster.
 * - Stops after `iterations` or when no assignment changes.
 * Cost: O(n · k · dim) per iteration; meant for k up to a few hundred.
 */
import { createRng, type Rng } from '../random';
import { checkFiniteMatrix, rowCount, scoreBlock } from './kernels';

export interface KMeansOptions {
  k: number;
  seed: number;
  /** Maximum Lloyd iterations (default 20). */
  iterations?: number;
  /** Normalise centroids to unit length after each update (default false). */
  spherical?: boolean;
  /** Called after each iteration with (iteration, maxIterations). */
  onIteration?: (iteration: number, maxIterations: number) => void;
}

export interface KMeansResult {
  /** k × dim centroids. */
  centroids: Float32Array;
  /** Centroid index of each row. */
  assignments: Int32Array;
  /** Iterations run. */
  iterations: number;
  /** Sum of squared L2 distances from each row to its centroid. */
  inertia: number;
}

/** Rows per block in blocked assignment, so that the k × block score matrix stays ≤ 256 KB. */
export function assignBlockSize(k: number): number {
  return Math.max(16, Math.min(1024, Math.floor(65536 / Math.max(1, k))));
}

/**
 * Assigns each of the n rows of `data` to its nearest centroid in L2 (argmax ⟨x,c⟩ − ½‖c‖²; ties
 * to the lower index), writing `assignments`. Blocked: a block of rows is scored against every
 * centroid with the fast kernel. Returns how many assignments changed.
 */
export function assignNearest(
  data: Float32Array,
  dim: number,
  centroids: Float32Array,
  halfNorms: Float64Array,
  assignments: Int32Array,
): number {
  const n = data.length / dim;
  const k = centroids.length / dim;
  const block = assignBlockSize(k);
  const q = new Float64Array(dim);
  const scores = new Float32Array(k * block);
  let changed = 0;
  for (let r0 = 0; r0 < n; r0 += block) {
    const count = Math.min(block, n - r0);
    scoreBlock(data, dim, r0, count, centroids, 0, k, q, scores);
    for (let t = 0; t < count; t++) {
      let best = 0;
      let bestScore = scores[t]! - halfNorms[0]!;
      for (let c = 1, o = count + t; c < k; c++, o += count) {
        const s = scores[o]! - halfNorms[c]!;
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
      }
      if (assignments[r0 + t] !== best) {
        assignments[r0 + t] = best;
        changed++;
      }
    }
  }
  return changed;
}

export function halfSquaredNorms(
  rows: Float32Array,
  dim: number,
  out?: Float64Array,
): Float64Array {
  const n = rows.length / dim;
  const h = out ?? new Float64Array(n);
  for (let i = 0, o = 0; i < n; i++, o += dim) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += rows[o + j]! * rows[o + j]!;
    h[i] = 0.5 * s;
  }
  return h;
}

function sqDist(a: Float32Array, ao: number, b: Float32Array, bo: number, dim: number): number {
  let s = 0;
  for (let j = 0; j < dim; j++) {
    const t = a[ao + j]! - b[bo + j]!;
    s += t * t;
  }
  return s;
}

function kmeansPlusPlus(
  data: Float32Array,
  dim: number,
  n: number,
  k: number,
  rng: Rng,
): Float32Array {
  const centroids = new Float32Array(k * dim);
  const d2 = new Float64Array(n).fill(Infinity);
  let chosen = rng.int(n);
  for (let c = 0; c < k; c++) {
    centroids.set(data.subarray(chosen * dim, chosen * dim + dim), c * dim);
    if (c === k - 1) break;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const dd = sqDist(data, i * dim, centroids, c * dim, dim);
      if (dd < d2[i]!) d2[i] = dd;
      total += d2[i]!;
    }
    if (!(total > 0)) {
      chosen = rng.int(n); // all points coincide with centroids: any point will do
      continue;
    }
    let u = rng.next() * total;
    chosen = n - 1;
    for (let i = 0; i < n; i++) {
      u -= d2[i]!;
      if (u < 0) {
        chosen = i;
        break;
      }
    }
  }
  return centroids;
}

function normalizeRows(rows: Float32Array, dim: number): void {
  for (let o = 0; o < rows.length; o += dim) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += rows[o + j]! * rows[o + j]!;
    if (s > 0) {
      const inv = 1 / Math.sqrt(s);
      for (let j = 0; j < dim; j++) rows[o + j] = rows[o + j]! * inv;
    }
  }
}

export function kmeans(data: Float32Array, dim: number, options: KMeansOptions): KMeansResult {
  const n = rowCount(data, dim);
  const { k, seed } = options;
  const maxIter = options.iterations ?? 20;
  const spherical = options.spherical ?? false;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be an integer ≥ 1, got ${k}`);
  if (k > n) throw new RangeError(`k = ${k} exceeds the number of rows (${n})`);
  checkFiniteMatrix(data, 'kmeans');
  const rng = createRng(seed);
  const centroids = kmeansPlusPlus(data, dim, n, k, rng);
  if (spherical) normalizeRows(centroids, dim);
  const assignments = new Int32Array(n).fill(-1);
  const halfNorms = new Float64Array(k);
  const sums = new Float64Array(k * dim);
  const counts = new Int32Array(k);
  let it = 0;
  for (; it < maxIter; it++) {
    halfSquaredNorms(centroids, dim, halfNorms);
    const changed = assignNearest(data, dim, centroids, halfNorms, assignments);
    if (changed === 0) break;
    sums.fill(0);
    counts.fill(0);
    for (let i = 0, o = 0; i < n; i++, o += dim) {
      const c = assignments[i]!;
      counts[c]!++;
      const so = c * dim;
      for (let j = 0; j < dim; j++) sums[so + j]! += data[o + j]!;
    }
    for (let c = 0; c < k; c++) {
      const cnt = counts[c]!;
      if (cnt === 0) continue;
      const so = c * dim;
      for (let j = 0; j < dim; j++) centroids[so + j] = sums[so + j]! / cnt;
    }
    reseedEmpty(data, dim, n, k, centroids, counts, assignments, rng);
    if (spherical) normalizeRows(centroids, dim);
    options.onIteration?.(it + 1, maxIter);
  }
  // Final assignment against the final centroids, and inertia.
  halfSquaredNorms(centroids, dim, halfNorms);
  assignNearest(data, dim, centroids, halfNorms, assignments);
  let inertia = 0;
  for (let i = 0; i < n; i++)
    inertia += sqDist(data, i * dim, centroids, assignments[i]! * dim, dim);
  return { centroids, assignments, iterations: it, inertia };
}

function reseedEmpty(
  data: Float32Array,
  dim: number,
  n: number,
  k: number,
  centroids: Float32Array,
  counts: Int32Array,
  assignments: Int32Array,
  rng: Rng,
): void {
  for (let c = 0; c < k; c++) {
    if (counts[c]! > 0) continue;
    let big = 0;
    for (let b = 1; b < k; b++) if (counts[b]! > counts[big]!) big = b;
    if (counts[big]! < 2) return;
    // A random member of the largest cluster becomes the new centroid.
    let r = rng.int(counts[big]!);
    for (let i = 0; i < n; i++) {
      if (assignments[i] === big && r-- === 0) {
        centroids.set(data.subarray(i * dim, i * dim + dim), c * dim);
        assignments[i] = c;
        counts[big]!--;
        counts[c] = 1;
        break;
      }
    }
  }
}
