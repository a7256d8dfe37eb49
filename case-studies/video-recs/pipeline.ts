/**
 * One home-feed request, end to end: user tower → top-K search (exact or IVF) → online feature
 * lookup → ranking (DCN-V2 / logistic regression / none) → re-rank to 20 (lib/rerank), each
 * stage timed with lib/pipeline so the page can draw the waterfall against the 200 ms budget.
 *
 * Pure TypeScript: the models come in through `FeedModels` (onnxruntime-web sessions in the
 * feed worker, TF.js models in the benchmark's peer, plain functions in tests), so the whole
 * request runs in Node too.
 *
 * The shipped models were trained on a 10k-video world (5,000 users, 400 creators). Larger
 * catalogues and other seeds have ids beyond those vocabularies: ids are folded into the
 * trained range (id mod vocabulary, the hashing trick), so the id embeddings there are shared
 * noise and the content, profile and history features carry the model.
 */
import type { DataTable, DenseColumn } from '../../lib/ml/data';
import { ndcgAtK, recallAtK } from '../../lib/metrics';
import { StageTimer, type StageTiming } from '../../lib/pipeline/stages';
import { createRng } from '../../lib/random';
import { intraListDiversity, rerank, type Candidate } from '../../lib/rerank/rerank';
import type { ExactIndex, IvfIndex } from '../../lib/search';
import { VIDEO_RECS_CASE } from './case';
import { evaluationUnits, type EvalUnit } from './evaluate';
import {
  RANKER_DENSE_FEATURES,
  USER_FEATURES,
  USER_NUMERIC_FEATURES,
  VIDEO_NUMERIC_FEATURES,
  rankerFields,
  type FeatureStore,
} from './features';
import { correctDownsampled, logRegFeatures } from './models';
import {
  AGE_BANDS,
  COUNTRIES,
  DEVICES,
  GENRES,
  LANGUAGES,
  creatorName,
  trueScore,
  videoTitle,
  watchHistory,
  type World,
} from './world';

/** A click on the live page: the raw material of the next retraining. */
export type { ClickEvent } from './clicks';

export const FEED_SIZE = 20;
export const LATENCY_BUDGET_MS = VIDEO_RECS_CASE.latencyBudgetMs.endToEnd;
export const CREATOR_CAP = 2;

export type StageName = 'user tower' | 'search' | 'feature lookup' | 'ranking' | 're-rank';
export const STAGES: readonly StageName[] = [
  'user tower',
  'search',
  'feature lookup',
  'ranking',
  're-rank',
];

/**
 * Reference-diagram nodes (case-studies/video-recs/reference/diagram.ts) that are a stage of
 * this pipeline, so a click on one can show that stage of the current request.
 */
export const DIAGRAM_STAGE_NODES: Readonly<Record<string, StageName>> = {
  'user-tower': 'user tower',
  ann: 'search',
  candidates: 'search',
  'features-online': 'feature lookup',
  ranking: 'ranking',
  reranker: 're-rank',
};

export type RankerChoice = 'dcn' | 'logreg' | 'none';
export type SearchChoice = 'exact' | 'ivf';

export interface FeedControls {
  /** Candidates retrieved and ranked. */
  candidates: number;
  search: SearchChoice;
  ranker: RankerChoice;
  /** Final score = P(click)^clickWeight · E[watch seconds | click]^watchWeight. */
  clickWeight: number;
  watchWeight: number;
  /** MMR weight on diversity in the re-rank (0 = pure score). */
  diversity: number;
}

export const DEFAULT_CONTROLS: FeedControls = {
  candidates: 500,
  search: 'exact',
  ranker: 'dcn',
  clickWeight: 1,
  watchWeight: 1,
  diversity: 0.2,
};

export const CONTROL_LIMITS = {
  candidates: { min: 20, max: 1000 },
  clickWeight: { min: 0, max: 3 },
  watchWeight: { min: 0, max: 3 },
  diversity: { min: 0, max: 1 },
} as const;

/** A known user of the world, or a new one who told us a few things about themselves. */
export type FeedUser =
  | { kind: 'known'; user: number }
  | {
      kind: 'new';
      /** Indices into GENRES. */
      interests: readonly number[];
      language: number;
      country: number;
      device: number;
      ageBand: number;
    };

/** The models of one serving version. Outputs are the raw model outputs. */
export interface FeedModels {
  /** rows × dim embeddings for `userId` (rows) and `features` (rows × USER_FEATURES). */
  userTower(userId: Int32Array, features: Float32Array): Promise<Float32Array>;
  /** P(click) on downsampled data and the log1p(watch seconds | click) head. */
  dcn(table: DataTable): Promise<{ click: Float32Array; watchLog1p: Float32Array }>;
  logreg(features: DenseColumn): Promise<Float32Array>;
}

/** Vocabularies the models were trained with (ids are folded into them). */
export interface ModelVocab {
  users: number;
  videos: number;
  creators: number;
}

/** Everything a request needs that outlives it: the world, its store, index and models. */
export interface FeedContext {
  world: World;
  /** Online features as of the start of `store.day`, the serving day. */
  store: FeatureStore;
  /** Item-tower embeddings, n × dim, L2-normalised. */
  embeddings: Float32Array;
  dim: number;
  exact: ExactIndex;
  ivf: IvfIndex | null;
  models: FeedModels;
  vocab: ModelVocab;
  /** Non-clicks kept when the rankers were trained (P(click) is corrected back). */
  negativeRate: { dcn: number; logreg: number };
  now: () => number;
}

export interface FeedItem {
  video: number;
  title: string;
  creator: string;
  genre: string;
  durationSec: number;
  position: number;
  retrievalScore: number;
  /** 1-based rank among the retrieved candidates. */
  retrievalRank: number;
  /** 1-based rank after the ranker (before re-ranking). */
  rankerRank: number;
  pClick: number | null;
  /** E[watch seconds | click]; null when the ranker has no watch head. */
  watchSec: number | null;
  finalScore: number;
  reasons: string[];
}

export interface StageDetail {
  inputs: string;
  outputs: string;
  ms: number;
}

export interface FeedResult {
  items: FeedItem[];
  timings: StageTiming[];
  totalMs: number;
  details: Record<StageName, StageDetail>;
  /** Candidates in retrieval order (for offline metrics). */
  retrieved: Int32Array;
}

const fold = (id: number, vocab: number) => id % vocab;

/** Why the brief's bad values never reach the pipeline: every control clamped to its range. */
export function clampControls(c: FeedControls): FeedControls {
  const clamp = (x: number, { min, max }: { min: number; max: number }, d: number) =>
    Number.isFinite(x) ? Math.min(max, Math.max(min, x)) : d;
  return {
    candidates: Math.round(
      clamp(c.candidates, CONTROL_LIMITS.candidates, DEFAULT_CONTROLS.candidates),
    ),
    search: c.search === 'ivf' ? 'ivf' : 'exact',
    ranker: c.ranker === 'logreg' || c.ranker === 'none' ? c.ranker : 'dcn',
    clickWeight: clamp(c.clickWeight, CONTROL_LIMITS.clickWeight, 1),
    watchWeight: clamp(c.watchWeight, CONTROL_LIMITS.watchWeight, 1),
    diversity: clamp(c.diversity, CONTROL_LIMITS.diversity, DEFAULT_CONTROLS.diversity),
  };
}

// ---------------------------------------------------------------------------------------------
// Features of a user (known or new)
// ---------------------------------------------------------------------------------------------

const PROFILE = USER_FEATURES.length - USER_NUMERIC_FEATURES.length;
const G = GENRES.length;

/**
 * Tower features of a new user: profile one-hots, and the picked interests standing in for a
 * watch history's genre shares (no watches, has_history = 0), so the towers and the ranker see
 * "likes these genres" before the first click.
 */
export function newUserFeatures(u: Extract<FeedUser, { kind: 'new' }>): Float32Array {
  const f = new Float32Array(USER_FEATURES.length);
  f[u.ageBand] = 1;
  f[AGE_BANDS.length + u.device] = 1;
  f[AGE_BANDS.length + DEVICES.length + u.language] = 1;
  const picks = [...new Set(u.interests)].filter((g) => g >= 0 && g < G);
  for (const g of picks) f[PROFILE + g] = 1 / picks.length;
  return f;
}

/** Checks a new user's choices; returns a message saying what is wrong, or null. */
export function newUserProblem(u: Extract<FeedUser, { kind: 'new' }>): string | null {
  if (u.interests.length === 0) return 'Pick at least one interest.';
  if (u.interests.some((g) => !Number.isInteger(g) || g < 0 || g >= G))
    return 'An interest is not a known genre.';
  const bad = (x: number, n: number) => !Number.isInteger(x) || x < 0 || x >= n;
  if (bad(u.language, LANGUAGES.length)) return 'Unknown language.';
  if (bad(u.country, COUNTRIES.length)) return 'Unknown country.';
  if (bad(u.device, DEVICES.length)) return 'Unknown device.';
  if (bad(u.ageBand, AGE_BANDS.length)) return 'Unknown age band.';
  return null;
}

/** Seeded user ids whose tower outputs are averaged for a new user (no id of their own). */
const COLD_START_IDS = 16;

async function userEmbedding(ctx: FeedContext, user: FeedUser): Promise<Float32Array> {
  const W = USER_FEATURES.length;
  if (user.kind === 'known') {
    const features = ctx.store.userFeatures(user.user);
    return ctx.models.userTower(Int32Array.of(fold(user.user, ctx.vocab.users)), features);
  }
  // A new user has no id embedding: average the tower over a seeded sample of ids, so the
  // profile and the interests decide, not one stranger's id.
  const rng = createRng(7);
  const ids = Int32Array.from({ length: COLD_START_IDS }, () => rng.int(ctx.vocab.users));
  const one = newUserFeatures(user);
  const features = new Float32Array(COLD_START_IDS * W);
  for (let r = 0; r < COLD_START_IDS; r++) features.set(one, r * W);
  const out = await ctx.models.userTower(ids, features);
  const mean = new Float32Array(ctx.dim);
  for (let r = 0; r < COLD_START_IDS; r++)
    for (let j = 0; j < ctx.dim; j++) mean[j]! += out[r * ctx.dim + j]!;
  let norm = 0;
  for (let j = 0; j < ctx.dim; j++) norm += mean[j]! ** 2;
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let j = 0; j < ctx.dim; j++) mean[j]! *= inv;
  return mean;
}

/** Ranker input (the FeatureStore.rankerInput layout) for a new user. */
function newUserRankerInput(
  ctx: FeedContext,
  u: Extract<FeedUser, { kind: 'new' }>,
  ids: Int32Array,
): DataTable {
  const { world, store } = ctx;
  const n = ids.length;
  const RW = RANKER_DENSE_FEATURES.length;
  const UNW = USER_NUMERIC_FEATURES.length;
  const VNW = VIDEO_NUMERIC_FEATURES.length;
  const uf = newUserFeatures(u);
  const table: Record<string, Int32Array> = {};
  for (const f of rankerFields(world)) table[f.name] = new Int32Array(n);
  const dense = new Float32Array(n * RW);
  const v = world.videos;
  for (let r = 0; r < n; r++) {
    const id = ids[r]!;
    table.video![r] = id;
    table.creator![r] = v.creator[id]!;
    table.genre![r] = v.genre[id]!;
    table.video_language![r] = v.language[id]!;
    table.user_language![r] = u.language;
    table.country![r] = u.country;
    table.device![r] = u.device;
    table.age_band![r] = u.ageBand;
    const o = r * RW;
    dense.set(uf.subarray(PROFILE), o);
    store.videoNumeric(id, dense, o + UNW);
    dense[o + UNW + VNW] = uf[PROFILE + v.genre[id]!]!;
    dense[o + UNW + VNW + 1] = u.language === v.language[id] ? 1 : 0;
  }
  return { ...table, dense: { data: dense, width: RW } };
}

/** The ranker table with ids folded into the trained vocabularies. */
function foldTable(table: DataTable, vocab: ModelVocab): DataTable {
  const fold1 = (name: string, n: number) => {
    const col = table[name] as Int32Array | undefined;
    return col ? col.map((id) => fold(id, n)) : undefined;
  };
  const out: DataTable = { ...table };
  const user = fold1('user', vocab.users);
  const video = fold1('video', vocab.videos);
  const creator = fold1('creator', vocab.creators);
  if (user) out.user = user;
  if (video) out.video = video;
  if (creator) out.creator = creator;
  return out;
}

// ---------------------------------------------------------------------------------------------
// The request
// ---------------------------------------------------------------------------------------------

/** Videos the user has already watched (known users), never shown again. */
function seenSet(ctx: FeedContext, user: FeedUser): Set<number> {
  const seen = new Set<number>();
  if (user.kind === 'known') {
    const imp = ctx.world.impressions.video;
    for (const i of watchHistory(ctx.world, user.user, ctx.store.day)) seen.add(imp[i]!);
  }
  return seen;
}

interface Scored {
  click: Float32Array | null;
  watch: Float32Array | null;
  final: Float64Array;
}

async function score(
  ctx: FeedContext,
  controls: FeedControls,
  table: DataTable,
  retrievalScores: Float32Array,
): Promise<Scored> {
  const n = retrievalScores.length;
  const final = new Float64Array(n);
  if (controls.ranker === 'none') {
    final.set(retrievalScores);
    return { click: null, watch: null, final };
  }
  const a = controls.clickWeight;
  const b = controls.watchWeight;
  if (controls.ranker === 'logreg') {
    const raw = await ctx.models.logreg(logRegFeatures(ctx.world, table));
    const click = raw.map((p) => correctDownsampled(p, ctx.negativeRate.logreg));
    for (let i = 0; i < n; i++) final[i] = Math.pow(Math.max(click[i]!, 1e-12), a);
    return { click, watch: null, final };
  }
  const out = await ctx.models.dcn(foldTable(table, ctx.vocab));
  const click = out.click.map((p) => correctDownsampled(p, ctx.negativeRate.dcn));
  const watch = out.watchLog1p.map((x) => Math.max(0, Math.expm1(x)));
  for (let i = 0; i < n; i++)
    final[i] = Math.pow(Math.max(click[i]!, 1e-12), a) * Math.pow(watch[i]!, b);
  return { click, watch, final };
}

function userLabel(user: FeedUser): string {
  return user.kind === 'known'
    ? `user ${user.user}`
    : `a new user (${user.interests.map((g) => GENRES[g]).join(', ')})`;
}

/** Serves one feed. `controls` are clamped; a bad known-user id throws a RangeError. */
export async function serveFeed(
  ctx: FeedContext,
  user: FeedUser,
  rawControls: FeedControls,
): Promise<FeedResult> {
  const controls = clampControls(rawControls);
  const { world, store } = ctx;
  if (user.kind === 'known' && !(user.user >= 0 && user.user < world.users.count))
    throw new RangeError(`There is no user ${user.user} (0 … ${world.users.count - 1}).`);
  if (user.kind === 'new') {
    const problem = newUserProblem(user);
    if (problem) throw new RangeError(problem);
  }
  const timer = new StageTimer(ctx.now);
  const day = store.day;
  const K = Math.min(controls.candidates, world.videos.count);
  const seen = seenSet(ctx, user);

  const query = await timer.run('user tower', () => userEmbedding(ctx, user));
  const upload = world.videos.uploadDay;
  // Videos uploaded after the serving day do not exist yet; watched ones are never re-served.
  const exclude = (id: number) => upload[id]! > day || seen.has(id);
  const found = await timer.run('search', () =>
    controls.search === 'ivf' && ctx.ivf
      ? ctx.ivf.search(query, K, { exclude })
      : ctx.exact.search(query, K, { exclude }),
  );
  const ids = Int32Array.from(found.ids);
  const retrievalScores = Float32Array.from(found.scores);
  const table = await timer.run('feature lookup', () =>
    user.kind === 'known' ? store.rankerInput(user.user, ids) : newUserRankerInput(ctx, user, ids),
  );
  const scored = await timer.run('ranking', () => score(ctx, controls, table, retrievalScores));
  const order = Array.from(ids.keys()).sort(
    (x, y) => scored.final[y]! - scored.final[x]! || ids[x]! - ids[y]!,
  );
  const placed = await timer.run('re-rank', () =>
    rerank(
      order.map((i) => candidate(ctx, ids[i]!, scored.final[i]!)),
      {
        k: FEED_SIZE,
        seen,
        diversity: controls.diversity,
        creatorCap: CREATOR_CAP,
        freshnessBoost: 0.3,
        halfLifeDays: 3,
        today: day,
      },
    ),
  );
  const at = new Map(Array.from(ids, (id, i) => [id, i]));
  const rankerRank = new Map(order.map((i, r) => [ids[i]!, r + 1]));
  const items = placed.page.map((p) => {
    const i = at.get(p.id)!;
    return item(ctx, user, p.id, p.position, {
      retrievalScore: retrievalScores[i]!,
      retrievalRank: i + 1,
      rankerRank: rankerRank.get(p.id)!,
      pClick: scored.click ? scored.click[i]! : null,
      watchSec: scored.watch ? scored.watch[i]! : null,
      finalScore: scored.final[i]!,
      rerankReasons: p.reasons,
      candidates: ids.length,
    });
  });
  const ms = (s: StageName) => timer.timings.find((t) => t.stage === s)?.ms ?? 0;
  const rankerName = { dcn: 'DCN-V2', logreg: 'logistic regression', none: 'no ranker' }[
    controls.ranker
  ];
  const details: Record<StageName, StageDetail> = {
    'user tower': {
      inputs: `${userLabel(user)}: ${USER_FEATURES.length} profile and history features${user.kind === 'known' ? ' + user id' : `, averaged over ${COLD_START_IDS} ids`}`,
      outputs: `a ${ctx.dim}-d query embedding`,
      ms: ms('user tower'),
    },
    search: {
      inputs: `the query and ${world.videos.count.toLocaleString('en')} video embeddings (${controls.search === 'ivf' && ctx.ivf ? `IVF, ${ctx.ivf.nlist} lists, ${ctx.ivf.nprobe} probed` : 'exact scan'}), ${seen.size} watched videos excluded`,
      outputs: `${ids.length} candidates by inner product`,
      ms: ms('search'),
    },
    'feature lookup': {
      inputs: `${ids.length} candidate ids, feature store as of day ${day}`,
      outputs: `${ids.length} rows × ${RANKER_DENSE_FEATURES.length} dense + ${rankerFields(world).length} categorical features`,
      ms: ms('feature lookup'),
    },
    ranking: {
      inputs: `${ids.length} feature rows`,
      outputs:
        controls.ranker === 'none'
          ? 'retrieval scores passed through'
          : `${rankerName}: P(click)${scored.watch ? ' and E[watch | click]' : ''}, final score P^${controls.clickWeight}${scored.watch ? ` · E^${controls.watchWeight}` : ''}`,
      ms: ms('ranking'),
    },
    're-rank': {
      inputs: `${ids.length} scored candidates`,
      outputs: `${items.length} videos (${placed.removed.length} dropped: creator cap ${CREATOR_CAP}, watched, duplicates; diversity ${controls.diversity})`,
      ms: ms('re-rank'),
    },
  };
  return {
    items,
    timings: timer.timings,
    totalMs: timer.totalMs,
    details,
    retrieved: ids,
  };
}

function candidate(ctx: FeedContext, id: number, s: number): Candidate {
  const { dim, embeddings, world } = ctx;
  return {
    id,
    score: s,
    creator: world.videos.creator[id]!,
    publishedDay: world.videos.uploadDay[id]!,
    embedding: embeddings.subarray(id * dim, (id + 1) * dim),
  };
}

interface ItemScores {
  retrievalScore: number;
  retrievalRank: number;
  rankerRank: number;
  pClick: number | null;
  watchSec: number | null;
  finalScore: number;
  rerankReasons: string[];
  candidates: number;
}

function item(
  ctx: FeedContext,
  user: FeedUser,
  id: number,
  position: number,
  s: ItemScores,
): FeedItem {
  const { world } = ctx;
  const genre = world.videos.genre[id]!;
  return {
    video: id,
    title: videoTitle(world, id),
    creator: creatorName(world, world.videos.creator[id]!),
    genre: GENRES[genre] ?? 'Unknown',
    durationSec: world.videos.durationSec[id]!,
    position,
    retrievalScore: s.retrievalScore,
    retrievalRank: s.retrievalRank,
    rankerRank: s.rankerRank,
    pClick: s.pClick,
    watchSec: s.watchSec,
    finalScore: s.finalScore,
    reasons: reasons(ctx, user, genre, s),
  };
}

/** "Why it is here", in the order the pipeline decided it. */
function reasons(ctx: FeedContext, user: FeedUser, genre: number, s: ItemScores): string[] {
  const out = [`retrieved #${s.retrievalRank} of ${s.candidates} by the two-tower`];
  if (user.kind === 'new' && user.interests.includes(genre))
    out.push(`matches your interest in ${GENRES[genre]}`);
  if (user.kind === 'known') {
    const share = ctx.store.userFeatures(user.user)[PROFILE + genre]!;
    if (share >= 0.2)
      out.push(`${Math.round(share * 100)}% of your recent watching is ${GENRES[genre]}`);
  }
  if (s.pClick !== null && s.watchSec !== null)
    out.push(`expected ${Math.round(s.pClick * s.watchSec)} s watched`);
  // lib/rerank names the ranker order it saw, which is ours.
  for (const r of s.rerankReasons) out.push(r);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Offline metrics on held-out users
// ---------------------------------------------------------------------------------------------

/** Cut-offs of the recall curve (those ≤ the candidate count are reported). */
export const RECALL_KS = [10, 20, 50, 100, 200, 500, 1000] as const;
export const NDCG_KS = [1, 3, 5, 10, 20] as const;

export interface FeedMetrics {
  units: number;
  /** Mean recall@K of the retrieved candidates (held-out watches of the serving day). */
  recall: { k: number; value: number }[];
  /**
   * NDCG@K of the feed, gain = the world's true expected watch seconds (the oracle), ideal =
   * the best order of the retrieved candidates: how well ranking and re-ranking use them.
   */
  ndcg: { k: number; value: number }[];
  /** Distinct videos in all feeds / videos available. */
  coverage: number;
  /** Mean 1 − pairwise cosine of the feeds' item embeddings. */
  diversity: number;
  /** Mean true expected seconds watched per feed video. */
  watchPerVideo: number;
}

export class MetricsCancelled extends Error {
  constructor() {
    super('Superseded by newer controls.');
    this.name = 'MetricsCancelled';
  }
}

/** Held-out users of the serving day (test split) who watched something new that day. */
export function heldOutUnits(
  world: World,
  day: number,
  maxUnits: number,
  seed: number,
): EvalUnit[] {
  return evaluationUnits(world, { split: 'test', maxUnits: 4 * maxUnits, seed })
    .filter((u) => u.day === day)
    .slice(0, maxUnits);
}

/**
 * Serves every unit's feed with `controls` and measures it. `stale` is asked between units: a
 * page whose controls moved on stops the old run (it then throws MetricsCancelled).
 */
export async function feedMetrics(
  ctx: FeedContext,
  units: readonly EvalUnit[],
  controls: FeedControls,
  stale: () => boolean = () => false,
): Promise<FeedMetrics> {
  const c = clampControls(controls);
  const recallKs = RECALL_KS.filter((k) => k <= c.candidates);
  const recall = recallKs.map(() => 0);
  const ndcg = NDCG_KS.map(() => 0);
  const shown = new Set<number>();
  let div = 0;
  let divN = 0;
  let watch = 0;
  let watchN = 0;
  let n = 0;
  const day = ctx.store.day;
  for (const unit of units) {
    if (stale()) throw new MetricsCancelled();
    const feed = await serveFeed(ctx, { kind: 'known', user: unit.user }, c);
    const retrieved = Array.from(feed.retrieved);
    recallKs.forEach((k, i) => (recall[i]! += recallAtK(retrieved, unit.relevant, k)));
    const gains = new Map(retrieved.map((v) => [v, trueScore(ctx.world, unit.user, v, day)]));
    const page = feed.items.map((it) => it.video);
    NDCG_KS.forEach((k, i) => (ndcg[i]! += ndcgOr0(page, gains, k)));
    for (const v of page) {
      shown.add(v);
      watch += gains.get(v) ?? 0;
      watchN++;
    }
    const d = intraListDiversity(page.map((v) => candidate(ctx, v, 0).embedding));
    if (!Number.isNaN(d)) {
      div += d;
      divN++;
    }
    n++;
  }
  let available = 0;
  for (let v = 0; v < ctx.world.videos.count; v++)
    if (ctx.world.videos.uploadDay[v]! <= day) available++;
  return {
    units: n,
    recall: recallKs.map((k, i) => ({ k, value: n ? recall[i]! / n : NaN })),
    ndcg: NDCG_KS.map((k, i) => ({ k, value: n ? ndcg[i]! / n : NaN })),
    coverage: shown.size / Math.max(1, available),
    diversity: divN ? div / divN : NaN,
    watchPerVideo: watchN ? watch / watchN : NaN,
  };
}

function ndcgOr0(page: number[], gains: ReadonlyMap<number, number>, k: number): number {
  const v = ndcgAtK(page, gains, k);
  return Number.isNaN(v) ? 0 : v;
}
