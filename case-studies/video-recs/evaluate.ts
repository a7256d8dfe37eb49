/**
 * Offline evaluation of the video-recommendation models on held-out days. Pure TypeScript (no
 * TF.js): models come in as scorers (functions over typed arrays), so the same code scores the
 * TF.js models after training (models.ts) and the ONNX models on the live page.
 *
 * Definitions (all per evaluation unit = one (user, day) of the evaluated split, by default
 * the test days; day d is served with the feature store as of the start of d, i.e. with
 * everything logged before d and nothing after):
 *
 * Retrieval
 *   relevant(u, d)  the distinct videos u watched on day d: clicked and watched ≥ minWatchSec
 *                   (default 10 s, the two-tower's positive). Units without one are skipped.
 *                   By default only new watches: videos u had clicked before d are left out
 *                   of the relevance set and of every ranking (serving filters watched
 *                   videos too); `newOnly: false` keeps re-watches and excludes nothing.
 *   ranking         a retriever's top-K over the whole catalogue available on d (videos with
 *                   uploadDay ≤ d), minus the excluded videos.
 *   recall@K        |top-K ∩ relevant| / |relevant| (lib/metrics recallAtK), averaged over
 *                   units. The oracle ranks by the world's trueScore(u, v, d) (oracleRanking):
 *                   expected watch seconds in the top slot, which knows the true taste but not
 *                   what the logging policy happened to show.
 *                   Relevance is what the logging policy chose to show and the user then
 *                   watched, so a model trained on the log learns the policy's exposure (its
 *                   popular, on-topic candidates) and can beat the oracle on recall; hence
 *   true gain@K     the ground-truth view: mean over units of Σ trueScore over the top-K / K
 *                   (expected seconds per retrieved video), which the oracle maximises.
 *   coverage@20     distinct videos in all units' top-20 / videos available on the world's
 *                   last day.
 *   diversity@20    lib/rerank intraListDiversity of the top-20 over the true topic vectors
 *                   φ_v (1 − mean pairwise cosine), averaged over units.
 *
 * Ranking (the ranker re-orders candidates; relevance = ground truth)
 *   candidates      per unit, the retriever's top-N (default: two-tower top 100).
 *   gain            trueScore(u, v, d): expected seconds watched if v is shown in the top slot.
 *   NDCG@20         lib/metrics ndcgAtK with those graded gains (linear), so IDCG is the
 *                   oracle's order of the same candidates; averaged over units. Ties in a
 *                   model's score are broken by video id.
 *   logged view     a second, log-only view: per unit, the videos u was shown on d,
 *                   re-ordered by the model; gain = seconds u actually watched (units with no
 *                   watch are skipped); needs no ground truth. Most units have one watched
 *                   video, and NDCG normalises each unit by its own ideal, so there logged
 *                   NDCG@20 mostly measures where the clicked video lands (a click metric);
 *                   the unnormalised DCG@20 in seconds (also reported for every ranking)
 *                   measures watch time captured.
 *   Differences between two rankers are paired bootstrap CIs over units
 *   (lib/metrics pairedBootstrapDiff).
 *
 * Click: AUC and log loss of P(click) on the logged rows of the split (with their logged slot).
 *
 * Watch time: RMSE and MAE of the regression head on log1p(watch seconds) of the clicked rows
 *   of the split, against a constant baseline = the mean of log1p(watch) over the clicked
 *   training rows (lib/metrics improvementOverMean with that baseline, so the baseline does
 *   not peek at the test labels); bootstrap CI over rows.
 */
import type { DataTable } from '../../lib/ml/data';
import {
  bootstrapCi,
  bootstrapMeanCi,
  improvementOverMean,
  logLoss,
  ndcgAtK,
  pairedBootstrapDiff,
  recallAtK,
  rocAuc,
  type BootstrapInterval,
  type ImprovementOverMean,
  type PairedBootstrapResult,
} from '../../lib/metrics';
import { createRng, shuffleInPlace } from '../../lib/random';
import { intraListDiversity } from '../../lib/rerank/rerank';
import { createOnlineStore, type FeatureStore } from './features';
import {
  TOPIC_SCALE,
  dayImpressionRange,
  impressionUser,
  oracleRanking,
  splitDays,
  trueScore,
  watchHistory,
  type SplitName,
  type World,
} from './world';

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------

/** One (user, day) of the evaluated split. */
export interface EvalUnit {
  user: number;
  day: number;
  /** Videos the user watched (≥ minWatchSec) that day: the retrieval relevance set. */
  relevant: Set<number>;
  /** Videos shown to the user that day → seconds watched (max over repeats). */
  shown: Map<number, number>;
  /** Videos the user clicked before the day (their watch history): excluded when asked. */
  seen: Set<number>;
}

export interface UnitOptions {
  split?: SplitName;
  minWatchSec?: number;
  /** Keep only units with at least one watched video (default true). */
  requireWatch?: boolean;
  /**
   * New watches only (default true): videos the user had already clicked before the day are
   * dropped from the relevance set, and evaluateRetrieval drops them from every ranking (as
   * serving does). False: re-watches count, nothing is excluded.
   */
  newOnly?: boolean;
  /** Keep a seeded uniform sample of at most this many units (order kept), e.g. on a page. */
  maxUnits?: number;
  seed?: number;
}

/** Units of the split in (day, user) order. */
export function evaluationUnits(world: World, options: UnitOptions = {}): EvalUnit[] {
  const minWatch = options.minWatchSec ?? 10;
  const requireWatch = options.requireWatch ?? true;
  const newOnly = options.newOnly ?? true;
  const [d0, d1] = splitDays(world, options.split ?? 'test');
  const imp = world.impressions;
  const units: EvalUnit[] = [];
  for (let d = d0; d < d1; d++) {
    const [a, b] = dayImpressionRange(world, d, d + 1);
    const byUser = new Map<number, EvalUnit>();
    for (let i = a; i < b; i++) {
      const user = impressionUser(world, i);
      let unit = byUser.get(user);
      if (!unit) {
        const seen = new Set<number>();
        if (newOnly) for (const h of watchHistory(world, user, d)) seen.add(imp.video[h]!);
        unit = { user, day: d, relevant: new Set(), shown: new Map(), seen };
        byUser.set(user, unit);
      }
      const v = imp.video[i]!;
      const w = imp.watchSec[i]!;
      unit.shown.set(v, Math.max(unit.shown.get(v) ?? 0, w));
      if (imp.click[i] && w >= minWatch && !unit.seen.has(v)) unit.relevant.add(v);
    }
    const users = [...byUser.keys()].sort((x, y) => x - y);
    for (const u of users) {
      const unit = byUser.get(u)!;
      if (!requireWatch || unit.relevant.size > 0) units.push(unit);
    }
  }
  if (options.maxUnits !== undefined && units.length > options.maxUnits) {
    const idx = Int32Array.from(units.keys());
    shuffleInPlace(idx, createRng(options.seed ?? 0));
    const keep = idx.subarray(0, options.maxUnits).sort();
    return Array.from(keep, (i) => units[i]!);
  }
  return units;
}

/** Units grouped by day (ascending), keeping their order. */
function byDay<T extends { day: number }>(units: readonly T[]): [number, T[]][] {
  const groups = new Map<number, T[]>();
  for (const u of units) {
    const g = groups.get(u.day);
    if (g) g.push(u);
    else groups.set(u.day, [u]);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]);
}

/** Video ids available on `day` (uploaded on or before it), ascending. */
export function availableVideos(world: World, day: number): Int32Array {
  const keep: number[] = [];
  const up = world.videos.uploadDay;
  for (let v = 0; v < world.videos.count; v++) if (up[v]! <= day) keep.push(v);
  return Int32Array.from(keep);
}

// ---------------------------------------------------------------------------------------------
// Retrievers
// ---------------------------------------------------------------------------------------------

/**
 * A retriever ranks the catalogue for a day's users: `rankDay` returns, per user, the top-k
 * video ids best first, leaving out `exclude[i]` for user i when given. `store` holds the
 * features as of the start of `day`.
 */
export interface Retriever {
  name: string;
  rankDay(
    day: number,
    users: Int32Array,
    k: number,
    store: FeatureStore,
    exclude?: readonly ReadonlySet<number>[],
  ): Int32Array[] | Promise<Int32Array[]>;
}

/** The world's oracle: top-k by trueScore among the videos available that day. */
export function oracleRetriever(world: World): Retriever {
  return {
    name: 'oracle',
    rankDay: (day, users, k, _store, exclude) =>
      Array.from(users, (u, i) => oracleRanking(world, u, day, k, { exclude: exclude?.[i] })),
  };
}

/**
 * Most-watched first: videos ranked by `counts(day)` (e.g. positives logged before the day),
 * ties by id; only videos available on the day. The same list for every user.
 */
export function popularityRetriever(
  world: World,
  counts: (day: number) => ArrayLike<number>,
): Retriever {
  return {
    name: 'popularity',
    rankDay(day, users, k, _store, exclude) {
      const c = counts(day);
      const ids = availableVideos(world, day);
      const sorted = Array.from(ids).sort((a, b) => c[b]! - c[a]! || a - b);
      return Array.from(users, (_, i) => {
        const ex = exclude?.[i];
        const top: number[] = [];
        for (let j = 0; j < sorted.length && top.length < k; j++) {
          if (!ex?.has(sorted[j]!)) top.push(sorted[j]!);
        }
        return Int32Array.from(top);
      });
    },
  };
}

/**
 * Positives (clicks watched ≥ minWatchSec) per video logged on days [fromDay, toDay): the
 * popularity model's "training". Pure counting, no model.
 */
export function positiveCounts(
  world: World,
  fromDay: number,
  toDay: number,
  minWatchSec = 10,
): Float64Array {
  const counts = new Float64Array(world.videos.count);
  const [a, b] = dayImpressionRange(world, fromDay, toDay);
  const imp = world.impressions;
  for (let i = a; i < b; i++) {
    if (imp.click[i] && imp.watchSec[i]! >= minWatchSec) counts[imp.video[i]!]! += 1;
  }
  return counts;
}

/**
 * Top-k of each query row against row-major items (exact inner product, ties by lower index),
 * skipping the item indices in `exclude[r]` for row r.
 */
export function topKByDot(
  queries: Float32Array,
  items: Float32Array,
  dim: number,
  k: number,
  exclude?: readonly (Iterable<number> | undefined)[],
): Int32Array[] {
  const n = items.length / dim;
  const q = queries.length / dim;
  const out: Int32Array[] = [];
  const scores = new Float32Array(n);
  const kk = Math.min(k, n);
  for (let r = 0; r < q; r++) {
    const qo = r * dim;
    for (let i = 0; i < n; i++) {
      let s = 0;
      const io = i * dim;
      for (let j = 0; j < dim; j++) s += queries[qo + j]! * items[io + j]!;
      scores[i] = s;
    }
    for (const i of exclude?.[r] ?? []) scores[i] = -Infinity;
    out.push(topIndices(scores, kk));
  }
  return out;
}

function lowerBound(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Indices of the k largest scores, best first, ties by lower index (−∞ never returned). */
export function topIndices(scores: ArrayLike<number>, k: number): Int32Array {
  const n = scores.length;
  const m = Math.min(k, n);
  const ids = new Int32Array(m);
  const vals = new Float64Array(m);
  let filled = 0;
  for (let i = 0; i < n; i++) {
    const s = scores[i]!;
    if (s === -Infinity || (filled === m && !(s > vals[m - 1]!))) continue;
    let j = filled < m ? filled++ : m - 1;
    while (j > 0 && s > vals[j - 1]!) {
      vals[j] = vals[j - 1]!;
      ids[j] = ids[j - 1]!;
      j--;
    }
    vals[j] = s;
    ids[j] = i;
  }
  return filled < m ? ids.slice(0, filled) : ids;
}

/** Two-tower (or any embedding) retrieval: user and item embeddings from the same store. */
export interface EmbeddingModel {
  /** Row-major [users.length, dim] query embeddings with features as of the store's day. */
  userEmbeddings(store: FeatureStore, users: Int32Array): Promise<Float32Array> | Float32Array;
  /** Row-major [ids.length, dim] item embeddings with features as of the store's day. */
  itemEmbeddings(store: FeatureStore, ids: Int32Array): Promise<Float32Array> | Float32Array;
  dim: number;
}

export function embeddingRetriever(
  world: World,
  model: EmbeddingModel,
  name = 'two-tower',
): Retriever {
  return {
    name,
    async rankDay(day, users, k, store, exclude) {
      const ids = availableVideos(world, day);
      const items = await model.itemEmbeddings(store, ids);
      const queries = await model.userEmbeddings(store, users);
      // Excluded video ids → rows of `ids` (ascending, so a binary search finds them).
      const rows = exclude?.map((ex) => {
        const out: number[] = [];
        for (const v of ex) {
          const r = lowerBound(ids, v);
          if (ids[r] === v) out.push(r);
        }
        return out;
      });
      return topKByDot(queries, items, model.dim, k, rows).map((top) => top.map((i) => ids[i]!));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Retrieval metrics
// ---------------------------------------------------------------------------------------------

export interface ListStats {
  /** Distinct videos in all units' top-20 over the videos available on the last day. */
  coverage: number;
  /** Mean intra-list diversity (1 − mean pairwise cosine of true topic vectors) of the top-20. */
  diversity: number;
}

export interface RetrievalResult {
  name: string;
  /** recall@K per K: mean over units with a 95 % bootstrap CI (over units). */
  recall: Record<number, BootstrapInterval>;
  /** Per-unit recall@K, in unit order (for paired comparisons). */
  perUnit: Record<number, Float64Array>;
  top20: ListStats;
  /**
   * Ground-truth view, independent of what the logging policy showed: per K, the mean over
   * units of Σ trueScore(u, v, d) over the top-K / K (expected seconds watched per retrieved
   * video if shown in the top slot). The oracle maximises it by construction.
   */
  trueGain: Record<number, number>;
  /** Ranked lists (top max K) per unit, in unit order. */
  lists: Int32Array[];
  seconds: number;
}

export interface EvalOptions {
  /** Bootstrap seed (default 0) and resamples (default 1000). */
  seed?: number;
  resamples?: number;
  onProgress?: (message: string) => void;
}

/** φ_v as a unit Float32Array (cached per world). */
const topicCache = new WeakMap<World, Float32Array[]>();
function topicVectors(world: World): Float32Array[] {
  let t = topicCache.get(world);
  if (!t) {
    const K = world.options.topics;
    const topic = world.videos.topic;
    t = Array.from({ length: world.videos.count }, (_, v) => {
      const row = new Float32Array(K);
      let s = 0;
      for (let j = 0; j < K; j++) s += (row[j] = topic[v * K + j]! / TOPIC_SCALE) ** 2;
      const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
      for (let j = 0; j < K; j++) row[j]! *= inv;
      return row;
    });
    topicCache.set(world, t);
  }
  return t;
}

/** Coverage and intra-list diversity of the first `k` of each list. */
export function listStats(world: World, lists: readonly ArrayLike<number>[], k = 20): ListStats {
  const topics = topicVectors(world);
  const seen = new Set<number>();
  let div = 0;
  let n = 0;
  for (const list of lists) {
    const top: Float32Array[] = [];
    for (let i = 0; i < Math.min(k, list.length); i++) {
      seen.add(list[i]!);
      top.push(topics[list[i]!]!);
    }
    const d = intraListDiversity(top);
    if (!Number.isNaN(d)) {
      div += d;
      n++;
    }
  }
  const catalogue = availableVideos(world, world.split.days - 1).length;
  return { coverage: seen.size / catalogue, diversity: n > 0 ? div / n : NaN };
}

/** Recall@K (K in `ks`), coverage and diversity of each retriever over the units. */
export async function evaluateRetrieval(
  world: World,
  units: readonly EvalUnit[],
  retrievers: readonly Retriever[],
  options: EvalOptions & { ks?: number[] } = {},
): Promise<RetrievalResult[]> {
  const ks = options.ks ?? [10, 50, 100];
  const maxK = Math.max(...ks);
  const groups = byDay(units);
  const results: RetrievalResult[] = [];
  for (const r of retrievers) {
    const t0 = performance.now();
    const lists: Int32Array[] = [];
    for (const [day, group] of groups) {
      const store = createOnlineStore(world, day);
      const users = Int32Array.from(group, (u) => u.user);
      const exclude = group.map((u) => u.seen);
      const ranked = await r.rankDay(day, users, maxK, store, exclude);
      if (ranked.length !== group.length) throw new Error(`${r.name}: one list per user expected`);
      lists.push(...ranked);
      options.onProgress?.(`retrieval ${r.name}: day ${day}, ${group.length} users`);
    }
    const perUnit: Record<number, Float64Array> = {};
    const recall: Record<number, BootstrapInterval> = {};
    const trueGain: Record<number, number> = {};
    for (const k of ks) {
      let g = 0;
      units.forEach((u, i) => {
        const list = lists[i]!;
        let s = 0;
        for (let j = 0; j < Math.min(k, list.length); j++) {
          s += trueScore(world, u.user, list[j]!, u.day);
        }
        g += s / k;
      });
      trueGain[k] = g / Math.max(1, units.length);
      const values = Float64Array.from(units, (u, i) =>
        recallAtK(Array.from(lists[i]!), u.relevant, k),
      );
      perUnit[k] = values;
      recall[k] = bootstrapMeanCi(values, {
        seed: options.seed ?? 0,
        resamples: options.resamples ?? 1000,
      });
    }
    results.push({
      name: r.name,
      recall,
      perUnit,
      top20: listStats(world, lists, 20),
      trueGain,
      lists,
      seconds: (performance.now() - t0) / 1000,
    });
  }
  return results;
}

/**
 * mean(a) / mean(b) of per-unit values with a paired bootstrap CI over units (e.g. the
 * two-tower's recall@100 as a share of the oracle's).
 */
export function ratioOfMeans(
  a: Float64Array,
  b: Float64Array,
  options: EvalOptions = {},
): BootstrapInterval {
  const idx = Array.from({ length: a.length }, (_, i) => i);
  return bootstrapCi(
    idx,
    (sample) => {
      let sa = 0;
      let sb = 0;
      for (const i of sample) {
        sa += a[i]!;
        sb += b[i]!;
      }
      return sb === 0 ? NaN : sa / sb;
    },
    { seed: options.seed ?? 0, resamples: options.resamples ?? 1000 },
  );
}

// ---------------------------------------------------------------------------------------------
// Ranking
// ---------------------------------------------------------------------------------------------

/** Ranker outputs for a batch of rows (ranker input tables, position 0). */
export interface RankerOutputs {
  /** P(click | shown in the top slot), calibrated to the full (not downsampled) data. */
  click: Float32Array;
  /** The watch head in log1p(seconds) space (E[log1p watch | click]), when there is one. */
  watchLog1p?: Float32Array;
}

/**
 * A ranker scores rows built by FeatureStore.rankerInput; `combine` turns its outputs into
 * one score per row (default: P(click) × E[watch | click] when there is a watch head, else
 * P(click)).
 */
export interface Ranker {
  name: string;
  predict(table: DataTable): RankerOutputs | Promise<RankerOutputs>;
  combine?: (click: number, watchSec: number) => number;
}

/** score = P(click)^a · E[watch | click]^b (a = b = 1: expected watch seconds). */
export function combinedScore(
  click: number,
  watchSec: number,
  weights: { click: number; watch: number } = { click: 1, watch: 1 },
): number {
  return (
    Math.pow(Math.max(click, 1e-12), weights.click) * Math.pow(Math.max(watchSec, 0), weights.watch)
  );
}

/** One ranking unit: candidates and their gains. */
export interface RankingUnit {
  user: number;
  day: number;
  candidates: Int32Array;
  /** gain per candidate (same order). */
  gains: Float64Array;
}

/** Units whose candidates are `lists[i]` (e.g. the two-tower's top 100) and gains trueScore. */
export function candidateRankingUnits(
  world: World,
  units: readonly { user: number; day: number }[],
  lists: readonly Int32Array[],
  size = 100,
): RankingUnit[] {
  return units.map((u, i) => {
    const candidates = lists[i]!.slice(0, size);
    const gains = Float64Array.from(candidates, (v) => trueScore(world, u.user, v, u.day));
    return { user: u.user, day: u.day, candidates, gains };
  });
}

/** Units of the shown videos, gain = seconds watched; units with no watch are dropped. */
export function loggedRankingUnits(units: readonly EvalUnit[]): RankingUnit[] {
  const out: RankingUnit[] = [];
  for (const u of units) {
    const ids = [...u.shown.keys()].sort((a, b) => a - b);
    const gains = Float64Array.from(ids, (v) => u.shown.get(v)!);
    if (gains.some((g) => g > 0)) {
      out.push({ user: u.user, day: u.day, candidates: Int32Array.from(ids), gains });
    }
  }
  return out;
}

export interface RankingResult {
  name: string;
  ndcg: BootstrapInterval;
  perUnit: Float64Array;
  /** Unnormalised DCG@k in gain units (seconds), mean with CI, and per unit. */
  dcg: BootstrapInterval;
  perUnitDcg: Float64Array;
  /** Mean gain (trueScore: expected seconds) summed over the top-20, per unit. */
  top20Gain: number;
  top20: ListStats;
  seconds: number;
}

/** Rows per ranker call (several units at once: one TF.js / ORT call per chunk). */
const RANK_CHUNK_ROWS = 8192;

/** Concatenates ranker input tables with identical columns. */
function concatTables(tables: DataTable[]): DataTable {
  const first = tables[0]!;
  const out: DataTable = {};
  for (const key of Object.keys(first)) {
    const c = first[key]!;
    if (c instanceof Int32Array || c instanceof Float32Array) {
      const Ctor = c instanceof Int32Array ? Int32Array : Float32Array;
      const arr = new Ctor(tables.reduce((s, t) => s + (t[key] as typeof c).length, 0));
      let off = 0;
      for (const t of tables) {
        arr.set(t[key] as typeof c, off);
        off += (t[key] as typeof c).length;
      }
      out[key] = arr;
    } else {
      const data = new Float32Array(
        tables.reduce((s, t) => s + (t[key] as typeof c).data.length, 0),
      );
      let off = 0;
      for (const t of tables) {
        const d = (t[key] as typeof c).data;
        data.set(d, off);
        off += d.length;
      }
      out[key] = { data, width: c.width };
    }
  }
  return out;
}

/** Scores of every unit's candidates under `ranker` (features as of each unit's day). */
export async function rankerScores(
  world: World,
  units: readonly RankingUnit[],
  ranker: Ranker,
): Promise<Float64Array[]> {
  const combine = ranker.combine ?? ((click: number, watch: number) => combinedScore(click, watch));
  const scores: Float64Array[] = new Array(units.length);
  const groups = new Map<number, number[]>();
  units.forEach((u, i) => {
    const g = groups.get(u.day);
    if (g) g.push(i);
    else groups.set(u.day, [i]);
  });
  for (const [day, idx] of [...groups.entries()].sort((a, b) => a[0] - b[0])) {
    const store = createOnlineStore(world, day);
    for (let start = 0; start < idx.length;) {
      const chunk: number[] = [];
      let rows = 0;
      while (start < idx.length && (chunk.length === 0 || rows < RANK_CHUNK_ROWS)) {
        chunk.push(idx[start]!);
        rows += units[idx[start]!]!.candidates.length;
        start++;
      }
      const tables = chunk.map((i) => store.rankerInput(units[i]!.user, units[i]!.candidates, 0));
      const out = await ranker.predict(concatTables(tables));
      let off = 0;
      for (const i of chunk) {
        const n = units[i]!.candidates.length;
        const s = new Float64Array(n);
        for (let r = 0; r < n; r++) {
          s[r] = out.watchLog1p
            ? combine(out.click[off + r]!, Math.expm1(Math.max(0, out.watchLog1p[off + r]!)))
            : out.click[off + r]!;
        }
        scores[i] = s;
        off += n;
      }
    }
  }
  return scores;
}

/** Candidates ordered by score (desc), ties by video id. */
export function orderByScore(candidates: Int32Array, scores: ArrayLike<number>): number[] {
  const order = Array.from(candidates.keys());
  order.sort((a, b) => scores[b]! - scores[a]! || candidates[a]! - candidates[b]!);
  return order.map((i) => candidates[i]!);
}

/** DCG@k (linear gains, unnormalised) per unit of a ranking given per-unit scores. */
export function dcgPerUnit(
  units: readonly RankingUnit[],
  scores: readonly ArrayLike<number>[],
  k = 20,
): Float64Array {
  return Float64Array.from(units, (u, i) => {
    const gain = new Map<number, number>();
    u.candidates.forEach((v, j) => gain.set(v, u.gains[j]!));
    let s = 0;
    orderByScore(u.candidates, scores[i]!)
      .slice(0, k)
      .forEach((v, j) => (s += gain.get(v)! / Math.log2(j + 2)));
    return s;
  });
}

/** NDCG@k per unit of a ranking given per-unit scores. */
export function ndcgPerUnit(
  units: readonly RankingUnit[],
  scores: readonly ArrayLike<number>[],
  k = 20,
): Float64Array {
  return Float64Array.from(units, (u, i) => {
    const rel = new Map<number, number>();
    u.candidates.forEach((v, j) => rel.set(v, u.gains[j]!));
    return ndcgAtK(orderByScore(u.candidates, scores[i]!), rel, k);
  });
}

/** NDCG@k (mean with bootstrap CI), top-k gain, coverage and diversity of each ranker. */
export async function evaluateRanking(
  world: World,
  units: readonly RankingUnit[],
  rankers: readonly Ranker[],
  options: EvalOptions & { k?: number } = {},
): Promise<RankingResult[]> {
  const k = options.k ?? 20;
  // Units whose candidates all have gain 0 have no defined NDCG: drop them for everyone.
  const usable = units.filter((u) => u.gains.some((g) => g > 0));
  const results: RankingResult[] = [];
  for (const ranker of rankers) {
    const t0 = performance.now();
    const scores = await rankerScores(world, usable, ranker);
    const perUnit = ndcgPerUnit(usable, scores, k);
    const perUnitDcg = dcgPerUnit(usable, scores, k);
    const boot = { seed: options.seed ?? 0, resamples: options.resamples ?? 1000 };
    const lists = usable.map((u, i) => orderByScore(u.candidates, scores[i]!).slice(0, k));
    let gain = 0;
    usable.forEach((u, i) => {
      const pos = new Map<number, number>();
      u.candidates.forEach((v, j) => pos.set(v, u.gains[j]!));
      for (const v of lists[i]!) gain += pos.get(v)!;
    });
    results.push({
      name: ranker.name,
      ndcg: bootstrapMeanCi(perUnit, boot),
      perUnit,
      dcg: bootstrapMeanCi(perUnitDcg, boot),
      perUnitDcg,
      top20Gain: gain / Math.max(1, usable.length),
      top20: listStats(world, lists, k),
      seconds: (performance.now() - t0) / 1000,
    });
    options.onProgress?.(`ranking ${ranker.name}: ${usable.length} units`);
  }
  return results;
}

/** Paired bootstrap CI of mean(a) − mean(b) over the same units. */
export function pairedDifference(
  a: Float64Array,
  b: Float64Array,
  options: EvalOptions = {},
): PairedBootstrapResult {
  return pairedBootstrapDiff(a, b, {
    seed: options.seed ?? 0,
    resamples: options.resamples ?? 1000,
  });
}

// ---------------------------------------------------------------------------------------------
// Pointwise: click and watch time on logged rows
// ---------------------------------------------------------------------------------------------

export interface ClickMetrics {
  auc: number;
  logLoss: number;
  rows: number;
  ctr: number;
}

export function clickMetrics(labels: ArrayLike<number>, probs: ArrayLike<number>): ClickMetrics {
  let c = 0;
  for (let i = 0; i < labels.length; i++) c += labels[i]!;
  const clipped = Float64Array.from(probs as ArrayLike<number>, (p) =>
    Math.min(1 - 1e-7, Math.max(1e-7, p)),
  );
  return {
    auc: rocAuc(labels, probs),
    logLoss: logLoss(labels, clipped),
    rows: labels.length,
    ctr: c / Math.max(1, labels.length),
  };
}

export interface WatchTimeError extends ImprovementOverMean {
  /** 95 % bootstrap CI (over rows) of the RMSE improvement. */
  rmseImprovementCi: BootstrapInterval;
  rows: number;
}

/**
 * Error of predicted log1p(watch seconds) on clicked rows against a constant (the training
 * mean, `baseline`). Inputs are in log1p space.
 */
export function watchTimeError(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  baseline: number,
  options: EvalOptions = {},
): WatchTimeError {
  const base = improvementOverMean(yTrue, yPred, { baseline });
  const idx = Array.from({ length: yTrue.length }, (_, i) => i);
  const ci = bootstrapCi(
    idx,
    (sample) => {
      let se = 0;
      let sb = 0;
      for (const i of sample) {
        se += (yTrue[i]! - yPred[i]!) ** 2;
        sb += (yTrue[i]! - baseline) ** 2;
      }
      return sb === 0 ? NaN : 1 - Math.sqrt(se / sb);
    },
    { seed: options.seed ?? 0, resamples: options.resamples ?? 1000 },
  );
  return { ...base, rmseImprovementCi: ci, rows: yTrue.length };
}

// ---------------------------------------------------------------------------------------------
// The whole offline evaluation
// ---------------------------------------------------------------------------------------------

/** The models to evaluate, as plain scorers (TF.js after training, ONNX on the live page). */
export interface VideoRecsScorers {
  twoTower: EmbeddingModel;
  /** The multi-task ranker (click + watch head); its `combine` is the final score. */
  dcn: Ranker;
  /** The click-only baseline. */
  logReg: Ranker;
  /** Mean log1p(watch seconds) of the clicked training rows: the watch-time baseline. */
  watchBaseline: number;
  /** Popularity counts known at the start of `day` (default: positives logged before it). */
  popularity?: (day: number) => ArrayLike<number>;
}

export interface VideoRecsEvalOptions extends EvalOptions {
  split?: SplitName;
  /** Evaluate a seeded sample of at most this many units (the oracle costs ~5 ms per unit). */
  maxUnits?: number;
  /** Candidates per unit for the ranking evaluation (default 100, from the two-tower). */
  candidates?: number;
  /** Logged ranker rows of the split (buildRankerTable): click and watch-time metrics. */
  rankerRows?: DataTable;
  minWatchSec?: number;
}

/** A RetrievalResult without the per-unit arrays and lists (JSON-sized). */
export type RetrievalSummary = Omit<RetrievalResult, 'perUnit' | 'lists'>;
export type RankingSummaryResult = Omit<RankingResult, 'perUnit' | 'perUnitDcg'>;

export interface VideoRecsReport {
  split: SplitName;
  units: { retrieval: number; ranking: number; logged: number };
  retrieval: {
    twoTower: RetrievalSummary;
    popularity: RetrievalSummary;
    oracle: RetrievalSummary;
    /** recall@100 two-tower / oracle (target ≥ 0.9), bootstrap CI over units. */
    twoTowerOverOracle: BootstrapInterval;
    /** recall@100 two-tower − popularity, paired over units. */
    twoTowerMinusPopularity: PairedBootstrapResult;
  };
  ranking: {
    /** Two-tower candidates, gain = trueScore. */
    candidates: {
      dcn: RankingSummaryResult;
      dcnClickOnly: RankingSummaryResult;
      logReg: RankingSummaryResult;
      /** NDCG@20 DCN − LR, paired over units (target: CI excludes 0). */
      dcnMinusLogReg: PairedBootstrapResult;
      /** NDCG@20 of the DCN's click head alone − LR: how much is the better click model. */
      dcnClickOnlyMinusLogReg: PairedBootstrapResult;
    };
    /** Shown videos, gain = seconds watched. */
    logged: {
      dcn: RankingSummaryResult;
      dcnClickOnly: RankingSummaryResult;
      logReg: RankingSummaryResult;
      ndcgDcnMinusLogReg: PairedBootstrapResult;
      dcgDcnMinusLogReg: PairedBootstrapResult;
    };
  };
  click?: { dcn: ClickMetrics; logReg: ClickMetrics };
  /** log1p(watch seconds) of clicked rows: DCN watch head vs the training mean. */
  watch?: WatchTimeError;
  seconds: number;
}

function stripRetrieval(r: RetrievalResult): RetrievalSummary {
  const { perUnit: _p, lists: _l, ...rest } = r;
  return rest;
}

function stripRanking(r: RankingResult): RankingSummaryResult {
  const { perUnit: _p, perUnitDcg: _d, ...rest } = r;
  return rest;
}

/**
 * Everything in the header: retrieval (two-tower, popularity, oracle), ranking of the
 * two-tower's candidates (DCN, DCN click head alone, LR) and of the logged slates, click
 * AUC / log loss and watch-time error on the logged rows when `rankerRows` is given.
 */
export async function evaluateVideoRecs(
  world: World,
  scorers: VideoRecsScorers,
  options: VideoRecsEvalOptions = {},
): Promise<VideoRecsReport> {
  const t0 = performance.now();
  const split = options.split ?? 'test';
  const units = evaluationUnits(world, {
    split,
    minWatchSec: options.minWatchSec,
    maxUnits: options.maxUnits,
    seed: options.seed,
  });
  if (units.length === 0) throw new Error(`evaluateVideoRecs: no ${split} unit with a watch`);
  const popularity =
    scorers.popularity ?? ((day: number) => positiveCounts(world, 0, day, options.minWatchSec));
  const [tt, pop, oracle] = await evaluateRetrieval(
    world,
    units,
    [
      embeddingRetriever(world, scorers.twoTower),
      popularityRetriever(world, popularity),
      oracleRetriever(world),
    ],
    options,
  );
  const clickOnly: Ranker = {
    ...scorers.dcn,
    name: `${scorers.dcn.name} (click only)`,
    combine: (c) => c,
  };
  const rankers = [scorers.dcn, clickOnly, scorers.logReg];
  const candUnits = candidateRankingUnits(world, units, tt!.lists, options.candidates ?? 100);
  const [cDcn, cClick, cLr] = await evaluateRanking(world, candUnits, rankers, options);
  const logged = loggedRankingUnits(units);
  const [lDcn, lClick, lLr] = await evaluateRanking(world, logged, rankers, options);

  let click: VideoRecsReport['click'];
  let watch: WatchTimeError | undefined;
  if (options.rankerRows) {
    const rows = options.rankerRows;
    const labels = rows.click as Float32Array;
    const target = rows.target as Float32Array;
    const d = await scorers.dcn.predict(rows);
    const l = await scorers.logReg.predict(rows);
    click = { dcn: clickMetrics(labels, d.click), logReg: clickMetrics(labels, l.click) };
    if (d.watchLog1p) {
      const yTrue: number[] = [];
      const yPred: number[] = [];
      for (let i = 0; i < labels.length; i++) {
        if (labels[i]) {
          yTrue.push(Math.log1p(target[i]!));
          yPred.push(d.watchLog1p[i]!);
        }
      }
      watch = watchTimeError(yTrue, yPred, scorers.watchBaseline, options);
    }
  }
  return {
    split,
    units: { retrieval: units.length, ranking: cDcn!.perUnit.length, logged: lDcn!.perUnit.length },
    retrieval: {
      twoTower: stripRetrieval(tt!),
      popularity: stripRetrieval(pop!),
      oracle: stripRetrieval(oracle!),
      twoTowerOverOracle: ratioOfMeans(tt!.perUnit[100]!, oracle!.perUnit[100]!, options),
      twoTowerMinusPopularity: pairedDifference(tt!.perUnit[100]!, pop!.perUnit[100]!, options),
    },
    ranking: {
      candidates: {
        dcn: stripRanking(cDcn!),
        dcnClickOnly: stripRanking(cClick!),
        logReg: stripRanking(cLr!),
        dcnMinusLogReg: pairedDifference(cDcn!.perUnit, cLr!.perUnit, options),
        dcnClickOnlyMinusLogReg: pairedDifference(cClick!.perUnit, cLr!.perUnit, options),
      },
      logged: {
        dcn: stripRanking(lDcn!),
        dcnClickOnly: stripRanking(lClick!),
        logReg: stripRanking(lLr!),
        ndcgDcnMinusLogReg: pairedDifference(lDcn!.perUnit, lLr!.perUnit, options),
        dcgDcnMinusLogReg: pairedDifference(lDcn!.perUnitDcg, lLr!.perUnitDcg, options),
      },
    },
    click,
    watch,
    seconds: (performance.now() - t0) / 1000,
  };
}
