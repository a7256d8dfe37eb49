/**
 * Top-K ranking metrics for one user (a ranked list of ids against the ids that are relevant),
 * and means over users.
 *
 * Conventions
 * - `relevant` is a Set (binary relevance, every member has gain 1) or a Map id → graded gain
 *   (finite, ≥ 0; gain 0 counts as not relevant). Binary metrics treat gain > 0 as relevant.
 * - Only the first k positions of `ranked` count. A list shorter than k is treated as padded with
 *   non-relevant items (so precision@k still divides by k).
 * - Undefined → NaN: a user with no relevant item has no defined value for any of these metrics
 *   (not 0, which would punish the model for an empty test set). The mean helpers skip NaN users
 *   and report how many they skipped.
 * - Malformed input throws a RangeError: k not an integer ≥ 1, a duplicate id in the ranked list,
 *   a NaN, negative or infinite gain.
 */
import { checkK } from './validate';

export type Relevance<T> = ReadonlySet<T> | ReadonlyMap<T, number>;

function isMap<T>(rel: Relevance<T>): rel is ReadonlyMap<T, number> {
  return rel instanceof Map;
}

function gainOf<T>(rel: Relevance<T>, id: T): number {
  if (isMap(rel)) return rel.get(id) ?? 0;
  return rel.has(id) ? 1 : 0;
}

/** Number of relevant ids (gain > 0); validates graded gains. */
function relevantCount<T>(rel: Relevance<T>, what: string): number {
  if (!isMap(rel)) return rel.size;
  let m = 0;
  for (const [id, g] of rel) {
    if (!(g >= 0) || !Number.isFinite(g)) {
      throw new RangeError(`${what}: gain of ${String(id)} is ${g}; gains must be finite and ≥ 0`);
    }
    if (g > 0) m++;
  }
  return m;
}

function checkNoDuplicates<T>(ranked: readonly T[], k: number, what: string): void {
  const seen = new Set<T>();
  const m = Math.min(k, ranked.length);
  for (let i = 0; i < m; i++) {
    const id = ranked[i]!;
    if (seen.has(id)) throw new RangeError(`${what}: ranked list repeats id ${String(id)}`);
    seen.add(id);
  }
}

/** Relevant items among the first k, after validation; null when the user has none relevant. */
function hitsAtK<T>(ranked: readonly T[], rel: Relevance<T>, k: number, what: string) {
  checkK(k, what);
  checkNoDuplicates(ranked, k, what);
  const total = relevantCount(rel, what);
  if (total === 0) return null;
  let hits = 0;
  const m = Math.min(k, ranked.length);
  for (let i = 0; i < m; i++) if (gainOf(rel, ranked[i]!) > 0) hits++;
  return { hits, total };
}

/** Share of the relevant items found in the top k: hits / |relevant|. NaN if none relevant. */
export function recallAtK<T>(ranked: readonly T[], relevant: Relevance<T>, k: number): number {
  const h = hitsAtK(ranked, relevant, k, 'recallAtK');
  return h === null ? NaN : h.hits / h.total;
}

/** Share of the top k that is relevant: hits / k (not / list length). NaN if none relevant. */
export function precisionAtK<T>(ranked: readonly T[], relevant: Relevance<T>, k: number): number {
  const h = hitsAtK(ranked, relevant, k, 'precisionAtK');
  return h === null ? NaN : h.hits / k;
}

/** 1 if any relevant item is in the top k, else 0. NaN if none relevant. */
export function hitRateAtK<T>(ranked: readonly T[], relevant: Relevance<T>, k: number): number {
  const h = hitsAtK(ranked, relevant, k, 'hitRateAtK');
  return h === null ? NaN : h.hits > 0 ? 1 : 0;
}

export interface NdcgOptions {
  /** 'linear' (default): gain = rel. 'exponential': gain = 2^rel − 1 (emphasises top grades). */
  gain?: 'linear' | 'exponential';
}

/**
 * NDCG@k = DCG@k / IDCG@k with DCG@k = Σ_{i<k} gain(rel_i) / log2(i + 2) (i from 0) and IDCG@k
 * the DCG of the relevance set's own gains sorted descending (the best possible list). Graded
 * relevance via a Map; a Set means gain 1. NaN if no item has a positive gain.
 */
export function ndcgAtK<T>(
  ranked: readonly T[],
  relevant: Relevance<T>,
  k: number,
  options: NdcgOptions = {},
): number {
  const what = 'ndcgAtK';
  checkK(k, what);
  checkNoDuplicates(ranked, k, what);
  if (relevantCount(relevant, what) === 0) return NaN;
  const g = options.gain === 'exponential' ? (r: number) => 2 ** r - 1 : (r: number) => r;
  let dcg = 0;
  const m = Math.min(k, ranked.length);
  for (let i = 0; i < m; i++) {
    const r = gainOf(relevant, ranked[i]!);
    if (r > 0) dcg += g(r) / Math.log2(i + 2);
  }
  const ideal = isMap(relevant) ? [...relevant.values()] : new Array<number>(relevant.size).fill(1);
  ideal.sort((a, b) => b - a);
  let idcg = 0;
  for (let i = 0; i < Math.min(k, ideal.length); i++) {
    if (ideal[i]! > 0) idcg += g(ideal[i]!) / Math.log2(i + 2);
  }
  return dcg / idcg;
}

/**
 * Average precision at k, normalised by min(k, |relevant|):
 *   AP@k = (1 / min(k, |R|)) · Σ_{i=1..k} precision@i · [item i relevant].
 * Dividing by min(k, |R|) rather than |R| means a perfect top-k scores 1 even when the user has
 * more than k relevant items (the convention of e.g. the ml_metrics/Kaggle apk). MAP@k is its
 * mean over users (meanOverUsers). Binary relevance (gain > 0). NaN if none relevant.
 */
export function averagePrecisionAtK<T>(
  ranked: readonly T[],
  relevant: Relevance<T>,
  k: number,
): number {
  const what = 'averagePrecisionAtK';
  checkK(k, what);
  checkNoDuplicates(ranked, k, what);
  const total = relevantCount(relevant, what);
  if (total === 0) return NaN;
  let hits = 0;
  let sum = 0;
  const m = Math.min(k, ranked.length);
  for (let i = 0; i < m; i++) {
    if (gainOf(relevant, ranked[i]!) > 0) {
      hits++;
      sum += hits / (i + 1);
    }
  }
  return sum / Math.min(k, total);
}

/**
 * Reciprocal rank: 1 / (1-based position of the first relevant item), 0 if none appears within
 * the first k (default: the whole list). MRR is its mean over users. NaN if none relevant.
 */
export function reciprocalRank<T>(
  ranked: readonly T[],
  relevant: Relevance<T>,
  k: number = ranked.length || 1,
): number {
  const what = 'reciprocalRank';
  checkK(k, what);
  checkNoDuplicates(ranked, k, what);
  if (relevantCount(relevant, what) === 0) return NaN;
  const m = Math.min(k, ranked.length);
  for (let i = 0; i < m; i++) if (gainOf(relevant, ranked[i]!) > 0) return 1 / (i + 1);
  return 0;
}

export interface MeanResult {
  /** Mean over users with a defined (non-NaN) value; NaN if there are none. */
  mean: number;
  /** Users averaged. */
  users: number;
  /** Users skipped because their value was NaN (no relevant items). */
  skipped: number;
}

/** Mean of per-user values, skipping NaN (undefined) users and counting them. */
export function meanOverUsers(values: Iterable<number>): MeanResult {
  let sum = 0;
  let users = 0;
  let skipped = 0;
  for (const v of values) {
    if (Number.isNaN(v)) skipped++;
    else {
      sum += v;
      users++;
    }
  }
  return { mean: users === 0 ? NaN : sum / users, users, skipped };
}

export interface UserRanking<T> {
  ranked: readonly T[];
  relevant: Relevance<T>;
}

export interface RankingSummary {
  k: number;
  recall: number;
  precision: number;
  hitRate: number;
  ndcg: number;
  map: number;
  mrr: number;
  /** Users with at least one relevant item (the population of every mean above). */
  users: number;
  /** Users skipped for having no relevant item. */
  skipped: number;
}

/** All ranking metrics at k, averaged over the users that have at least one relevant item. */
export function rankingSummary<T>(
  users: Iterable<UserRanking<T>>,
  k: number,
  options: NdcgOptions = {},
): RankingSummary {
  const acc = { recall: 0, precision: 0, hitRate: 0, ndcg: 0, map: 0, mrr: 0 };
  let n = 0;
  let skipped = 0;
  for (const { ranked, relevant } of users) {
    const r = recallAtK(ranked, relevant, k);
    if (Number.isNaN(r)) {
      skipped++;
      continue;
    }
    n++;
    acc.recall += r;
    acc.precision += precisionAtK(ranked, relevant, k);
    acc.hitRate += hitRateAtK(ranked, relevant, k);
    acc.ndcg += ndcgAtK(ranked, relevant, k, options);
    acc.map += averagePrecisionAtK(ranked, relevant, k);
    acc.mrr += reciprocalRank(ranked, relevant, k);
  }
  const mean = (s: number) => (n === 0 ? NaN : s / n);
  return {
    k,
    recall: mean(acc.recall),
    precision: mean(acc.precision),
    hitRate: mean(acc.hitRate),
    ndcg: mean(acc.ndcg),
    map: mean(acc.map),
    mrr: mean(acc.mrr),
    users: n,
    skipped,
  };
}
