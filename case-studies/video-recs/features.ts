/**
 * Features of the video-recommendation case, organised like a feature store:
 *
 * - One computation (`FeatureStore`) answers "what did we know at the start of day d": user
 *   features from the user's watch history before d, video features from the catalogue plus
 *   counters over the impressions logged in [d − windowDays, d). Counters are kept
 *   incrementally: advancing the store by a day adds that day's impressions and removes the
 *   day that left the window, so nothing logged on or after d can reach a day-d feature.
 * - Offline tables (training): every row of a split is joined point-in-time, i.e. with the
 *   store advanced to that row's day. Rows are in log order (by day).
 * - Online lookups (serving): the same store advanced to the serving day; `userFeatures`,
 *   `videoFeatures`, `rankerInput` return typed arrays. Because both paths call the same
 *   code, an online lookup on day d equals the offline row of day d (tests check this).
 *
 * Column layouts match lib/ml: the two-tower reads userId / itemId (Int32Array) and
 * userFeatures / itemFeatures ({data, width}); the DCN-V2 ranker reads one Int32Array per
 * categorical field, `dense` ({data, width}), `click` (0/1) and `target` (watch seconds).
 * (lib/ml/two-tower's withItemLogQ adds the logQ column; this file imports no TF.js.)
 */
import type { DataTable, DenseColumn } from '../../lib/ml/data';
import { createRng, shuffleInPlace } from '../../lib/random';
import {
  AGE_BANDS,
  COUNTRIES,
  DEVICES,
  GENRES,
  LANGUAGES,
  dayImpressionRange,
  impressionDay,
  impressionPosition,
  impressionUser,
  splitDays,
  watchHistory,
  type SplitName,
  type World,
} from './world';

export interface FeatureOptions {
  /** Days in the video counters' window (default 7). */
  windowDays?: number;
  /** Watches summarised in the user's recent-history features (default 50). */
  historyLength?: number;
}

const G = GENRES.length;
const L = LANGUAGES.length;

/** Counter smoothing: CTR shrinks towards 5 % with the weight of 20 impressions, watch
 * fraction towards 0.3 with the weight of 5 clicks, so a video with 1 impression is not
 * "100 % CTR". */
const CTR_PRIOR = 0.05;
const CTR_PRIOR_WEIGHT = 20;
const WATCH_PRIOR = 0.3;
const WATCH_PRIOR_WEIGHT = 5;
/** A video is "fresh" for this many days after upload. */
const FRESH_DAYS = 3;

/** Summary of the user's history before the feature day (the user tower's behavioural part). */
export const USER_NUMERIC_FEATURES: readonly string[] = [
  ...GENRES.map((g) => `history_genre=${g}`),
  'log_watches',
  'log_watch_minutes',
  'recency',
  'history_mean_log_duration',
  'history_mean_watch_fraction',
  'has_history',
];
/** User tower input: profile one-hots, then the history summary. */
export const USER_FEATURES: readonly string[] = [
  ...AGE_BANDS.map((a) => `age_band=${a}`),
  ...DEVICES.map((d) => `device=${d}`),
  ...LANGUAGES.map((l) => `language=${l}`),
  ...USER_NUMERIC_FEATURES,
];
/** Content and counter features of a video on the feature day. */
export const VIDEO_NUMERIC_FEATURES: readonly string[] = [
  'log_duration',
  'is_short',
  'is_movie',
  'log_age_days',
  'is_fresh',
  'log_impressions_window',
  'ctr_window',
  'watch_fraction_window',
  'log_clicks_all_time',
];
/** Item tower input: genre and language one-hots, then the numeric features. */
export const VIDEO_FEATURES: readonly string[] = [
  ...GENRES.map((g) => `genre=${g}`),
  ...LANGUAGES.map((l) => `language=${l}`),
  ...VIDEO_NUMERIC_FEATURES,
];
/** Ranker dense input (the categorical parts are embedded fields instead). */
export const RANKER_DENSE_FEATURES: readonly string[] = [
  ...USER_NUMERIC_FEATURES,
  ...VIDEO_NUMERIC_FEATURES,
  'user_genre_affinity',
  'same_language',
];

const UW = USER_FEATURES.length;
const UNW = USER_NUMERIC_FEATURES.length;
const VW = VIDEO_FEATURES.length;
const VNW = VIDEO_NUMERIC_FEATURES.length;
const RW = RANKER_DENSE_FEATURES.length;
const USER_PROFILE = UW - UNW;
const VIDEO_ONE_HOT = VW - VNW;

/** A categorical ranker field: column name and vocabulary size (the model picks the width). */
export interface RankerField {
  name: string;
  vocabSize: number;
}

/** The ranker's categorical fields, in column order. `position` is the slot (0 at serving). */
export function rankerFields(world: World): RankerField[] {
  return [
    { name: 'user', vocabSize: world.users.count },
    { name: 'video', vocabSize: world.videos.count },
    { name: 'creator', vocabSize: world.creators.count },
    { name: 'genre', vocabSize: G },
    { name: 'video_language', vocabSize: L },
    { name: 'user_language', vocabSize: L },
    { name: 'country', vocabSize: COUNTRIES.length },
    { name: 'device', vocabSize: DEVICES.length },
    { name: 'age_band', vocabSize: AGE_BANDS.length },
    { name: 'position', vocabSize: world.options.slateSize },
  ];
}

/** The sizes a TwoTowerConfig needs from the data. */
export function twoTowerShape(world: World): {
  numUsers: number;
  numItems: number;
  userFeatureDim: number;
  itemFeatureDim: number;
} {
  return {
    numUsers: world.users.count,
    numItems: world.videos.count,
    userFeatureDim: UW,
    itemFeatureDim: VW,
  };
}

/** Running counters per video over the window (and all time), as of the store's day. */
export interface VideoCounters {
  impressionsWindow: Int32Array;
  clicksWindow: Int32Array;
  /** Sum over clicked impressions of watchSec / duration. */
  watchFractionWindow: Float64Array;
  clicksAllTime: Int32Array;
}

export interface FeatureStore {
  readonly world: World;
  readonly windowDays: number;
  readonly historyLength: number;
  /** Features describe the start of this day: everything logged on days < day, nothing else. */
  readonly day: number;
  /** Moves the feature day forward (or replays from day 0 to move it back). */
  advanceTo(day: number): void;
  readonly counters: Readonly<VideoCounters>;
  /** One user's tower features (width USER_FEATURES.length), into `out` at `offset`. */
  userFeatures(user: number, out?: Float32Array, offset?: number): Float32Array;
  /** The user's history summary only (width USER_NUMERIC_FEATURES.length). */
  userNumeric(user: number, out?: Float32Array, offset?: number): Float32Array;
  /** Row-major item-tower features of `ids` (width VIDEO_FEATURES.length). */
  videoFeatures(ids: ArrayLike<number>, out?: Float32Array): Float32Array;
  /** One video's numeric features (width VIDEO_NUMERIC_FEATURES.length). */
  videoNumeric(video: number, out?: Float32Array, offset?: number): Float32Array;
  /** Two-tower query input for one user: { userId, userFeatures }. */
  twoTowerUserInput(user: number): DataTable;
  /** Two-tower item input: { itemId, itemFeatures } for `ids` (e.g. the whole index). */
  twoTowerItemInput(ids: ArrayLike<number>): DataTable;
  /** Ranker input for scoring `ids` for `user` (position 0 = top slot, as at serving). */
  rankerInput(user: number, ids: ArrayLike<number>, position?: number): DataTable;
}

export function createFeatureStore(world: World, options: FeatureOptions = {}): FeatureStore {
  return buildStore(world, options).store;
}

interface StoreInternals {
  store: FeatureStore;
  /** Ranker dense row of (u, v) into out at offset. */
  rankerDense(u: number, v: number, out: Float32Array, offset: number): void;
  /** Item-tower row of v into out at offset. */
  videoRow(v: number, out: Float32Array, offset: number): void;
}

/** The store plus the row writers the offline builders share with it (same code path). */
function buildStore(world: World, options: FeatureOptions): StoreInternals {
  const windowDays = options.windowDays ?? 7;
  const historyLength = options.historyLength ?? 50;
  if (!(windowDays >= 1) || !(historyLength >= 1)) {
    throw new Error('createFeatureStore: windowDays and historyLength must be ≥ 1');
  }
  const V = world.videos.count;
  const { videos, users, impressions } = world;
  const counters: VideoCounters = {
    impressionsWindow: new Int32Array(V),
    clicksWindow: new Int32Array(V),
    watchFractionWindow: new Float64Array(V),
    clicksAllTime: new Int32Array(V),
  };
  let day = 0;
  // User features are pure functions of (user, day); cache them for the current day.
  let userCache = new Map<number, Float32Array>();

  const applyDay = (d: number, sign: 1 | -1, allTime: boolean): void => {
    const [a, b] = dayImpressionRange(world, d, d + 1);
    for (let i = a; i < b; i++) {
      const v = impressions.video[i]!;
      counters.impressionsWindow[v]! += sign;
      if (impressions.click[i]) {
        counters.clicksWindow[v]! += sign;
        counters.watchFractionWindow[v]! +=
          sign * Math.min(1, impressions.watchSec[i]! / videos.durationSec[v]!);
        if (allTime) counters.clicksAllTime[v]! += 1;
      }
    }
  };

  const advanceTo = (target: number): void => {
    if (!Number.isInteger(target) || target < 0) throw new Error(`advanceTo: bad day ${target}`);
    if (target < day) {
      counters.impressionsWindow.fill(0);
      counters.clicksWindow.fill(0);
      counters.watchFractionWindow.fill(0);
      counters.clicksAllTime.fill(0);
      day = 0;
      userCache = new Map();
    }
    if (target === day) return;
    while (day < target) {
      applyDay(day, 1, true);
      if (day - windowDays >= 0) applyDay(day - windowDays, -1, false);
      day++;
    }
    userCache = new Map();
  };

  const computeUser = (u: number): Float32Array => {
    const cached = userCache.get(u);
    if (cached) return cached;
    const f = new Float32Array(UW);
    f[users.ageBand[u]!] = 1;
    f[AGE_BANDS.length + users.device[u]!] = 1;
    f[AGE_BANDS.length + DEVICES.length + users.language[u]!] = 1;
    const h = watchHistory(world, u, day);
    const n = h.length;
    const o = USER_PROFILE;
    if (n > 0) {
      let totalSec = 0;
      for (let k = 0; k < n; k++) totalSec += impressions.watchSec[h[k]!]!;
      const recent = Math.min(n, historyLength);
      let weight = 0;
      let logDur = 0;
      let frac = 0;
      for (let k = n - recent; k < n; k++) {
        const i = h[k]!;
        const v = impressions.video[i]!;
        const dur = videos.durationSec[v]!;
        const fr = Math.min(1, impressions.watchSec[i]! / dur);
        f[o + videos.genre[v]!]! += fr;
        weight += fr;
        logDur += (Math.log(dur) - 6) / 1.5;
        frac += fr;
      }
      if (weight > 0) for (let g = 0; g < G; g++) f[o + g]! /= weight;
      const lastDay = impressionDay(world, h[n - 1]!);
      f[o + G] = Math.log1p(n) / 5;
      f[o + G + 1] = Math.log1p(totalSec / 60) / 8;
      f[o + G + 2] = Math.exp(-(day - lastDay) / 7);
      f[o + G + 3] = logDur / recent;
      f[o + G + 4] = frac / recent;
      f[o + G + 5] = 1;
    }
    userCache.set(u, f);
    return f;
  };

  const userFeatures = (
    u: number,
    out: Float32Array = new Float32Array(UW),
    offset = 0,
  ): Float32Array => {
    out.set(computeUser(u), offset);
    return out;
  };
  const userNumeric = (
    u: number,
    out: Float32Array = new Float32Array(UNW),
    offset = 0,
  ): Float32Array => {
    out.set(computeUser(u).subarray(USER_PROFILE), offset);
    return out;
  };

  const videoNumeric = (
    v: number,
    out: Float32Array = new Float32Array(VNW),
    offset = 0,
  ): Float32Array => {
    const dur = videos.durationSec[v]!;
    const age = Math.max(0, day - videos.uploadDay[v]!);
    const impr = counters.impressionsWindow[v]!;
    const clicks = counters.clicksWindow[v]!;
    out[offset] = (Math.log(dur) - 6) / 1.5;
    out[offset + 1] = dur <= 60 ? 1 : 0;
    out[offset + 2] = v < videos.movieCount ? 1 : 0;
    out[offset + 3] = Math.log1p(age) / 5;
    out[offset + 4] = age < FRESH_DAYS ? 1 : 0;
    out[offset + 5] = Math.log1p(impr) / 8;
    out[offset + 6] = (clicks + CTR_PRIOR * CTR_PRIOR_WEIGHT) / (impr + CTR_PRIOR_WEIGHT);
    out[offset + 7] =
      (counters.watchFractionWindow[v]! + WATCH_PRIOR * WATCH_PRIOR_WEIGHT) /
      (clicks + WATCH_PRIOR_WEIGHT);
    out[offset + 8] = Math.log1p(counters.clicksAllTime[v]!) / 8;
    return out;
  };

  const videoRow = (v: number, out: Float32Array, offset: number): void => {
    out.fill(0, offset, offset + VIDEO_ONE_HOT);
    out[offset + videos.genre[v]!] = 1;
    out[offset + G + videos.language[v]!] = 1;
    videoNumeric(v, out, offset + VIDEO_ONE_HOT);
  };

  const videoFeatures = (ids: ArrayLike<number>, out?: Float32Array): Float32Array => {
    const res = out ?? new Float32Array(ids.length * VW);
    for (let r = 0; r < ids.length; r++) videoRow(ids[r]!, res, r * VW);
    return res;
  };

  const rankerDense = (u: number, v: number, out: Float32Array, offset: number): void => {
    const uf = computeUser(u);
    out.set(uf.subarray(USER_PROFILE), offset);
    videoNumeric(v, out, offset + UNW);
    out[offset + UNW + VNW] = uf[USER_PROFILE + videos.genre[v]!]!;
    out[offset + UNW + VNW + 1] = users.language[u] === videos.language[v] ? 1 : 0;
  };

  const store: FeatureStore = {
    world,
    windowDays,
    historyLength,
    get day() {
      return day;
    },
    advanceTo,
    counters,
    userFeatures,
    userNumeric,
    videoFeatures,
    videoNumeric,
    twoTowerUserInput: (u) => ({
      userId: Int32Array.of(u),
      userFeatures: { data: userFeatures(u), width: UW },
    }),
    twoTowerItemInput: (ids) => ({
      itemId: Int32Array.from(ids),
      itemFeatures: { data: videoFeatures(ids), width: VW },
    }),
    rankerInput(u, ids, position = 0) {
      const n = ids.length;
      const cols = rankerColumns(world, n);
      for (let r = 0; r < n; r++) {
        writeRankerFields(world, cols.fields, r, u, ids[r]!, position);
        rankerDense(u, ids[r]!, cols.dense.data, r * RW);
      }
      return { ...cols.fields, dense: cols.dense };
    },
  };
  return { store, rankerDense, videoRow };
}

function rankerColumns(
  world: World,
  n: number,
): { fields: Record<string, Int32Array>; dense: DenseColumn } {
  const fields: Record<string, Int32Array> = {};
  for (const f of rankerFields(world)) fields[f.name] = new Int32Array(n);
  return { fields, dense: { data: new Float32Array(n * RW), width: RW } };
}

function writeRankerFields(
  world: World,
  fields: Record<string, Int32Array>,
  r: number,
  u: number,
  v: number,
  position: number,
): void {
  const { users, videos } = world;
  fields.user![r] = u;
  fields.video![r] = v;
  fields.creator![r] = videos.creator[v]!;
  fields.genre![r] = videos.genre[v]!;
  fields.video_language![r] = videos.language[v]!;
  fields.user_language![r] = users.language[u]!;
  fields.country![r] = users.country[u]!;
  fields.device![r] = users.device[u]!;
  fields.age_band![r] = users.ageBand[u]!;
  fields.position![r] = position;
}

/** The serving-time store: features as of the start of `day` (data from days < day). */
export function createOnlineStore(
  world: World,
  day: number,
  options: FeatureOptions = {},
): FeatureStore {
  const store = createFeatureStore(world, options);
  store.advanceTo(day);
  return store;
}

// ---------------------------------------------------------------------------------------------
// Offline tables
// ---------------------------------------------------------------------------------------------

/** Snapshot of every user's tower features as of `day`: { userId, userFeatures }. */
export function userFeatureTable(
  world: World,
  day: number,
  options: FeatureOptions = {},
): DataTable {
  const store = createOnlineStore(world, day, options);
  const n = world.users.count;
  const data = new Float32Array(n * UW);
  for (let u = 0; u < n; u++) store.userFeatures(u, data, u * UW);
  return { userId: Int32Array.from({ length: n }, (_, i) => i), userFeatures: { data, width: UW } };
}

/**
 * Snapshot of item-tower features as of `day` for `ids` (default: every video uploaded by
 * then; 1M videos × 40 floats is 160 MB, so pass ids in chunks at that scale).
 */
export function videoFeatureTable(
  world: World,
  day: number,
  options: FeatureOptions & { ids?: ArrayLike<number> } = {},
): DataTable {
  const store = createOnlineStore(world, day, options);
  let ids = options.ids ? Int32Array.from(options.ids) : null;
  if (!ids) {
    const keep: number[] = [];
    for (let v = 0; v < world.videos.count; v++)
      if (world.videos.uploadDay[v]! <= day) keep.push(v);
    ids = Int32Array.from(keep);
  }
  return { itemId: ids, itemFeatures: { data: store.videoFeatures(ids), width: VW } };
}

export interface OfflineTable {
  table: DataTable;
  /** The log impression each row came from (for audits, evaluation and tests). */
  impression: Int32Array;
}

export interface TwoTowerTableOptions extends FeatureOptions {
  split: SplitName;
  /** A positive is a click watched for at least this many seconds (default 10). */
  minWatchSec?: number;
}

/**
 * Two-tower training rows: one per positive (clicked and watched ≥ minWatchSec) impression
 * of the split, with point-in-time user and item features. Other rows of a batch act as
 * negatives (in-batch softmax); add itemLogQ with lib/ml/two-tower's withItemLogQ.
 */
export function buildTwoTowerTable(world: World, options: TwoTowerTableOptions): OfflineTable {
  const minWatch = options.minWatchSec ?? 10;
  const [d0, d1] = splitDays(world, options.split);
  const [a, b] = dayImpressionRange(world, d0, d1);
  const imp = world.impressions;
  const keep: number[] = [];
  for (let i = a; i < b; i++) if (imp.click[i] && imp.watchSec[i]! >= minWatch) keep.push(i);
  const rows = Int32Array.from(keep);
  const n = rows.length;
  const userId = new Int32Array(n);
  const itemId = new Int32Array(n);
  const userData = new Float32Array(n * UW);
  const itemData = new Float32Array(n * VW);
  const { store, videoRow } = buildStore(world, options);
  for (let r = 0; r < n; r++) {
    const i = rows[r]!;
    const d = impressionDay(world, i);
    if (d !== store.day) store.advanceTo(d);
    const u = impressionUser(world, i);
    const v = imp.video[i]!;
    userId[r] = u;
    itemId[r] = v;
    store.userFeatures(u, userData, r * UW);
    videoRow(v, itemData, r * VW);
  }
  return {
    table: {
      userId,
      itemId,
      userFeatures: { data: userData, width: UW },
      itemFeatures: { data: itemData, width: VW },
    },
    impression: rows,
  };
}

export interface RankerTableOptions extends FeatureOptions {
  split: SplitName;
  /**
   * Keep each non-clicked impression with this probability (default 1 = all). Negative
   * downsampling inflates predicted CTR: correct with p = p' / (p' + (1 − p') / rate).
   */
  negativeRate?: number;
  /** Uniformly subsample to at most this many rows (after negative sampling). */
  maxRows?: number;
  /** Seed of the sampling (default 0). */
  seed?: number;
}

/**
 * DCN-V2 multi-task rows: one per impression of the split (subsampled as asked), with the
 * categorical fields of `rankerFields`, point-in-time `dense` features (RANKER_DENSE_FEATURES),
 * `click` (0/1) and `target` (seconds watched, 0 without a click). The logged slot is the
 * `position` field: train with it, serve with position 0.
 */
export function buildRankerTable(world: World, options: RankerTableOptions): OfflineTable {
  const rate = options.negativeRate ?? 1;
  const [d0, d1] = splitDays(world, options.split);
  const [a, b] = dayImpressionRange(world, d0, d1);
  const imp = world.impressions;
  const rng = createRng(options.seed ?? 0);
  let rows: Int32Array;
  if (rate >= 1) {
    rows = Int32Array.from({ length: b - a }, (_, k) => a + k);
  } else {
    const keep: number[] = [];
    for (let i = a; i < b; i++) if (imp.click[i] || rng.next() < rate) keep.push(i);
    rows = Int32Array.from(keep);
  }
  if (options.maxRows !== undefined && rows.length > options.maxRows) {
    shuffleInPlace(rows, rng);
    rows = rows.slice(0, options.maxRows).sort();
  }
  const n = rows.length;
  const { fields, dense } = rankerColumns(world, n);
  const click = new Float32Array(n);
  const target = new Float32Array(n);
  const { store, rankerDense } = buildStore(world, options);
  for (let r = 0; r < n; r++) {
    const i = rows[r]!;
    const d = impressionDay(world, i);
    if (d !== store.day) store.advanceTo(d);
    const u = impressionUser(world, i);
    const v = imp.video[i]!;
    writeRankerFields(world, fields, r, u, v, impressionPosition(world, i));
    rankerDense(u, v, dense.data, r * RW);
    click[r] = imp.click[i]!;
    target[r] = imp.watchSec[i]!;
  }
  return { table: { ...fields, dense, click, target }, impression: rows };
}
