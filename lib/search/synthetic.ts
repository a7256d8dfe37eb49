/**
 * Seeded synthetic embeddings for tests and benchmarks of the retrieval index.
 *
 * Two regimes, because approximate indexes behave very differently on them:
 * - `clusteredEmbeddings`: a Gaussian mixture of topics (uneven, Zipf-like popularity) plus a
 *   share of unclustered noise items, L2-normalised — what trained item embeddings look like.
 * - `gaussianEmbeddings`: i.i.d. standard normal vectors — no structure at all, the hard case
 *   for any partition-based index.
 * `userQueries` draws queries the way users look: a blend of 1–3 topic directions plus personal
 * noise, never a copy of an item.
 */
import { createRng, type Rng } from '../random';

export interface ClusteredOptions {
  n: number;
  dim: number;
  /** Number of topics (mixture components). Default 200. */
  topics?: number;
  /** Std-dev of the per-item offset from its topic centre, relative to the centre's unit norm. Default 0.6. */
  spread?: number;
  /** Share of items drawn uniformly on the sphere instead of from a topic. Default 0.1. */
  noiseFraction?: number;
  /** Zipf exponent of topic popularity (0 = equal sizes). Default 0.7. */
  zipf?: number;
  /** L2-normalise every item (default true). */
  normalize?: boolean;
  seed: number;
}

export interface ClusteredData {
  items: Float32Array;
  dim: number;
  /** Topic centres, unit norm, topics × dim. */
  centers: Float32Array;
  /** Topic popularity (sums to 1). */
  topicWeights: Float64Array;
  /** Topic of each item, −1 for noise items. */
  topicOf: Int32Array;
}

function normalizeRow(a: Float32Array, off: number, dim: number): void {
  let s = 0;
  for (let j = 0; j < dim; j++) s += a[off + j]! * a[off + j]!;
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
  for (let j = 0; j < dim; j++) a[off + j] = a[off + j]! * inv;
}

/** Cumulative distribution for sampling a topic index by weight. */
function sampler(weights: Float64Array): (rng: Rng) => number {
  const cdf = new Float64Array(weights.length);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) cdf[i] = acc += weights[i]!;
  return (rng) => {
    const u = rng.next() * acc;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

export function clusteredEmbeddings(opts: ClusteredOptions): ClusteredData {
  const { n, dim, seed } = opts;
  const topics = opts.topics ?? 200;
  const spread = opts.spread ?? 0.6;
  const noiseFraction = opts.noiseFraction ?? 0.1;
  const zipf = opts.zipf ?? 0.7;
  const normalize = opts.normalize ?? true;
  const rng = createRng(seed);
  const centers = new Float32Array(topics * dim);
  for (let i = 0; i < centers.length; i++) centers[i] = rng.normal();
  for (let t = 0; t < topics; t++) normalizeRow(centers, t * dim, dim);
  const topicWeights = new Float64Array(topics);
  let total = 0;
  for (let t = 0; t < topics; t++) total += topicWeights[t] = 1 / Math.pow(t + 1, zipf);
  for (let t = 0; t < topics; t++) topicWeights[t] = topicWeights[t]! / total;
  const pick = sampler(topicWeights);
  const items = new Float32Array(n * dim);
  const topicOf = new Int32Array(n);
  const sd = spread / Math.sqrt(dim);
  for (let i = 0; i < n; i++) {
    const off = i * dim;
    if (rng.next() < noiseFraction) {
      topicOf[i] = -1;
      for (let j = 0; j < dim; j++) items[off + j] = rng.normal();
      normalizeRow(items, off, dim);
    } else {
      const t = pick(rng);
      topicOf[i] = t;
      const c = t * dim;
      for (let j = 0; j < dim; j++) items[off + j] = centers[c + j]! + sd * rng.normal();
    }
    if (normalize) normalizeRow(items, off, dim);
  }
  return { items, dim, centers, topicWeights, topicOf };
}

/** n × dim i.i.d. standard normal entries (optionally L2-normalised rows). */
export function gaussianEmbeddings(
  n: number,
  dim: number,
  seed: number,
  normalize = false,
): Float32Array {
  const rng = createRng(seed);
  const items = new Float32Array(n * dim);
  for (let i = 0; i < items.length; i++) items[i] = rng.normal();
  if (normalize) for (let i = 0; i < n; i++) normalizeRow(items, i * dim, dim);
  return items;
}

export interface QueryOptions {
  count: number;
  seed: number;
  /** Std-dev of the user's personal offset, relative to unit norm. Default 0.5. */
  spread?: number;
  /** Maximum number of topics a user blends (uniform in 1..maxInterests). Default 3. */
  maxInterests?: number;
}

/**
 * Queries near the item clusters: each is a random positive blend of 1..maxInterests topic
 * centres (topics drawn by popularity) plus Gaussian noise, L2-normalised. count × dim.
 */
export function userQueries(data: ClusteredData, opts: QueryOptions): Float32Array {
  const { dim, centers, topicWeights } = data;
  const spread = opts.spread ?? 0.5;
  const maxInterests = opts.maxInterests ?? 3;
  const rng = createRng(opts.seed);
  const pick = sampler(topicWeights);
  const out = new Float32Array(opts.count * dim);
  const sd = spread / Math.sqrt(dim);
  for (let u = 0; u < opts.count; u++) {
    const off = u * dim;
    const m = 1 + rng.int(maxInterests);
    for (let s = 0; s < m; s++) {
      const c = pick(rng) * dim;
      const w = 0.5 + rng.next();
      for (let j = 0; j < dim; j++) out[off + j] = out[off + j]! + w * centers[c + j]!;
    }
    normalizeRow(out, off, dim);
    for (let j = 0; j < dim; j++) out[off + j] = out[off + j]! + sd * rng.normal();
    normalizeRow(out, off, dim);
  }
  return out;
}
