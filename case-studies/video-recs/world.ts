/**
 * The seeded world of the video-recommendation case: users, creators, videos, and an
 * impression log of home-feed sessions over several simulated days, plus the ground truth the
 * generator used (so evaluation can compare any model with the oracle).
 *
 * Memory layout. Everything per user, per video, per session and per impression is a typed
 * array (struct of arrays), so 1M videos and millions of impressions fit in a browser tab and
 * the whole World can be posted to a Web Worker (structured clone, or transfer the buffers).
 * Titles and creator names are not stored: they are pure functions of (world seed, id).
 *
 * Entities. Users: age band, country, language (their country's; 15 % use English), device,
 * a log-normal feed-session rate, a sign-up day (15 % join during the simulation: cold start)
 * and a taste θ over K latent topics (1–3 favourite topics plus a lean shared by their age
 * band, so profile features predict taste a little). Creators: genre, language, a niche topic
 * and an output volume (log-normal: a few channels upload most videos); the first creators are
 * film studios that own the 3,201 real films. Videos: genre (the film's real genre, else
 * mostly the creator's; 3 % missing), language (the creator's), duration (the film's running
 * time, else log-normal around a genre median; 15 % shorts under a minute), upload day
 * (uniform over −historyDays … days−1, so a few % are uploaded during the log), topic vector
 * φ = genre topics + creator niche + sparse noise, base popularity (log-normal, part channel
 * reach) and quality (from the IMDB rating for films).
 *
 * The generative model, term by term (all coefficients in `TruthModel`, defaults in
 * DEFAULT_TRUTH):
 *
 *   taste match   m(u, v)  = cos(θ_u, φ_v) ∈ [0, 1]        θ, φ: non-negative K-topic vectors
 *   click logit   ℓ_c      = b0 + α·(m − m̄)               why: people click what they like
 *                          + lang(u, v)                    why: a video in a language the user
 *                                                          does not speak is rarely clicked
 *                          + β·ln(pop_v)/σ_pop             why: broad appeal (thumbnail, topic
 *                                                          of the day) independent of taste
 *                          + γ·exp(−age/τ)                 why: fresh uploads get a curiosity
 *                                                          boost that fades within days
 *                          + (κ + ½·ρ_device)·ln(dur/300 s) why: a long video is a bigger
 *                                                          commitment (κ < 0); phones prefer
 *                                                          short videos, TVs long ones (ρ)
 *   P(click | slot k)      = e_k · σ(ℓ_c), e_k = (1+k)^−η  position-based model: the user must
 *                                                          first look at slot k (examination)
 *   watch fraction mean w  = σ(c0 + δ·(m − m̄) + q_v + (ρ_device − λ)·ln(dur/300 s))
 *                                                          why: liked and good (q) videos are
 *                                                          watched further; long ones are
 *                                                          abandoned earlier (λ ≈ 1 keeps
 *                                                          E[watch] = w·dur growing only
 *                                                          slowly with duration, so 2-hour
 *                                                          films do not win every feed)
 *   watch fraction f       ~ Beta(w/(1−w), 1) (mean w), watch seconds = f · dur
 *
 * Appeal (pop) drives clicks and quality (q) drives watch fraction, independently: a CTR model
 * alone promotes clickbait, a watch-time model does not (the case's multi-task lesson).
 *
 * The logging policy (the "production recommender" whose feeds we log) is deliberately
 * mediocre and biased: it sees a noisy copy of each user's taste, mixes candidates from the
 * user's favourite topics, global popularity, fresh uploads and uniform exploration, ranks them
 * by a noisy estimate of the click logit, and shows the top `slateSize`. In a small randomised
 * bucket (`randomizedFraction` of sessions) the shown slate is shuffled, which is how position
 * bias can be measured without confounding by relevance.
 */
import { createRng, type Rng } from '../../lib/random';
import moviesJson from './movies.generated.json';

// ---------------------------------------------------------------------------------------------
// Vocabularies
// ---------------------------------------------------------------------------------------------

/** Film genres (from the real catalogue) first, then platform-native ones, then Unknown. */
export const GENRES = [
  'Drama',
  'Comedy',
  'Action',
  'Adventure',
  'Thriller/Suspense',
  'Horror',
  'Romantic Comedy',
  'Musical',
  'Documentary',
  'Black Comedy',
  'Western',
  'Concert/Performance',
  'Gaming',
  'Music',
  'Vlog',
  'How-to',
  'Sports',
  'News',
  'Kids',
  'Science',
  'Unknown',
] as const;
export const UNKNOWN_GENRE = GENRES.length - 1;

/** Video topic vectors are stored as round(φ · TOPIC_SCALE) in a Uint8Array. */
export const TOPIC_SCALE = 255;

export const LANGUAGES = ['en', 'es', 'pt', 'hi', 'ja', 'de', 'fr', 'ko', 'id', 'ar'] as const;
const EN = 0;

/** Country, its main language (index into LANGUAGES) and share of users. */
const COUNTRY_TABLE: ReadonlyArray<readonly [string, number, number]> = [
  ['US', 0, 0.18],
  ['IN', 3, 0.14],
  ['BR', 2, 0.1],
  ['MX', 1, 0.08],
  ['ID', 8, 0.08],
  ['GB', 0, 0.06],
  ['JP', 4, 0.06],
  ['ES', 1, 0.05],
  ['DE', 5, 0.05],
  ['FR', 6, 0.05],
  ['KR', 7, 0.05],
  ['EG', 9, 0.1],
];
export const COUNTRIES = COUNTRY_TABLE.map((c) => c[0]);
export const DEVICES = ['mobile', 'desktop', 'tv', 'tablet'] as const;
const DEVICE_SHARE = [0.6, 0.2, 0.12, 0.08];
export const AGE_BANDS = ['13-17', '18-24', '25-34', '35-44', '45-54', '55+'] as const;
const AGE_SHARE = [0.12, 0.22, 0.25, 0.18, 0.12, 0.11];
/** Share of creators per language (videos follow their creator's language). */
const LANGUAGE_SHARE = [0.4, 0.14, 0.08, 0.1, 0.05, 0.04, 0.05, 0.04, 0.06, 0.04];

/**
 * Platform genres for generated videos: share of creators, median duration (seconds) and title
 * formats. Film genres appear too, as short films, trailers and essays.
 */
const GENERATED_GENRES: Record<number, { share: number; medianSec: number; formats: string[] }> = {
  0: { share: 0.03, medianSec: 900, formats: ['short film', 'scene breakdown', 'monologue'] },
  1: { share: 0.1, medianSec: 240, formats: ['sketch', 'stand-up clip', 'prank', 'parody'] },
  2: { share: 0.03, medianSec: 420, formats: ['fight scene', 'stunt reel', 'trailer'] },
  3: { share: 0.04, medianSec: 720, formats: ['travel diary', 'expedition', 'road trip'] },
  4: { share: 0.01, medianSec: 900, formats: ['mystery short', 'true crime'] },
  5: { share: 0.02, medianSec: 600, formats: ['scary story', 'horror short'] },
  6: { share: 0.01, medianSec: 600, formats: ['rom-com short', 'date story'] },
  7: { share: 0.01, medianSec: 300, formats: ['musical number', 'dance cover'] },
  8: { share: 0.04, medianSec: 1500, formats: ['documentary', 'video essay', 'explainer'] },
  9: { share: 0.01, medianSec: 420, formats: ['dark comedy short'] },
  10: { share: 0.005, medianSec: 900, formats: ['western short'] },
  11: { share: 0.02, medianSec: 2400, formats: ['live concert', 'festival set'] },
  12: { share: 0.14, medianSec: 1200, formats: ["let's play", 'speedrun', 'boss guide', 'stream'] },
  13: { share: 0.13, medianSec: 230, formats: ['official video', 'cover', 'lyric video', 'remix'] },
  14: { share: 0.1, medianSec: 600, formats: ['vlog', 'day in my life', 'Q&A'] },
  15: { share: 0.09, medianSec: 480, formats: ['tutorial', 'how-to', 'tips', 'DIY'] },
  16: { share: 0.07, medianSec: 360, formats: ['highlights', 'analysis', 'training'] },
  17: { share: 0.05, medianSec: 300, formats: ['news brief', 'interview', 'debate'] },
  18: { share: 0.06, medianSec: 420, formats: ['cartoon', 'nursery song', 'toy review'] },
  19: { share: 0.05, medianSec: 780, formats: ['experiment', 'lecture', 'explainer'] },
};
const SHORT_GENERATED_FRACTION = 0.15;
const NOISE_AMOUNTS = [0.5, 0.25];
const NICHE_WEIGHT = 0.6;
const UNKNOWN_GENERATED_FRACTION = 0.03;

// ---------------------------------------------------------------------------------------------
// The real catalogue (scripts/extract-movies.ts)
// ---------------------------------------------------------------------------------------------

interface Movie {
  title: string;
  genre: number;
  year: number;
  runtimeMin: number;
  imdbRating: number;
}

let moviesCache: Movie[] | null = null;

/** The 3,201 real films from vega-datasets, genres mapped onto GENRES (missing → Unknown). */
export function movieCatalogue(): readonly Movie[] {
  if (moviesCache) return moviesCache;
  const src = moviesJson as { genres: string[]; rows: (string | number)[][] };
  const genreMap = src.genres.map((g) => {
    const i = (GENRES as readonly string[]).indexOf(g);
    if (i < 0) throw new Error(`movies.generated.json: genre ${g} is not in GENRES`);
    return i;
  });
  moviesCache = src.rows.map(([title, genre, year, runtime, rating]) => ({
    title: String(title),
    genre: Number(genre) < 0 ? UNKNOWN_GENRE : genreMap[Number(genre)]!,
    year: Number(year),
    runtimeMin: Number(runtime),
    imdbRating: Number(rating) / 10,
  }));
  return moviesCache;
}

// ---------------------------------------------------------------------------------------------
// Options and ground-truth coefficients
// ---------------------------------------------------------------------------------------------

/** Coefficients of the generative model (see the file header for the formulas). */
export interface TruthModel {
  /** b0: click logit offset (sets the overall CTR). */
  clickBase: number;
  /** α: weight of taste match in the click logit. */
  tasteWeight: number;
  /** m̄: taste match considered neutral. */
  tasteCenter: number;
  /** β: weight of (standardised) log popularity in the click logit. */
  popularityWeight: number;
  /** σ_pop: log-popularity standard deviation (heavy tail of base popularity). */
  popularitySigma: number;
  /** γ and τ (days): freshness boost γ·exp(−age/τ). */
  freshnessWeight: number;
  freshnessDays: number;
  /** η: examination probability at slot k is (1 + k)^−η. */
  positionDecay: number;
  /** Click-logit penalty when the video is in English / another language the user lacks. */
  englishPenalty: number;
  foreignPenalty: number;
  /** ρ per device (DEVICES order): preference for long videos per unit of ln(dur / 300 s). */
  deviceDurationPreference: number[];
  /** κ: click-logit weight of ln(dur / 300 s) for everyone (long videos are a commitment). */
  clickDurationWeight: number;
  /** c0, δ, λ of the watch-fraction model. */
  watchBase: number;
  watchTasteWeight: number;
  watchDurationDecay: number;
}

export const DEFAULT_TRUTH: TruthModel = {
  clickBase: -3.6,
  tasteWeight: 5,
  tasteCenter: 0.3,
  popularityWeight: 0.6,
  popularitySigma: 1.5,
  freshnessWeight: 1,
  freshnessDays: 3,
  positionDecay: 0.7,
  englishPenalty: -1.2,
  foreignPenalty: -2.5,
  deviceDurationPreference: [-0.3, 0.1, 0.4, 0],
  clickDurationWeight: -0.4,
  watchBase: 0,
  watchTasteWeight: 3,
  watchDurationDecay: 1.1,
};

export interface WorldOptions {
  seed: number;
  users: number;
  videos: number;
  /** Simulated days of logged feeds (days 0 … days−1). */
  days: number;
  /** Latent topics K (default 16). */
  topics?: number;
  /** Videos per feed (default 10). */
  slateSize?: number;
  /** Candidates the logging policy ranks per feed (default 2 × slateSize). */
  candidatesPerSlate?: number;
  /** Videos were uploaded uniformly over days −historyDays … days−1 (default 180). */
  historyDays?: number;
  /** Mean feed sessions per active user per day (default 0.7; per-user rate is log-normal). */
  sessionsPerUserDay?: number;
  /** Share of users who sign up during the simulation rather than before day 0 (default 0.15). */
  newUserFraction?: number;
  /** Share of sessions whose slate is shown in random order (default 0.05). */
  randomizedFraction?: number;
  /** Number of creators (default max(20, videos / 25)); the first ones are film studios. */
  creators?: number;
  /** The last testDays days are the test split, the validationDays before them validation. */
  validationDays?: number;
  testDays?: number;
  truth?: Partial<TruthModel>;
}

/** Sizes the app offers: the catalogue grows, the log (users × days) stays browser-sized. */
export const WORLD_PRESETS = {
  small: { seed: 1, users: 5_000, videos: 10_000, days: 14 },
  medium: { seed: 1, users: 10_000, videos: 100_000, days: 14 },
  large: { seed: 1, users: 10_000, videos: 1_000_000, days: 14 },
} as const satisfies Record<string, WorldOptions>;

export type ResolvedWorldOptions = Required<Omit<WorldOptions, 'truth'>> & { truth: TruthModel };

// ---------------------------------------------------------------------------------------------
// The World
// ---------------------------------------------------------------------------------------------

export interface Users {
  count: number;
  /** Indices into AGE_BANDS, COUNTRIES, LANGUAGES, DEVICES. */
  ageBand: Uint8Array;
  country: Uint8Array;
  language: Uint8Array;
  device: Uint8Array;
  /** First day the user is active (0 = signed up before the simulation). */
  firstDay: Int16Array;
  /** Mean feed sessions per day. */
  activity: Float32Array;
  /** θ: latent taste, row-major [count × topics], non-negative, unit L2 norm. Ground truth. */
  taste: Float32Array;
}

export interface Creators {
  count: number;
  /** Creators 0 … studios−1 are film studios that own the real films. */
  studios: number;
  genre: Uint8Array;
  language: Uint8Array;
}

export interface Videos {
  count: number;
  /** Videos 0 … movieCount−1 are the real films (titles and genres from vega-datasets). */
  movieCount: number;
  genre: Uint8Array;
  creator: Int32Array;
  language: Uint8Array;
  durationSec: Float32Array;
  /** Day of upload; negative = before the simulation. */
  uploadDay: Int16Array;
  /**
   * φ: latent topic vector, row-major [count × topics], quantised: φ = topic / TOPIC_SCALE
   * (non-negative, unit norm up to rounding). One byte per topic keeps 1M videos at 16 MB.
   * Ground truth.
   */
  topic: Uint8Array;
  /** Base popularity (log-normal, heavy-tailed; mean ≈ e^{σ²/2}). Ground truth. */
  popularity: Float32Array;
  /** Quality q (drives watch fraction, not clicks). Ground truth. */
  quality: Float32Array;
}

/** Feed sessions, ordered by day. Session s shows impressions s·slateSize … (s+1)·slateSize−1. */
export interface Sessions {
  count: number;
  user: Int32Array;
  day: Int16Array;
  /** 1 = slate shown in random order (the randomised bucket). */
  randomized: Uint8Array;
  /** Sessions of day d are dayStart[d] … dayStart[d+1]−1 (length days + 1). */
  dayStart: Int32Array;
}

/** Impression i is slot (i mod slateSize) of session ⌊i / slateSize⌋. */
export interface Impressions {
  count: number;
  slateSize: number;
  video: Int32Array;
  click: Uint8Array;
  /** Seconds watched (0 without a click). */
  watchSec: Float32Array;
}

/** Per-user clicked impressions in time order (CSR): user u's are impression[offsets[u] … offsets[u+1]−1]. */
export interface WatchHistory {
  offsets: Int32Array;
  impression: Int32Array;
}

export interface Split {
  /** Train = days [0, trainEnd), validation = [trainEnd, validationEnd), test = [validationEnd, days). */
  trainEnd: number;
  validationEnd: number;
  days: number;
}

export type SplitName = 'train' | 'validation' | 'test';
export const SPLITS: readonly SplitName[] = ['train', 'validation', 'test'];

export interface World {
  options: ResolvedWorldOptions;
  /** Seed of the title and name functions. */
  nameSeed: number;
  users: Users;
  creators: Creators;
  videos: Videos;
  sessions: Sessions;
  impressions: Impressions;
  history: WatchHistory;
  split: Split;
}

export function resolveOptions(opts: WorldOptions): ResolvedWorldOptions {
  const slateSize = opts.slateSize ?? 10;
  const days = opts.days;
  const validationDays = opts.validationDays ?? 2;
  const testDays = opts.testDays ?? 2;
  const resolved: ResolvedWorldOptions = {
    seed: opts.seed,
    users: opts.users,
    videos: opts.videos,
    days,
    topics: opts.topics ?? 16,
    slateSize,
    candidatesPerSlate: opts.candidatesPerSlate ?? 2 * slateSize,
    historyDays: opts.historyDays ?? 180,
    sessionsPerUserDay: opts.sessionsPerUserDay ?? 0.7,
    newUserFraction: opts.newUserFraction ?? 0.15,
    randomizedFraction: opts.randomizedFraction ?? 0.05,
    creators: opts.creators ?? Math.max(20, Math.round(opts.videos / 25)),
    validationDays,
    testDays,
    truth: { ...DEFAULT_TRUTH, ...opts.truth },
  };
  const problems: string[] = [];
  if (!(resolved.users >= 1)) problems.push('users must be ≥ 1');
  if (!(resolved.videos >= 10 * slateSize)) problems.push('videos must be ≥ 10 × slateSize');
  if (resolved.videos > 2 ** 31 - 1) problems.push('videos must fit an Int32');
  if (!(resolved.topics >= 2 && resolved.topics <= 64)) problems.push('topics must be 2…64');
  if (!(slateSize >= 1 && slateSize <= 255)) problems.push('slateSize must be 1…255');
  if (resolved.candidatesPerSlate < slateSize) problems.push('candidatesPerSlate < slateSize');
  if (!(days >= validationDays + testDays + 1)) {
    problems.push('days must leave at least one training day');
  }
  if (days + resolved.historyDays > 32_000) problems.push('days + historyDays must fit an Int16');
  if (resolved.creators < 2) problems.push('creators must be ≥ 2');
  if (problems.length) throw new Error(`generateWorld: ${problems.join('; ')}`);
  return resolved;
}

// ---------------------------------------------------------------------------------------------
// Small samplers
// ---------------------------------------------------------------------------------------------

function categorical(weights: readonly number[], u: number): number {
  let total = 0;
  for (const w of weights) total += w;
  let t = u * total;
  for (let i = 0; i < weights.length; i++) {
    t -= weights[i]!;
    if (t < 0) return i;
  }
  return weights.length - 1;
}

function poisson(lambda: number, rng: Rng): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

/**
 * Walker's alias tables for weights[start … end), written into prob/alias at the same indices
 * (alias holds absolute indices). O(n) to build, O(1) per draw.
 */
function buildAlias(
  weights: Float64Array,
  start: number,
  end: number,
  prob: Float32Array,
  alias: Int32Array,
  work: Int32Array,
): void {
  const n = end - start;
  if (n <= 0) return;
  let total = 0;
  for (let i = start; i < end; i++) total += weights[i]!;
  // Scaled probabilities in a scratch array; small/large stacks share `work`.
  let small = 0;
  let large = n;
  const scaled = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = (weights[start + i]! * n) / total;
    scaled[i] = p;
    if (p < 1) work[start + small++] = i;
    else work[start + --large] = i;
  }
  while (small > 0 && large < n) {
    const s = work[start + --small]!;
    const l = work[start + large]!;
    prob[start + s] = scaled[s]!;
    alias[start + s] = start + l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    if (scaled[l]! < 1) {
      large++;
      work[start + small++] = l;
    }
  }
  while (large < n) {
    const l = work[start + large++]!;
    prob[start + l] = 1;
    alias[start + l] = start + l;
  }
  while (small > 0) {
    const s = work[start + --small]!;
    prob[start + s] = 1;
    alias[start + s] = start + s;
  }
}

interface AliasTable {
  /**
   * One draw from group [groupStart, groupStart + groupLength) with one uniform u: the slot is
   * ⌊u·n⌋ and the fractional part is the coin (32-bit u leaves ≥ 12 bits of coin for n ≤ 1M).
   */
  draw(groupStart: number, groupLength: number, u: number): number;
}

/**
 * An alias table packed for cache locality: per slot [prob (f32), own video id, alias video id,
 * pad] in one 16-byte record, so a draw touches one cache line. `ids` maps slot → video id
 * (null = identity); `groups` (offsets) builds one table per group [groups[g], groups[g+1]).
 */
function packAlias(weights: Float64Array, ids: Int32Array | null, groups?: Int32Array): AliasTable {
  const n = weights.length;
  const prob = new Float32Array(n);
  const alias = new Int32Array(n);
  const work = new Int32Array(n);
  const bounds = groups ?? Int32Array.of(0, n);
  for (let g = 0; g + 1 < bounds.length; g++) {
    buildAlias(weights, bounds[g]!, bounds[g + 1]!, prob, alias, work);
  }
  const buffer = new ArrayBuffer(16 * n);
  const f = new Float32Array(buffer);
  const i32 = new Int32Array(buffer);
  for (let i = 0; i < n; i++) {
    f[4 * i] = prob[i]!;
    i32[4 * i + 1] = ids ? ids[i]! : i;
    i32[4 * i + 2] = ids ? ids[alias[i]!]! : alias[i]!;
  }
  return {
    draw(groupStart, groupLength, u) {
      const x = u * groupLength;
      const k = Math.floor(x);
      const i = groupStart + k;
      return x - k < f[4 * i]! ? i32[4 * i + 1]! : i32[4 * i + 2]!;
    },
  };
}

function normaliseRow(m: Float32Array, row: number, k: number): void {
  let s = 0;
  for (let j = 0; j < k; j++) s += m[row * k + j]! ** 2;
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
  for (let j = 0; j < k; j++) m[row * k + j]! *= inv;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** A 32-bit integer hash (murmur3 finaliser over two words), for names and titles. */
function hash2(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Ground truth
// ---------------------------------------------------------------------------------------------

/** m(u, v) = cos(θ_u, φ_v) (both unit vectors). */
export function tasteMatch(world: World, user: number, video: number): number {
  const k = world.options.topics;
  const t = world.users.taste;
  const p = world.videos.topic;
  let s = 0;
  for (let j = 0; j < k; j++) s += t[user * k + j]! * p[video * k + j]!;
  return s / TOPIC_SCALE;
}

function languageTerm(truth: TruthModel, userLang: number, videoLang: number): number {
  if (userLang === videoLang) return 0;
  return videoLang === EN ? truth.englishPenalty : truth.foreignPenalty;
}

/** Examination probability of slot `position` (0 = top). */
export function examination(world: World, position: number): number {
  return (1 + position) ** -world.options.truth.positionDecay;
}

/** Freshness boost γ·exp(−age/τ) of a video on `day` (0 before upload: not available). */
export function freshnessTerm(world: World, video: number, day: number): number {
  const age = day - world.videos.uploadDay[video]!;
  const t = world.options.truth;
  return age < 0 ? 0 : t.freshnessWeight * Math.exp(-age / t.freshnessDays);
}

/** The parts of the true click logit, separately (for analyses such as "CTR at equal match"). */
export function clickLogitParts(
  world: World,
  user: number,
  video: number,
  day: number,
): {
  base: number;
  taste: number;
  language: number;
  popularity: number;
  fresh: number;
  duration: number;
} {
  const t = world.options.truth;
  const v = world.videos;
  const m = tasteMatch(world, user, video);
  const durLog = Math.log(v.durationSec[video]! / 300);
  return {
    base: t.clickBase,
    taste: t.tasteWeight * (m - t.tasteCenter),
    language: languageTerm(t, world.users.language[user]!, v.language[video]!),
    popularity: (t.popularityWeight * Math.log(v.popularity[video]!)) / t.popularitySigma,
    fresh: freshnessTerm(world, video, day),
    duration:
      (t.clickDurationWeight + 0.5 * t.deviceDurationPreference[world.users.device[user]!]!) *
      durLog,
  };
}

/** P(click | the user looks at the video) on `day`: σ(ℓ_c), without position. 0 before upload. */
export function trueClickProb(world: World, user: number, video: number, day: number): number {
  if (world.videos.uploadDay[video]! > day) return 0;
  const p = clickLogitParts(world, user, video, day);
  return sigmoid(p.base + p.taste + p.language + p.popularity + p.fresh + p.duration);
}

/** Mean watch fraction w(u, v) given a click. */
export function trueWatchFraction(world: World, user: number, video: number): number {
  const t = world.options.truth;
  const v = world.videos;
  const m = tasteMatch(world, user, video);
  const durLog = Math.log(v.durationSec[video]! / 300);
  const rho = t.deviceDurationPreference[world.users.device[user]!]!;
  return sigmoid(
    t.watchBase +
      t.watchTasteWeight * (m - t.tasteCenter) +
      v.quality[video]! +
      (rho - t.watchDurationDecay) * durLog,
  );
}

/** Expected seconds watched given a click. */
export function trueWatchSec(world: World, user: number, video: number): number {
  return trueWatchFraction(world, user, video) * world.videos.durationSec[video]!;
}

/**
 * The true relevance for the case's objective: expected seconds watched if the video is shown
 * in the top slot on `day` = P(click | examined) · E[watch seconds | click]. 0 before upload.
 */
export function trueScore(world: World, user: number, video: number, day: number): number {
  const p = trueClickProb(world, user, video, day);
  return p === 0 ? 0 : p * trueWatchSec(world, user, video);
}

/**
 * The oracle's top-k videos for a user on a day, by trueScore (ties by id), among `candidates`
 * or, by default, every video uploaded by that day. `exclude` drops videos (e.g. already
 * watched). Exact scan: about 1M videos × K in tens of ms.
 */
export function oracleRanking(
  world: World,
  user: number,
  day: number,
  k: number,
  options: { candidates?: ArrayLike<number>; exclude?: ReadonlySet<number> } = {},
): Int32Array {
  const cands = options.candidates;
  const n = cands ? cands.length : world.videos.count;
  const topIds = new Int32Array(k).fill(-1);
  const topScores = new Float64Array(k).fill(-Infinity);
  let filled = 0;
  for (let i = 0; i < n; i++) {
    const v = cands ? cands[i]! : i;
    if (world.videos.uploadDay[v]! > day || options.exclude?.has(v)) continue;
    const s = trueScore(world, user, v, day);
    if (
      filled === k &&
      !(s > topScores[k - 1]! || (s === topScores[k - 1]! && v < topIds[k - 1]!))
    ) {
      continue;
    }
    let j = filled < k ? filled++ : k - 1;
    while (j > 0 && (s > topScores[j - 1]! || (s === topScores[j - 1]! && v < topIds[j - 1]!))) {
      topScores[j] = topScores[j - 1]!;
      topIds[j] = topIds[j - 1]!;
      j--;
    }
    topScores[j] = s;
    topIds[j] = v;
  }
  return topIds.subarray(0, filled);
}

// ---------------------------------------------------------------------------------------------
// Accessors
// ---------------------------------------------------------------------------------------------

export const impressionSession = (world: World, i: number): number =>
  Math.floor(i / world.impressions.slateSize);
export const impressionPosition = (world: World, i: number): number =>
  i % world.impressions.slateSize;
export const impressionUser = (world: World, i: number): number =>
  world.sessions.user[impressionSession(world, i)]!;
export const impressionDay = (world: World, i: number): number =>
  world.sessions.day[impressionSession(world, i)]!;

/** Days [start, end) of a split. */
export function splitDays(world: World, split: SplitName): [number, number] {
  const s = world.split;
  if (split === 'train') return [0, s.trainEnd];
  if (split === 'validation') return [s.trainEnd, s.validationEnd];
  return [s.validationEnd, s.days];
}

export function splitOfDay(world: World, day: number): SplitName {
  if (day < world.split.trainEnd) return 'train';
  return day < world.split.validationEnd ? 'validation' : 'test';
}

/** Impressions [start, end) logged on days [fromDay, toDay) (contiguous: the log is day-ordered). */
export function dayImpressionRange(world: World, fromDay: number, toDay: number): [number, number] {
  const d0 = Math.max(0, Math.min(world.split.days, fromDay));
  const d1 = Math.max(d0, Math.min(world.split.days, toDay));
  const s = world.impressions.slateSize;
  return [world.sessions.dayStart[d0]! * s, world.sessions.dayStart[d1]! * s];
}

export function splitImpressionRange(world: World, split: SplitName): [number, number] {
  const [a, b] = splitDays(world, split);
  return dayImpressionRange(world, a, b);
}

/** A user's clicked impressions (chronological) logged before `beforeDay` (default: all). */
export function watchHistory(world: World, user: number, beforeDay = Infinity): Int32Array {
  const h = world.history;
  const start = h.offsets[user]!;
  let lo = start;
  let hi = h.offsets[user + 1]!;
  // First entry with day ≥ beforeDay (entries are in time order).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (impressionDay(world, h.impression[mid]!) < beforeDay) lo = mid + 1;
    else hi = mid;
  }
  return h.impression.subarray(start, lo);
}

/** Builds the per-user watch history from the log (exported so tests can rebuild it after editing a log). */
export function buildWatchHistory(
  users: number,
  sessions: Pick<Sessions, 'user'>,
  impressions: Pick<Impressions, 'count' | 'slateSize' | 'click'>,
): WatchHistory {
  const offsets = new Int32Array(users + 1);
  const s = impressions.slateSize;
  for (let i = 0; i < impressions.count; i++) {
    if (impressions.click[i]) offsets[sessions.user[Math.floor(i / s)]! + 1]! += 1;
  }
  for (let u = 0; u < users; u++) offsets[u + 1]! += offsets[u]!;
  const fill = offsets.slice(0, users);
  const impression = new Int32Array(offsets[users]!);
  for (let i = 0; i < impressions.count; i++) {
    if (impressions.click[i]) impression[fill[sessions.user[Math.floor(i / s)]!]!++] = i;
  }
  return { offsets, impression };
}

const VIDEO_WORDS = [
  'Pixel',
  'Golden',
  'Midnight',
  'Urban',
  'Cosmic',
  'Quiet',
  'Wild',
  'Electric',
  'Paper',
  'Silver',
  'Happy',
  'Northern',
  'Tiny',
  'Bold',
  'Lazy',
  'Crimson',
];
const CHANNEL_NOUNS = [
  'Fox',
  'Kitchen',
  'Garage',
  'Owl',
  'Studio',
  'Lab',
  'Valley',
  'Harbor',
  'Comet',
  'Forest',
  'Robot',
  'Atlas',
];
const CHANNEL_SUFFIX = ['TV', 'Channel', 'Official', 'Daily', 'Plays', 'Live', 'HQ', 'Media'];

/** A video's title: the real film title for v < movieCount, otherwise generated from the seed. */
export function videoTitle(world: World, video: number): string {
  const v = world.videos;
  if (video < v.movieCount) return movieCatalogue()[video]!.title;
  const h = hash2(world.nameSeed, video);
  const g = v.genre[video]!;
  const spec = GENERATED_GENRES[g];
  const format = spec ? spec.formats[h % spec.formats.length]! : 'upload';
  const word = VIDEO_WORDS[(h >>> 8) % VIDEO_WORDS.length]!;
  const genre = g === UNKNOWN_GENRE ? '' : `${GENRES[g]} `;
  const short = v.durationSec[video]! <= 60 ? ' #shorts' : '';
  return `${word} ${genre}${format} #${video}${short}`;
}

export function creatorName(world: World, creator: number): string {
  if (creator < world.creators.studios) return `Film Studio ${creator + 1}`;
  const h = hash2(world.nameSeed ^ 0x5bd1e995, creator);
  return (
    `${VIDEO_WORDS[h % VIDEO_WORDS.length]} ${CHANNEL_NOUNS[(h >>> 8) % CHANNEL_NOUNS.length]} ` +
    `${CHANNEL_SUFFIX[(h >>> 16) % CHANNEL_SUFFIX.length]} ${creator}`
  );
}

/** Bytes held by the world's typed arrays (what a worker transfer moves). */
export function worldBytes(world: World): number {
  let total = 0;
  for (const part of [
    world.users,
    world.creators,
    world.videos,
    world.sessions,
    world.impressions,
    world.history,
  ]) {
    for (const value of Object.values(part)) {
      if (ArrayBuffer.isView(value)) total += value.byteLength;
    }
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// Generation
// ---------------------------------------------------------------------------------------------

/** Growable Int32 buffer for the session list (its length is only known after sampling). */
class IntBuffer {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
}

function generateUsers(o: ResolvedWorldOptions, rng: Rng): Users & { policyTaste: Float32Array } {
  const n = o.users;
  const K = o.topics;
  const ageBand = new Uint8Array(n);
  const country = new Uint8Array(n);
  const language = new Uint8Array(n);
  const device = new Uint8Array(n);
  const firstDay = new Int16Array(n);
  const activity = new Float32Array(n);
  const taste = new Float32Array(n * K);
  const policyTaste = new Float32Array(n * K);
  const countryShare = COUNTRY_TABLE.map((c) => c[2]);
  // Each age band leans towards one topic, so age band is a (weak) predictor of taste.
  const ageTopic = AGE_BANDS.map(() => rng.int(K));
  const sigmaAct = 0.8;
  for (let u = 0; u < n; u++) {
    ageBand[u] = categorical(AGE_SHARE, rng.next());
    const c = categorical(countryShare, rng.next());
    country[u] = c;
    // Most users use their country's language; some use English (UI language, bilingual).
    language[u] = rng.next() < 0.15 ? EN : COUNTRY_TABLE[c]![1];
    device[u] = categorical(DEVICE_SHARE, rng.next());
    firstDay[u] = rng.next() < o.newUserFraction ? 1 + rng.int(Math.max(1, o.days - 1)) : 0;
    // Log-normal activity with mean sessionsPerUserDay: a few heavy users, many light ones.
    activity[u] = o.sessionsPerUserDay * Math.exp(sigmaAct * rng.normal() - sigmaAct ** 2 / 2);
    // Taste: 1–3 favourite topics with exponential weights, an age-band lean, a little of all.
    const row = u * K;
    const favourites = 1 + rng.int(3);
    for (let f = 0; f < favourites; f++) taste[row + rng.int(K)]! += -Math.log(1 - rng.next());
    taste[row + ageTopic[ageBand[u]!]!]! += 0.4;
    for (let j = 0; j < K; j++) taste[row + j]! += 0.15 * rng.next() ** 3;
    normaliseRow(taste, u, K);
    // What the logging policy believes: the true taste blurred by noise.
    for (let j = 0; j < K; j++) {
      policyTaste[row + j] = Math.max(0, taste[row + j]! + 0.25 * rng.normal());
    }
    normaliseRow(policyTaste, u, K);
  }
  return { count: n, ageBand, country, language, device, firstDay, activity, taste, policyTaste };
}

function generateCreators(
  o: ResolvedWorldOptions,
  rng: Rng,
  studios: number,
): Creators & {
  niche: Uint8Array;
  weight: Float64Array;
  quality: Float32Array;
  appeal: Float32Array;
} {
  const n = o.creators;
  const K = o.topics;
  const genre = new Uint8Array(n);
  const language = new Uint8Array(n);
  const niche = new Uint8Array(n);
  const weight = new Float64Array(n);
  const quality = new Float32Array(n);
  const appeal = new Float32Array(n);
  const genreIds = Object.keys(GENERATED_GENRES).map(Number);
  const genreShare = genreIds.map((g) => GENERATED_GENRES[g]!.share);
  for (let c = 0; c < n; c++) {
    const studio = c < studios;
    genre[c] = studio ? UNKNOWN_GENRE : genreIds[categorical(genreShare, rng.next())]!;
    language[c] = studio ? EN : categorical(LANGUAGE_SHARE, rng.next());
    // Each creator has a niche: one topic of its own on top of its genre's topics.
    niche[c] = rng.int(K);
    // Output volume: log-normal, so a few creators upload a large share of the videos.
    weight[c] = Math.exp(1.2 * rng.normal());
    quality[c] = 0.4 * rng.normal();
    appeal[c] = rng.normal();
  }
  return { count: n, studios, genre, language, niche, weight, quality, appeal };
}

function generateVideos(
  o: ResolvedWorldOptions,
  rng: Rng,
  creators: ReturnType<typeof generateCreators>,
): Videos {
  const n = o.videos;
  const K = o.topics;
  const movies = movieCatalogue();
  const movieCount = Math.min(n, movies.length);
  const genre = new Uint8Array(n);
  const creator = new Int32Array(n);
  const language = new Uint8Array(n);
  const durationSec = new Float32Array(n);
  const uploadDay = new Int16Array(n);
  const topic = new Uint8Array(n * K);
  const row = new Float32Array(K);
  const popularity = new Float32Array(n);
  const quality = new Float32Array(n);

  // Each genre sits on one main topic and, more weakly, a second one; genres share topics, so
  // genre is a useful but incomplete description of content. Unknown has no topic of its own.
  const genreTopic = new Float32Array(GENRES.length * K);
  for (let g = 0; g < UNKNOWN_GENRE; g++) {
    genreTopic[g * K + rng.int(K)]! += 1;
    genreTopic[g * K + rng.int(K)]! += 0.4;
  }

  // Creators for generated videos, drawn by output volume (alias table over channels only).
  const studios = creators.studios;
  const channelCount = creators.count - studios;
  const channels = packAlias(creators.weight.subarray(studios), null);

  const genreIds = Object.keys(GENERATED_GENRES).map(Number);
  const genreShare = genreIds.map((g) => GENERATED_GENRES[g]!.share);
  const uploadSpan = o.historyDays + o.days;
  const popSigma = o.truth.popularitySigma;

  for (let v = 0; v < n; v++) {
    let c: number;
    let g: number;
    let dur: number;
    let q: number;
    if (v < movieCount) {
      const m = movies[v]!;
      c = rng.int(studios);
      g = m.genre;
      dur = 60 * (m.runtimeMin > 0 ? m.runtimeMin : Math.max(60, 105 + 15 * rng.normal()));
      q = m.imdbRating > 0 ? 0.5 * (m.imdbRating - 6.3) : 0.5 * rng.normal();
    } else {
      c = studios + channels.draw(0, channelCount, rng.next());
      // Creators stick to their genre most of the time; some metadata is missing. (One
      // uniform serves two decisions: the part of r above 0.8 is again uniform.)
      const r = rng.next();
      if (r < UNKNOWN_GENERATED_FRACTION) g = UNKNOWN_GENRE;
      else if (r < 0.8) g = creators.genre[c]!;
      else g = genreIds[categorical(genreShare, (r - 0.8) / 0.2)]!;
      const rs = rng.next();
      if (rs < SHORT_GENERATED_FRACTION) {
        dur = 15 + (45 * rs) / SHORT_GENERATED_FRACTION;
      } else {
        const spec = GENERATED_GENRES[g === UNKNOWN_GENRE ? creators.genre[c]! : g];
        dur = Math.max(61, (spec?.medianSec ?? 600) * Math.exp(0.7 * rng.normal()));
      }
      q = creators.quality[c]! + 0.5 * rng.normal();
    }
    creator[v] = c;
    genre[v] = g;
    // Videos are in their creator's language; 5 % of channels' uploads are in English.
    language[v] = v >= movieCount && rng.next() < 0.05 ? EN : creators.language[c]!;
    durationSec[v] = Math.round(dur);
    uploadDay[v] = Math.floor(rng.next() * uploadSpan) - o.historyDays;
    // φ = genre topics + creator niche + sparse noise, normalised.
    for (let j = 0; j < K; j++) row[j] = genreTopic[g * K + j]!;
    row[creators.niche[c]!]! += NICHE_WEIGHT;
    // Sparse noise on two random topics (topic = integer part of K·u, amount = the fraction):
    // videos of one genre and creator still differ.
    for (const amount of NOISE_AMOUNTS) {
      const x = rng.next() * K;
      const j = Math.floor(x);
      row[j]! += amount * (x - j);
    }
    normaliseRow(row, 0, K);
    for (let j = 0; j < K; j++) topic[v * K + j] = (row[j]! * TOPIC_SCALE + 0.5) | 0;
    // Heavy-tailed base popularity: log-normal, part creator (channel reach), part the video.
    const z = 0.6 * creators.appeal[c]! + 0.8 * rng.normal();
    popularity[v] = Math.exp(popSigma * z);
    quality[v] = q;
  }
  return {
    count: n,
    movieCount,
    genre,
    creator,
    language,
    durationSec,
    uploadDay,
    topic,
    popularity,
    quality,
  };
}

/**
 * Generates the world. Deterministic in the options: the same options give byte-identical typed
 * arrays. Users, creators, videos and the log draw from separate forks of the seed's stream, so
 * e.g. changing `users` leaves the catalogue unchanged.
 */
export function generateWorld(options: WorldOptions): World {
  const o = resolveOptions(options);
  const root = createRng(o.seed);
  const rngUsers = root.fork();
  const rngCreators = root.fork();
  const rngVideos = root.fork();
  const rngSessions = root.fork();
  const rngLog = root.fork();
  const nameSeed = root.seed32();

  const K = o.topics;
  const S = o.slateSize;
  const C = o.candidatesPerSlate;
  const truth = o.truth;

  const { policyTaste, ...users } = generateUsers(o, rngUsers);
  const studios = Math.max(1, Math.min(40, Math.floor(o.creators / 10)));
  const creatorsFull = generateCreators(o, rngCreators, studios);
  const videos = generateVideos(o, rngVideos, creatorsFull);
  const creators: Creators = {
    count: creatorsFull.count,
    studios,
    genre: creatorsFull.genre,
    language: creatorsFull.language,
  };

  // --- Sessions: day-major, users in id order within a day. ---
  const sessUser = new IntBuffer(Math.ceil(o.users * o.days * o.sessionsPerUserDay * 1.1));
  const sessDay = new IntBuffer(sessUser.data.length);
  const dayStart = new Int32Array(o.days + 1);
  for (let d = 0; d < o.days; d++) {
    dayStart[d] = sessUser.length;
    for (let u = 0; u < o.users; u++) {
      if (users.firstDay[u]! > d) continue;
      const count = poisson(users.activity[u]!, rngSessions);
      for (let s = 0; s < count; s++) {
        sessUser.push(u);
        sessDay.push(d);
      }
    }
  }
  dayStart[o.days] = sessUser.length;
  const nSessions = sessUser.length;
  const sessions: Sessions = {
    count: nSessions,
    user: sessUser.data.slice(0, nSessions),
    day: Int16Array.from(sessDay.data.subarray(0, nSessions)),
    randomized: new Uint8Array(nSessions),
    dayStart,
  };

  // --- Candidate samplers of the logging policy (temporary). ---
  // At 1M videos the log is memory-bound: each candidate is a random video, and every array
  // it touches is a cache (and TLB) miss. So everything the policy and the user model read
  // about a video, and the video's alias-table entry, sit in one 64-byte record ("slot"),
  // with slots grouped by (main topic = argmax φ, language), group g = topic · L + language:
  //   f32 0 popularity term, f32 1 ln(dur / 300 s), i32 2 upload day, i32 3 language,
  //   i32 4 video id, f32 5 alias probability, i32 6 alias slot, f32 7 quality,
  //   f32 8 duration (s), bytes 48… the K topic bytes.
  const V = videos.count;
  const popScale = truth.popularityWeight / truth.popularitySigma;
  const R = 48 + 16 * Math.ceil(K / 16);
  const RW = R / 4;
  const recBuffer = new ArrayBuffer(R * V);
  const recF = new Float32Array(recBuffer);
  const recI = new Int32Array(recBuffer);
  const recB = new Uint8Array(recBuffer);
  const L = LANGUAGES.length;
  const G = K * L;
  const groupStart = new Int32Array(G + 1);
  const slotOf = new Int32Array(V);
  {
    const group = new Uint16Array(V);
    for (let v = 0; v < V; v++) {
      let best = 0;
      for (let j = 1; j < K; j++) {
        if (videos.topic[v * K + j]! > videos.topic[v * K + best]!) best = j;
      }
      group[v] = best * L + videos.language[v]!;
      groupStart[group[v]! + 1]! += 1;
    }
    for (let g = 0; g < G; g++) groupStart[g + 1]! += groupStart[g]!;
    const fill = groupStart.slice(0, G);
    for (let v = 0; v < V; v++) {
      slotOf[v] = fill[group[v]!]!++;
    }
  }
  // Popularity-proportional draws within each group (Walker alias), and the groups' masses as
  // a cumulative table: group ∝ mass then video ∝ popularity within it is exactly video ∝
  // popularity over the union of the groups.
  const massCdf = new Float64Array(G);
  {
    const weight = new Float64Array(V);
    for (let v = 0; v < V; v++) weight[slotOf[v]!] = videos.popularity[v]!;
    const prob = new Float32Array(V);
    const alias = new Int32Array(V);
    const work = new Int32Array(V);
    let acc = 0;
    for (let g = 0; g < G; g++) {
      buildAlias(weight, groupStart[g]!, groupStart[g + 1]!, prob, alias, work);
      for (let i = groupStart[g]!; i < groupStart[g + 1]!; i++) acc += weight[i]!;
      massCdf[g] = acc;
    }
    for (let i = 0; i < V; i++) {
      recF[RW * i + 5] = prob[i]!;
      recI[RW * i + 6] = alias[i]!;
    }
    // In video order: sequential reads, one scattered record write per video.
    for (let v = 0; v < V; v++) {
      const i = slotOf[v]!;
      recF[RW * i] = popScale * Math.log(videos.popularity[v]!);
      recF[RW * i + 1] = Math.log(videos.durationSec[v]! / 300);
      recI[RW * i + 2] = videos.uploadDay[v]!;
      recI[RW * i + 3] = videos.language[v]!;
      recI[RW * i + 4] = v;
      recF[RW * i + 7] = videos.quality[v]!;
      recF[RW * i + 8] = videos.durationSec[v]!;
      for (let j = 0; j < K; j++) recB[R * i + 48 + j] = videos.topic[v * K + j]!;
    }
  }
  // Per language, cumulative mass over topics (popular videos in one language).
  const langTopicCdf = new Float64Array(L * K);
  for (let l = 0; l < L; l++) {
    let acc = 0;
    for (let j = 0; j < K; j++) {
      const g = j * L + l;
      acc += massCdf[g]! - (g > 0 ? massCdf[g - 1]! : 0);
      langTopicCdf[l * K + j] = acc;
    }
  }
  /** A popularity-weighted slot of group g from one uniform (slot = ⌊u·n⌋, coin = fraction). */
  const drawInGroup = (g: number, u: number): number => {
    const start = groupStart[g]!;
    const x = u * (groupStart[g + 1]! - start);
    const k = Math.floor(x);
    const i = start + k;
    return x - k < recF[RW * i + 5]! ? i : recI[RW * i + 6]!;
  };
  /** The group among [g0, g1) whose mass interval holds u ∈ [0, 1) (or −1 if all are empty). */
  const groupByMass = (g0: number, g1: number, u: number): number => {
    const base = g0 > 0 ? massCdf[g0 - 1]! : 0;
    const mass = massCdf[g1 - 1]! - base;
    if (!(mass > 0)) return -1;
    const t = base + u * mass;
    let lo = g0;
    let hi = g1 - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (massCdf[mid]! > t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  // Slots by upload day, for the fresh-upload pool.
  const minDay = -o.historyDays;
  const uploadStart = new Int32Array(o.historyDays + o.days + 1);
  for (let v = 0; v < V; v++) uploadStart[videos.uploadDay[v]! - minDay + 1]! += 1;
  for (let d = 0; d < o.historyDays + o.days; d++) uploadStart[d + 1]! += uploadStart[d]!;
  const byUpload = new Int32Array(V);
  {
    const fill = uploadStart.slice(0, o.historyDays + o.days);
    for (let i = 0; i < V; i++) byUpload[fill[recI[RW * i + 2]! - minDay]!++] = i;
  }
  // Freshness term by age in days.
  const freshByAge = Float64Array.from(
    { length: o.historyDays + o.days + 1 },
    (_, age) => truth.freshnessWeight * Math.exp(-age / truth.freshnessDays),
  );
  // Cumulative policy taste per user, to draw a topic the policy thinks the user likes.
  const policyCdf = new Float32Array(o.users * K);
  for (let u = 0; u < o.users; u++) {
    let acc = 0;
    for (let j = 0; j < K; j++) policyCdf[u * K + j] = acc += policyTaste[u * K + j]!;
  }
  const FRESH_WINDOW = 7;
  // Source mix: user's topics, global popularity, fresh uploads, uniform exploration. Topic
  // and popularity candidates are in the user's language with probability P_OWN_LANGUAGE.
  const P_TOPIC = 0.45;
  const P_POP = 0.25;
  const P_FRESH = 0.15;
  const P_OWN_LANGUAGE = 0.8;
  const POLICY_NOISE = 6;

  // --- The log. ---
  const nImp = nSessions * S;
  const impressions: Impressions = {
    count: nImp,
    slateSize: S,
    video: new Int32Array(nImp),
    click: new Uint8Array(nImp),
    watchSec: new Float32Array(nImp),
  };
  const cand = new Int32Array(C);
  const candScore = new Float64Array(C);
  const order = new Int32Array(C);
  const rng = rngLog;
  const posExam = Float64Array.from({ length: S }, (_, k) => (1 + k) ** -truth.positionDecay);
  const langTerm = Float64Array.from({ length: LANGUAGES.length ** 2 }, (_, i) =>
    languageTerm(truth, Math.floor(i / LANGUAGES.length), i % LANGUAGES.length),
  );

  for (let s = 0; s < nSessions; s++) {
    const u = sessions.user[s]!;
    const d = sessions.day[s]!;
    const uRow = u * K;
    const langRow = users.language[u]! * LANGUAGES.length;
    const rho = truth.deviceDurationPreference[users.device[u]!]!;
    const durClick = truth.clickDurationWeight + 0.5 * rho;
    const freshLo = uploadStart[Math.max(0, d - FRESH_WINDOW + 1 - minDay)]!;
    const freshHi = uploadStart[d + 1 - minDay]!;
    const cdfTotal = policyCdf[uRow + K - 1]!;
    const uLang = users.language[u]!;
    let n = 0;
    for (let attempt = 0; n < C && attempt < 8 * C; attempt++) {
      // One uniform picks the source and, rescaled, the draw within it (rng calls are costly).
      const r = rng.next();
      let slot: number;
      if (r < P_TOPIC + P_POP) {
        // Topic source: a topic the policy believes the user likes, then a popular video in it.
        // Popularity source: a popular video of any topic. Both mostly in the user's language.
        // (r, rescaled, picks the topic or group; u2 picks own vs any language and, rescaled,
        // the language or topic; a third uniform draws the video.)
        const u2 = rng.next();
        const own = u2 < P_OWN_LANGUAGE;
        const u3 = own ? u2 / P_OWN_LANGUAGE : (u2 - P_OWN_LANGUAGE) / (1 - P_OWN_LANGUAGE);
        let g: number;
        let u4 = -1;
        if (r < P_TOPIC) {
          const t = (r / P_TOPIC) * cdfTotal;
          let j = 0;
          while (j < K - 1 && policyCdf[uRow + j]! <= t) j++;
          if (own) {
            g = j * L + uLang;
            u4 = u3; // unused so far: it draws the video
          } else {
            g = groupByMass(j * L, j * L + L, u3);
          }
        } else if (own) {
          const t = u3 * langTopicCdf[uLang * K + K - 1]!;
          let j = 0;
          while (j < K - 1 && langTopicCdf[uLang * K + j]! <= t) j++;
          g = j * L + uLang;
        } else {
          g = groupByMass(0, G, (r - P_TOPIC) / P_POP);
        }
        if (g < 0 || groupStart[g + 1] === groupStart[g]) continue;
        slot = drawInGroup(g, u4 >= 0 ? u4 : rng.next());
      } else if (r < P_TOPIC + P_POP + P_FRESH && freshHi > freshLo) {
        const x = (r - P_TOPIC - P_POP) / P_FRESH;
        slot = byUpload[freshLo + Math.floor(x * (freshHi - freshLo))]!;
      } else {
        slot = rng.int(V);
      }
      if (recI[RW * slot + 2]! > d) continue;
      let dup = false;
      for (let q = 0; q < n; q++) {
        if (cand[q] === slot) {
          dup = true;
          break;
        }
      }
      if (dup) continue;
      cand[n++] = slot;
    }
    // Tiny catalogues only: top up with any available videos.
    for (let slot = 0; n < S && slot < V; slot++) {
      if (recI[RW * slot + 2]! > d) continue;
      let dup = false;
      for (let q = 0; q < n; q++) if (cand[q] === slot) dup = true;
      if (!dup) cand[n++] = slot;
    }
    if (n < S) throw new Error(`generateWorld: fewer than ${S} videos available on day ${d}`);

    // The policy's score: its noisy taste estimate, the observable language / popularity /
    // freshness / duration terms, and uniform noise of s.d. ≈ 1.7 (a stochastic policy).
    for (let q = 0; q < n; q++) {
      const b = cand[q]!;
      const w = RW * b;
      let m = 0;
      for (let j = 0; j < K; j++) m += policyTaste[uRow + j]! * recB[R * b + 48 + j]!;
      candScore[q] =
        truth.tasteWeight * (m / TOPIC_SCALE - truth.tasteCenter) +
        langTerm[langRow + recI[w + 3]!]! +
        recF[w]! +
        freshByAge[d - recI[w + 2]!]! +
        durClick * recF[w + 1]! +
        POLICY_NOISE * rng.next();
      order[q] = q;
    }
    // Top S by score (insertion sort on ≤ C items).
    for (let a = 1; a < n; a++) {
      const x = order[a]!;
      let b = a - 1;
      while (b >= 0 && candScore[order[b]!]! < candScore[x]!) {
        order[b + 1] = order[b]!;
        b--;
      }
      order[b + 1] = x;
    }
    if (rng.next() < o.randomizedFraction) {
      sessions.randomized[s] = 1;
      for (let a = S - 1; a > 0; a--) {
        const b = rng.int(a + 1);
        const t = order[a]!;
        order[a] = order[b]!;
        order[b] = t;
      }
    }

    // User behaviour: examine slot k with e_k, click with σ(ℓ_c), watch a Beta(w/(1−w), 1)
    // fraction (mean w) of the video: U^((1−w)/w). Same formulas as trueClickProb and
    // trueWatchFraction (the tests check the log against them).
    for (let k = 0; k < S; k++) {
      const b = cand[order[k]!]!;
      const w = RW * b;
      const i = s * S + k;
      impressions.video[i] = recI[w + 4]!;
      let m = 0;
      for (let j = 0; j < K; j++) m += users.taste[uRow + j]! * recB[R * b + 48 + j]!;
      m /= TOPIC_SCALE;
      const durLog = recF[w + 1]!;
      const logit =
        truth.clickBase +
        truth.tasteWeight * (m - truth.tasteCenter) +
        langTerm[langRow + recI[w + 3]!]! +
        recF[w]! +
        freshByAge[d - recI[w + 2]!]! +
        durClick * durLog;
      if (rng.next() < posExam[k]! * sigmoid(logit)) {
        impressions.click[i] = 1;
        const wf = sigmoid(
          truth.watchBase +
            truth.watchTasteWeight * (m - truth.tasteCenter) +
            recF[w + 7]! +
            (rho - truth.watchDurationDecay) * durLog,
        );
        const f = Math.pow(1 - rng.next(), (1 - wf) / wf);
        impressions.watchSec[i] = f * recF[w + 8]!;
      }
    }
  }

  const history = buildWatchHistory(o.users, sessions, impressions);
  return {
    options: o,
    nameSeed,
    users,
    creators,
    videos,
    sessions,
    impressions,
    history,
    split: {
      trainEnd: o.days - o.validationDays - o.testDays,
      validationEnd: o.days - o.testDays,
      days: o.days,
    },
  };
}
