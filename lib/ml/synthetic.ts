/**
 * A seeded synthetic interaction world with planted structure, for tests, benchmarks and demos
 * of the training engine: users and items belong to hidden topics, users mostly interact with
 * popular items of their own topic, and dense features are noisy views of the topic. A model
 * that learns the structure beats both random and popularity ranking by a wide margin.
 */
import { createRng } from '../random';
import type { DataTable } from './data';

export interface SyntheticWorldOptions {
  numUsers: number;
  numItems: number;
  interactions: number;
  /** Hidden topics (default 20). */
  topics?: number;
  /** Probability an interaction stays within the user's topic (default 0.8). */
  affinity?: number;
  /** Width of the dense user and item features (default 8; 0 = none). */
  featureDim?: number;
  /** Zipf exponent of item popularity (default 0.8). */
  zipf?: number;
  seed: number;
}

export interface SyntheticWorld {
  /** userId, itemId, and userFeatures/itemFeatures rows (copied per interaction). */
  table: DataTable;
  userTopic: Int32Array;
  itemTopic: Int32Array;
  /** Per-entity features, row-major [count, featureDim]. */
  userFeatures: Float32Array;
  itemFeatures: Float32Array;
}

/** Draws an index from a cumulative weight array by binary search. */
function sampleCdf(cdf: Float64Array, u: number): number {
  const target = u * cdf[cdf.length - 1]!;
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function cumulative(weights: number[]): Float64Array {
  const cdf = new Float64Array(weights.length);
  let s = 0;
  weights.forEach((w, i) => (cdf[i] = s += w));
  return cdf;
}

export function syntheticWorld(opts: SyntheticWorldOptions): SyntheticWorld {
  const rng = createRng(opts.seed);
  const topics = opts.topics ?? 20;
  const affinity = opts.affinity ?? 0.8;
  const fd = opts.featureDim ?? 8;
  const { numUsers, numItems } = opts;
  const userTopic = Int32Array.from({ length: numUsers }, () => rng.int(topics));
  const itemTopic = Int32Array.from({ length: numItems }, () => rng.int(topics));
  // Popularity: Zipf over a random ranking of the items.
  const rank = Array.from({ length: numItems }, (_, i) => i);
  for (let i = numItems - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [rank[i], rank[j]] = [rank[j]!, rank[i]!];
  }
  const pop = new Array<number>(numItems);
  rank.forEach((item, r) => (pop[item] = 1 / Math.pow(r + 1, opts.zipf ?? 0.8)));
  const globalCdf = cumulative(pop);
  const byTopic = Array.from({ length: topics }, () => [] as number[]);
  itemTopic.forEach((t, i) => byTopic[t]!.push(i));
  const topicCdf = byTopic.map((items) => cumulative(items.map((i) => pop[i]!)));

  // Features: a topic centroid plus noise, so features carry the topic but imperfectly.
  const centroids = Array.from({ length: topics }, () =>
    Array.from({ length: fd }, () => rng.normal()),
  );
  const features = (topic: Int32Array): Float32Array => {
    const out = new Float32Array(topic.length * fd);
    topic.forEach((t, i) => {
      for (let k = 0; k < fd; k++) out[i * fd + k] = centroids[t]![k]! + 0.7 * rng.normal();
    });
    return out;
  };
  const userFeatures = features(userTopic);
  const itemFeatures = features(itemTopic);

  const userId = new Int32Array(opts.interactions);
  const itemId = new Int32Array(opts.interactions);
  for (let n = 0; n < opts.interactions; n++) {
    const u = rng.int(numUsers);
    const t = userTopic[u]!;
    const items = byTopic[t]!;
    userId[n] = u;
    itemId[n] =
      rng.next() < affinity && items.length > 0
        ? items[sampleCdf(topicCdf[t]!, rng.next())]!
        : sampleCdf(globalCdf, rng.next());
  }
  const table: DataTable = { userId, itemId };
  if (fd > 0) {
    const rows = (ids: Int32Array, src: Float32Array): Float32Array => {
      const out = new Float32Array(ids.length * fd);
      ids.forEach((id, r) => out.set(src.subarray(id * fd, id * fd + fd), r * fd));
      return out;
    };
    table.userFeatures = { data: rows(userId, userFeatures), width: fd };
    table.itemFeatures = { data: rows(itemId, itemFeatures), width: fd };
  }
  return { table, userTopic, itemTopic, userFeatures, itemFeatures };
}
