/**
 * IVF (inverted file) index for approximate maximum-inner-product search over Float32Array rows.
 *
 * Build
 * 1. Sample `trainSize` rows (seeded, without replacement).
 * 2. Train a two-level k-means quantizer on the sample: k₁ ≈ √nlist coarse clusters, then each
 *    coarse cluster is split into fine clusters, the nlist fine lists being shared out in
 *    proportion to coarse-cluster size (so lists come out balanced). Spherical k-means when the
 *    items are unit-norm (metric 'auto'), plain L2 k-means otherwise.
 * 3. Assign every row to a fine list through the hierarchy: nearest coarse centroids
 *    (`assignBranches` of them), then the nearest fine centroid among their children. This costs
 *    (k₁ + branches · nlist/k₁) dot products per row instead of nlist, which is what keeps a
 *    1M-row build within seconds in plain TypeScript.
 * 4. Re-order rows by list into one contiguous Float32Array (plus the original id of each row),
 *    so a probe scans contiguous memory.
 *
 * Search: score the query against all nlist fine centroids, take the `nprobe` best by inner
 * product, scan those lists with the shared kernel into a bounded heap. Scores are the exact
 * float32 inner products of the stored rows (no quantisation), so nprobe = nlist gives exactly
 * the exact searcher's result, and recall is lost only to unprobed lists.
 */
import { createRng } from '../random';
import { checkFiniteMatrix, dotRows, loadQuery, rowCount, scoreBlock } from './kernels';
import { assignNearest, halfSquaredNorms, kmeans } from './kmeans';
import type { SearchOptions } from './exact';
import { TopKHeap, type TopKResult } from './topk';

export type IvfMetric = 'l2' | 'spherical';
export type IvfBuildStage = 'sample' | 'train' | 'assign' | 'reorder' | 'done';

export interface IvfBuildOptions {
  seed: number;
  /** Number of inverted lists. Default ≈ √n (1000 for 1M rows), at most the sample size. */
  nlist?: number;
  /** Rows sampled to train the quantizer. Default min(n, max(40 · nlist, 10 000)). */
  trainSize?: number;
  /** Lloyd iterations per k-means (default 10). */
  iterations?: number;
  /** 'auto' (default): spherical if sampled rows are unit-norm, else l2. */
  metric?: 'auto' | IvfMetric;
  /** Coarse clusters whose children are examined when assigning a row (default 2). */
  assignBranches?: number;
  /** Default nprobe stored with the index (default 32, capped at nlist). */
  nprobe?: number;
  /** Progress: fraction in [0, 1], non-decreasing, ends with (1, 'done'). */
  onProgress?: (fraction: number, stage: IvfBuildStage) => void;
}

export interface IvfSearchOptions extends SearchOptions {
  /** Lists to scan (default: the index's nprobe). Values ≥ nlist make the search exhaustive. */
  nprobe?: number;
}

export interface IvfSearchResult extends TopKResult {
  /** Rows whose score was computed (the cost of the query). */
  scanned: number;
}

export interface IvfParts {
  dim: number;
  metric: IvfMetric;
  nprobe: number;
  /** nlist × dim fine centroids. */
  centroids: Float32Array;
  /** nlist + 1 row offsets: list l holds stored rows [offsets[l], offsets[l+1]). */
  offsets: Int32Array;
  /** Original id of each stored row (a permutation of 0..n−1). */
  ids: Int32Array;
  /** n × dim rows, grouped by list. */
  vectors: Float32Array;
}

const BLOCK = 1024;
const MAGIC = 0x5649_4c4d; // 'MLIV' read as little-endian u32
const VERSION = 1;
const HEADER_WORDS = 8;
const FLAG_VECTORS = 1;
const FLAG_SPHERICAL = 2;

export class IvfIndex {
  readonly n: number;
  readonly dim: number;
  readonly nlist: number;
  readonly metric: IvfMetric;
  readonly centroids: Float32Array;
  readonly offsets: Int32Array;
  readonly ids: Int32Array;
  readonly vectors: Float32Array;
  /** Default number of lists probed per query. */
  nprobe: number;

  private readonly q: Float64Array;
  private readonly centroidScores: Float32Array;
  private readonly probes: Int32Array;
  private readonly probeHeap: TopKHeap;
  private readonly heap = new TopKHeap(64);
  private readonly scratch = new Float32Array(BLOCK);

  constructor(parts: IvfParts) {
    const { dim, centroids, offsets, ids, vectors } = parts;
    this.n = rowCount(vectors, dim);
    this.dim = dim;
    this.nlist = rowCount(centroids, dim);
    if (offsets.length !== this.nlist + 1 || ids.length !== this.n) {
      throw new RangeError('IvfIndex: offsets/ids lengths do not match nlist/n');
    }
    this.metric = parts.metric;
    this.centroids = centroids;
    this.offsets = offsets;
    this.ids = ids;
    this.vectors = vectors;
    this.nprobe = Math.max(1, Math.min(parts.nprobe, this.nlist));
    this.q = new Float64Array(dim);
    this.centroidScores = new Float32Array(this.nlist);
    this.probes = new Int32Array(this.nlist);
    this.probeHeap = new TopKHeap(Math.min(64, this.nlist));
  }

  /** Builds an index over a row-major n × dim matrix (copied, re-ordered by list). */
  static build(items: Float32Array, dim: number, options: IvfBuildOptions): IvfIndex {
    return buildIvf(items, dim, options);
  }

  /** Approximate top-k by inner product, best first (ties: lower id first). */
  search(query: ArrayLike<number>, k: number, options: IvfSearchOptions = {}): IvfSearchResult {
    const { dim, q, vectors, ids, offsets, scratch, heap } = this;
    loadQuery(query, dim, q);
    const nprobe = options.nprobe ?? this.nprobe;
    if (!Number.isInteger(nprobe) || nprobe < 1) {
      throw new RangeError(`nprobe must be an integer ≥ 1, got ${nprobe}`);
    }
    const probeCount = this.selectProbes(Math.min(nprobe, this.nlist));
    heap.reset(Math.min(k, this.n));
    const exclude = options.exclude;
    let thr = heap.threshold;
    let scanned = 0;
    for (let p = 0; p < probeCount; p++) {
      const list = this.probes[p]!;
      const end = offsets[list + 1]!;
      for (let start = offsets[list]!; start < end; start += BLOCK) {
        const count = Math.min(BLOCK, end - start);
        dotRows(vectors, dim, start, count, q, scratch);
        scanned += count;
        for (let t = 0; t < count; t++) {
          const s = scratch[t]!;
          if (s >= thr) {
            const id = ids[start + t]!;
            if (exclude === undefined || !exclude(id)) thr = heap.push(s, id);
          }
        }
      }
    }
    return { ...heap.drain(), scanned };
  }

  /** Lists ranked for `query` by centroid inner product (best first); the first nprobe are scanned. */
  rankLists(query: ArrayLike<number>, nprobe: number = this.nlist): Int32Array {
    loadQuery(query, this.dim, this.q);
    const m = this.selectProbes(Math.min(nprobe, this.nlist));
    return this.probes.slice(0, m);
  }

  /** Number of rows in each list. */
  listSizes(): Int32Array {
    const sizes = new Int32Array(this.nlist);
    for (let l = 0; l < this.nlist; l++) sizes[l] = this.offsets[l + 1]! - this.offsets[l]!;
    return sizes;
  }

  /**
   * Compact little-endian binary: a 32-byte header, offsets, ids, centroids and (unless
   * includeVectors is false) the re-ordered rows. Without vectors the file is ~4 bytes per item
   * plus the centroids, and `deserialize` rebuilds the rows from the original item matrix.
   */
  serialize(options: { includeVectors?: boolean } = {}): Uint8Array {
    const includeVectors = options.includeVectors ?? true;
    const { n, dim, nlist } = this;
    const words = HEADER_WORDS + (nlist + 1) + n + nlist * dim + (includeVectors ? n * dim : 0);
    const buf = new ArrayBuffer(words * 4);
    const u32 = new Uint32Array(buf);
    u32[0] = MAGIC;
    u32[1] = VERSION;
    u32[2] = n;
    u32[3] = dim;
    u32[4] = nlist;
    u32[5] =
      (includeVectors ? FLAG_VECTORS : 0) | (this.metric === 'spherical' ? FLAG_SPHERICAL : 0);
    u32[6] = this.nprobe;
    let w = HEADER_WORDS;
    new Int32Array(buf, w * 4, nlist + 1).set(this.offsets);
    w += nlist + 1;
    new Int32Array(buf, w * 4, n).set(this.ids);
    w += n;
    new Float32Array(buf, w * 4, nlist * dim).set(this.centroids);
    w += nlist * dim;
    if (includeVectors) new Float32Array(buf, w * 4, n * dim).set(this.vectors);
    return new Uint8Array(buf);
  }

  /**
   * Loads `serialize` output. When the bytes are 4-byte aligned the arrays are views on them (no
   * copy). Pass `items` (the original n × dim matrix) when the file was written without vectors.
   * Validates the header, sizes, offsets and that ids are a permutation; throws on any mismatch.
   */
  static deserialize(
    bytes: Uint8Array | ArrayBuffer,
    options: { items?: Float32Array } = {},
  ): IvfIndex {
    let view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    if (view.byteOffset % 4 !== 0) view = view.slice();
    if (view.byteLength < HEADER_WORDS * 4 || view.byteLength % 4 !== 0) {
      throw new Error('IVF index: truncated or misaligned data');
    }
    const buf = view.buffer;
    const base = view.byteOffset;
    const u32 = new Uint32Array(buf, base, HEADER_WORDS);
    if (u32[0] !== MAGIC) throw new Error('IVF index: bad magic (not an MLIV file?)');
    if (u32[1] !== VERSION) throw new Error(`IVF index: unsupported version ${u32[1]}`);
    const n = u32[2]!;
    const dim = u32[3]!;
    const nlist = u32[4]!;
    const flags = u32[5]!;
    const nprobe = u32[6]!;
    const hasVectors = (flags & FLAG_VECTORS) !== 0;
    const words = HEADER_WORDS + (nlist + 1) + n + nlist * dim + (hasVectors ? n * dim : 0);
    if (dim < 1 || nlist < 1 || view.byteLength !== words * 4) {
      throw new Error(
        `IVF index: size mismatch (expected ${words * 4} bytes, got ${view.byteLength})`,
      );
    }
    let off = base + HEADER_WORDS * 4;
    const offsets = new Int32Array(buf, off, nlist + 1);
    off += (nlist + 1) * 4;
    const ids = new Int32Array(buf, off, n);
    off += n * 4;
    const centroids = new Float32Array(buf, off, nlist * dim);
    off += nlist * dim * 4;
    if (offsets[0] !== 0 || offsets[nlist] !== n) throw new Error('IVF index: corrupt offsets');
    for (let l = 0; l < nlist; l++) {
      if (offsets[l + 1]! < offsets[l]!) throw new Error('IVF index: corrupt offsets');
    }
    const seen = new Uint8Array(n);
    for (let r = 0; r < n; r++) {
      const id = ids[r]!;
      if (id < 0 || id >= n || seen[id] === 1)
        throw new Error('IVF index: ids are not a permutation');
      seen[id] = 1;
    }
    let vectors: Float32Array;
    if (hasVectors) {
      vectors = new Float32Array(buf, off, n * dim);
    } else {
      const items = options.items;
      if (items === undefined) {
        throw new Error('IVF index was saved without vectors: pass the original items to load it');
      }
      if (items.length !== n * dim) {
        throw new Error(`IVF index: items has ${items.length} values, expected ${n} × ${dim}`);
      }
      vectors = gatherRows(items, dim, ids);
    }
    return new IvfIndex({
      dim,
      metric: (flags & FLAG_SPHERICAL) !== 0 ? 'spherical' : 'l2',
      nprobe,
      centroids,
      offsets,
      ids,
      vectors,
    });
  }

  private selectProbes(m: number): number {
    dotRows(this.centroids, this.dim, 0, this.nlist, this.q, this.centroidScores);
    const h = this.probeHeap;
    h.reset(m);
    const cs = this.centroidScores;
    let thr = h.threshold;
    for (let l = 0; l < this.nlist; l++) {
      const s = cs[l]!;
      if (s >= thr) thr = h.push(s, l);
    }
    return h.drainIds(this.probes);
  }
}

const ASSIGN_BLOCK = 4096;

function assignThroughHierarchy(
  items: Float32Array,
  dim: number,
  coarseCentroids: Float32Array,
  fineCentroids: Float32Array,
  childStart: Int32Array,
  b: number,
  progress: (rowsDone: number) => void,
): Int32Array {
  const n = items.length / dim;
  const k1 = coarseCentroids.length / dim;
  const coarseHalf = halfSquaredNorms(coarseCentroids, dim);
  const fineHalf = halfSquaredNorms(fineCentroids, dim);
  const block = ASSIGN_BLOCK;
  const q = new Float64Array(dim);
  const coarseScores = new Float32Array(k1 * block);
  const pairGroup = new Int32Array(block * b);
  const pairSlot = new Int32Array(block * b);
  const bucketStart = new Int32Array(k1 + 1);
  const fill = new Int32Array(k1);
  const gathered = new Float32Array(block * b * dim);
  const fineScores = new Float32Array(block * b);
  const slotBest = new Float64Array(block * b);
  const slotList = new Int32Array(block * b);
  const topS = new Float64Array(b);
  const topG = new Int32Array(b);
  const listOf = new Int32Array(n);
  for (let r0 = 0; r0 < n; r0 += block) {
    const count = Math.min(block, n - r0);
    scoreBlock(items, dim, r0, count, coarseCentroids, 0, k1, q, coarseScores);
    bucketStart.fill(0);
    for (let t = 0; t < count; t++) {
      // Top-b coarse clusters of row t by the L2 criterion (insertion; ties keep the lower index).
      topS.fill(-Infinity);
      for (let g = 0, o = t; g < k1; g++, o += count) {
        if (childStart[g + 1] === childStart[g]) continue; // a coarse cluster without lists
        const sc = coarseScores[o]! - coarseHalf[g]!;
        if (sc > topS[b - 1]!) {
          let r = b - 1;
          while (r > 0 && sc > topS[r - 1]!) {
            topS[r] = topS[r - 1]!;
            topG[r] = topG[r - 1]!;
            r--;
          }
          topS[r] = sc;
          topG[r] = g;
        }
      }
      for (let r = 0; r < b; r++) {
        if (topS[r] === -Infinity) topG[r] = topG[0]!; // fewer than b clusters have lists
        const g = topG[r]!;
        pairGroup[t * b + r] = g;
        bucketStart[g + 1]!++;
      }
    }
    for (let g = 0; g < k1; g++) bucketStart[g + 1]! += bucketStart[g]!;
    fill.set(bucketStart.subarray(0, k1));
    const pairs = count * b;
    for (let p = 0; p < pairs; p++) {
      const slot = fill[pairGroup[p]!]!++;
      pairSlot[p] = slot;
      const src = (r0 + ((p / b) | 0)) * dim;
      const dst = slot * dim;
      for (let j = 0; j < dim; j++) gathered[dst + j] = items[src + j]!;
    }
    // Nearest child of each bucket's group, tracked per slot (contiguous).
    slotBest.fill(-Infinity);
    for (let g = 0; g < k1; g++) {
      const s0 = bucketStart[g]!;
      const s1 = bucketStart[g + 1]!;
      if (s1 === s0) continue;
      for (let c = childStart[g]!; c < childStart[g + 1]!; c++) {
        const co = c * dim;
        for (let j = 0; j < dim; j++) q[j] = fineCentroids[co + j]!;
        dotRows(gathered, dim, s0, s1 - s0, q, fineScores, s0);
        const hc = fineHalf[c]!;
        for (let u = s0; u < s1; u++) {
          const sc = fineScores[u]! - hc;
          if (sc > slotBest[u]!) {
            slotBest[u] = sc;
            slotList[u] = c;
          }
        }
      }
    }
    // Best over each row's b slots (ties to the lower list id).
    for (let t = 0; t < count; t++) {
      let bestS = -Infinity;
      let best = 0;
      for (let r = 0; r < b; r++) {
        const slot = pairSlot[t * b + r]!;
        const sc = slotBest[slot]!;
        const l = slotList[slot]!;
        if (sc > bestS || (sc === bestS && l < best)) {
          bestS = sc;
          best = l;
        }
      }
      listOf[r0 + t] = best;
    }
    progress(r0 + count);
  }
  return listOf;
}

function gatherRows(items: Float32Array, dim: number, ids: Int32Array): Float32Array {
  const out = new Float32Array(ids.length * dim);
  for (let r = 0, dst = 0; r < ids.length; r++, dst += dim) {
    const src = ids[r]! * dim;
    for (let j = 0; j < dim; j++) out[dst + j] = items[src + j]!;
  }
  return out;
}

function looksUnitNorm(items: Float32Array, dim: number, n: number): boolean {
  const step = Math.max(1, Math.floor(n / 1000));
  for (let i = 0; i < n; i += step) {
    let s = 0;
    for (let j = 0, o = i * dim; j < dim; j++) s += items[o + j]! * items[o + j]!;
    if (Math.abs(s - 1) > 1e-3) return false;
  }
  return true;
}

/** Shares `total` fine clusters among groups in proportion to size (D'Hondt), each ≥1 and ≤ size. */
function apportion(sizes: Int32Array, total: number): Int32Array {
  const k = new Int32Array(sizes.length);
  let left = total;
  for (let g = 0; g < sizes.length; g++) {
    if (sizes[g]! > 0 && left > 0) {
      k[g] = 1;
      left--;
    }
  }
  while (left > 0) {
    let best = -1;
    let bestQ = -1;
    for (let g = 0; g < sizes.length; g++) {
      if (k[g]! >= sizes[g]!) continue;
      const q = sizes[g]! / (k[g]! + 1);
      if (q > bestQ) {
        bestQ = q;
        best = g;
      }
    }
    if (best < 0) break;
    k[best]!++;
    left--;
  }
  return k;
}

function buildIvf(items: Float32Array, dim: number, options: IvfBuildOptions): IvfIndex {
  const n = rowCount(items, dim);
  if (n === 0) throw new RangeError('IVF build needs at least one item');
  checkFiniteMatrix(items, 'IVF build');
  const report = options.onProgress ?? (() => {});
  const rng = createRng(options.seed);
  const iterations = options.iterations ?? 10;
  const branches = options.assignBranches ?? 2;
  const requestedNlist = options.nlist ?? Math.max(1, Math.round(Math.sqrt(n)));
  const requestedTrain = options.trainSize ?? Math.max(40 * requestedNlist, 10_000);
  const nprobe = options.nprobe ?? 32;
  for (const [name, v] of [
    ['nlist', requestedNlist],
    ['trainSize', requestedTrain],
    ['iterations', iterations],
    ['assignBranches', branches],
    ['nprobe', nprobe],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) {
      throw new RangeError(`IVF build: ${name} must be an integer ≥ 1, got ${v}`);
    }
  }
  const trainSize = Math.min(n, requestedTrain);
  const nlist = Math.min(requestedNlist, trainSize);
  const metric: IvfMetric =
    options.metric === undefined || options.metric === 'auto'
      ? looksUnitNorm(items, dim, n)
        ? 'spherical'
        : 'l2'
      : options.metric;
  const spherical = metric === 'spherical';

  // 1. Sample rows without replacement (partial Fisher–Yates), kept in ascending order.
  report(0, 'sample');
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = 0; i < trainSize; i++) {
    const j = i + rng.int(n - i);
    const t = perm[i]!;
    perm[i] = perm[j]!;
    perm[j] = t;
  }
  const sampleIdx = perm.subarray(0, trainSize).sort();
  const sample = gatherRows(items, dim, sampleIdx);

  // 2. Two-level quantizer. Progress weights: train 0–0.35, assign 0.35–0.9, reorder 0.9–1.
  const k1 = Math.max(1, Math.min(nlist, Math.round(Math.sqrt(nlist))));
  // The coarse level needs far fewer points than the fine one: train it on a prefix of the
  // (already random) sample, then assign the whole sample to it.
  const coarseTrainRows = Math.min(trainSize, Math.max(k1 * 256, 4096));
  const coarseFit = kmeans(sample.subarray(0, coarseTrainRows * dim), dim, {
    k: k1,
    seed: rng.seed32(),
    iterations,
    spherical,
    onIteration: (i, m) => report((0.1 * i) / m, 'train'),
  });
  const coarse = { centroids: coarseFit.centroids, assignments: new Int32Array(trainSize) };
  assignNearest(
    sample,
    dim,
    coarse.centroids,
    halfSquaredNorms(coarse.centroids, dim),
    coarse.assignments,
  );
  const groupSizes = new Int32Array(k1);
  for (let i = 0; i < trainSize; i++) groupSizes[coarse.assignments[i]!]!++;
  const perGroup = apportion(groupSizes, nlist);
  const childStart = new Int32Array(k1 + 1);
  for (let g = 0; g < k1; g++) childStart[g + 1] = childStart[g]! + perGroup[g]!;
  const fineCount = childStart[k1]!;
  const centroids = new Float32Array(fineCount * dim);
  const members = new Int32Array(trainSize);
  const memberStart = new Int32Array(k1 + 1);
  for (let g = 0; g < k1; g++) memberStart[g + 1] = memberStart[g]! + groupSizes[g]!;
  {
    const fill = memberStart.slice(0, k1);
    for (let i = 0; i < trainSize; i++) members[fill[coarse.assignments[i]!]!++] = i;
  }
  for (let g = 0; g < k1; g++) {
    const kg = perGroup[g]!;
    if (kg === 0) continue;
    const rows = gatherRows(sample, dim, members.subarray(memberStart[g]!, memberStart[g + 1]!));
    const fine = kmeans(rows, dim, { k: kg, seed: rng.seed32(), iterations, spherical });
    centroids.set(fine.centroids, childStart[g]! * dim);
    report(0.1 + (0.25 * (g + 1)) / k1, 'train');
  }

  // 3. Assign every row through the hierarchy, a block of rows at a time: score the block
  //    against the coarse centroids, bucket (row, branch) pairs by coarse cluster, gather each
  //    bucket's rows contiguously and score them against that cluster's children.
  const listOf = assignThroughHierarchy(
    items,
    dim,
    coarse.centroids,
    centroids,
    childStart,
    Math.max(1, Math.min(branches, k1)),
    (done) => report(0.35 + (0.55 * done) / n, 'assign'),
  );

  // 4. Counting sort of rows by list into contiguous storage.
  report(0.9, 'reorder');
  const offsets = new Int32Array(fineCount + 1);
  for (let i = 0; i < n; i++) offsets[listOf[i]! + 1]!++;
  for (let l = 0; l < fineCount; l++) offsets[l + 1]! += offsets[l]!;
  const fill = offsets.slice(0, fineCount);
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) ids[fill[listOf[i]!]!++] = i;
  const vectors = gatherRows(items, dim, ids);
  const index = new IvfIndex({
    dim,
    metric,
    nprobe,
    centroids,
    offsets,
    ids,
    vectors,
  });
  report(1, 'done');
  return index;
}
