/**
 * Features for the ad click case study, encoded the way an ads system does it:
 *
 * - high-cardinality ids (user, ad, advertiser) through the hashing trick (seeded, bucket count
 *   a parameter), embedded by DCN-V2 or one-hot into a small bucket count for the dense models;
 * - categorical fields (age, country, category, format, device, placement, hour, ...) as ids for
 *   embeddings or one-hot columns;
 * - bucketized counters (impressions of the ad and of the user over the last days, ad age);
 * - historical CTRs per ad, advertiser, user and user × category over a trailing window of days
 *   strictly before the impression's day, smoothed towards a hierarchical prior, so a training
 *   row never sees its own day's clicks (no leakage, and exactly what serving sees);
 * - hand-made crosses for the logistic-regression baseline.
 *
 * Every feature belongs to a named group, so a UI can drop one group and retrain (ablation).
 * Splits are by day (train days, a calibration day, a test day), never random, because the
 * world drifts. Negative downsampling keeps all clicks and a seeded share of the rest, and
 * recalibrate() undoes its effect on predicted probabilities.
 */
import type { CategoricalField } from '@/lib/ml/dcn';
import type { DataTable } from '@/lib/ml/data';
import { createRng } from '@/lib/random';
import {
  AGE_BUCKETS,
  CATEGORIES,
  COUNTRIES,
  DEVICES,
  FORMATS,
  GENDERS,
  HOUR_PARTS,
  NUM_AGES,
  NUM_CATEGORIES,
  NUM_COUNTRIES,
  NUM_DEVICES,
  NUM_FORMATS,
  NUM_GENDERS,
  NUM_HOUR_PARTS,
  NUM_PLACEMENTS,
  PLACEMENTS,
  hourPart,
  rowsOfDays,
  type AdWorld,
} from './world';

// ---------------------------------------------------------------------------------------------
// Groups

export type FeatureGroup =
  | 'user_id'
  | 'ad_ids'
  | 'user'
  | 'interests'
  | 'ad'
  | 'context'
  | 'position'
  | 'counters'
  | 'history'
  | 'crosses';

export interface FeatureGroupInfo {
  id: FeatureGroup;
  label: string;
  description: string;
}

export const FEATURE_GROUPS: readonly FeatureGroupInfo[] = [
  {
    id: 'user_id',
    label: 'Hashed user id',
    description:
      'The user id through the hashing trick. Memorises a user’s own click rate, given enough rows per user; with few it overfits.',
  },
  {
    id: 'ad_ids',
    label: 'Hashed ad and advertiser ids',
    description:
      'Ad and advertiser ids through the hashing trick. Memorises per-ad and per-advertiser click rates; colliding ids share a bucket.',
  },
  {
    id: 'user',
    label: 'User profile',
    description: 'Age bucket, gender and country.',
  },
  {
    id: 'interests',
    label: 'User interests',
    description: 'Declared interests as a multi-hot vector over the ad categories.',
  },
  {
    id: 'ad',
    label: 'Ad attributes',
    description: 'Ad category and creative format.',
  },
  {
    id: 'context',
    label: 'Context',
    description:
      'Hour of day, device and placement. (No day of week: in a week of logs the test day’s weekday never occurs in training.)',
  },
  {
    id: 'position',
    label: 'Position',
    description:
      'Slot of the ad in its surface (bucketed). Used in training to absorb position bias, fixed at serving.',
  },
  {
    id: 'counters',
    label: 'Counters',
    description:
      'Bucketized impressions of the ad and of the user over the last days (before today), and the ad age in days since launch.',
  },
  {
    id: 'history',
    label: 'Historical CTR',
    description:
      'Smoothed CTR of the ad, advertiser, user and user × category over the last days (before today), as log-odds relative to the global CTR.',
  },
  {
    id: 'crosses',
    label: 'Hand-made crosses',
    description:
      'age × category, device × format, hour part × placement and interest match × category, one-hot. For the logistic-regression baseline.',
  },
];

export const ALL_GROUPS: readonly FeatureGroup[] = FEATURE_GROUPS.map((g) => g.id);

export type ModelKind = 'dcn' | 'mlp' | 'lr';

/**
 * Groups each model uses unless told otherwise. Dense one-hot models leave ids out (too wide).
 * DCN-V2 leaves the user id out too: in the default world a user has about 16 rows in the
 * training days (two after 10% negative downsampling), and an id embedding with so little data
 * memorises noise; the user's history CTRs carry what can be learned about them.
 */
export const DEFAULT_GROUPS: Record<ModelKind, readonly FeatureGroup[]> = {
  dcn: ['ad_ids', 'user', 'interests', 'ad', 'context', 'position', 'counters', 'history'],
  mlp: ['user', 'interests', 'ad', 'context', 'position', 'counters', 'history'],
  lr: ['user', 'interests', 'ad', 'context', 'position', 'counters', 'history', 'crosses'],
};

// ---------------------------------------------------------------------------------------------
// Hashing

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function mixWord(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3-style 32-bit hash of (salt, value) under a seed. The salt names the field. */
export function hashId(value: number, salt: number, seed: number): number {
  let h = seed | 0;
  h = mixWord(h, salt | 0);
  h = mixWord(h, value | 0);
  return fmix32(h ^ 8);
}

/** The hashing trick: a value's bucket in [0, buckets). */
export function hashBucket(value: number, buckets: number, salt: number, seed: number): number {
  return hashId(value, salt, seed) % buckets;
}

const SALT = { user: 1, ad: 2, advertiser: 3 } as const;

// ---------------------------------------------------------------------------------------------
// Options

export interface SmoothingOptions {
  /** Pseudo-impressions of the prior in each smoothed CTR (the prior's weight). */
  global: number;
  category: number;
  advertiser: number;
  ad: number;
  user: number;
  userCategory: number;
}

export interface FeatureOptions {
  hashSeed?: number;
  /** Hash buckets of the ids for embeddings (DCN-V2). */
  userBuckets?: number;
  adBuckets?: number;
  advertiserBuckets?: number;
  /** Hash buckets per id when an id group goes into a one-hot (MLP / LR) table. */
  oneHotIdBuckets?: number;
  smoothing?: Partial<SmoothingOptions>;
  /** CTR assumed before any history exists (day 0). */
  defaultCtr?: number;
  /**
   * Trailing window of the counters and CTRs, in days (default 3; Infinity = since the log
   * began). A window keeps their distribution stable from day to day: cumulative counters grow
   * every day, so the test day would see values training never did.
   */
  historyWindowDays?: number;
}

export interface ResolvedFeatureOptions {
  hashSeed: number;
  userBuckets: number;
  adBuckets: number;
  advertiserBuckets: number;
  oneHotIdBuckets: number;
  smoothing: SmoothingOptions;
  defaultCtr: number;
  historyWindowDays: number;
}

export const DEFAULT_FEATURE_OPTIONS: ResolvedFeatureOptions = {
  hashSeed: 0x5eed,
  userBuckets: 1 << 15,
  adBuckets: 1 << 12,
  advertiserBuckets: 1 << 10,
  oneHotIdBuckets: 64,
  smoothing: { global: 1000, category: 500, advertiser: 200, ad: 100, user: 50, userCategory: 20 },
  defaultCtr: 0.015,
  historyWindowDays: 3,
};

export function resolveFeatureOptions(opts: FeatureOptions = {}): ResolvedFeatureOptions {
  const d = DEFAULT_FEATURE_OPTIONS;
  const o: ResolvedFeatureOptions = {
    hashSeed: opts.hashSeed ?? d.hashSeed,
    userBuckets: opts.userBuckets ?? d.userBuckets,
    adBuckets: opts.adBuckets ?? d.adBuckets,
    advertiserBuckets: opts.advertiserBuckets ?? d.advertiserBuckets,
    oneHotIdBuckets: opts.oneHotIdBuckets ?? d.oneHotIdBuckets,
    smoothing: { ...d.smoothing, ...opts.smoothing },
    defaultCtr: opts.defaultCtr ?? d.defaultCtr,
    historyWindowDays: opts.historyWindowDays ?? d.historyWindowDays,
  };
  if (
    !(o.historyWindowDays >= 1) ||
    (Number.isFinite(o.historyWindowDays) && !Number.isInteger(o.historyWindowDays))
  ) {
    throw new RangeError(
      `ad-click features: historyWindowDays must be an integer ≥ 1 or Infinity, got ${o.historyWindowDays}`,
    );
  }
  for (const k of ['userBuckets', 'adBuckets', 'advertiserBuckets', 'oneHotIdBuckets'] as const) {
    if (!Number.isInteger(o[k]) || o[k] < 1) {
      throw new RangeError(`ad-click features: ${k} must be an integer ≥ 1, got ${o[k]}`);
    }
  }
  if (!(o.defaultCtr > 0 && o.defaultCtr < 1)) {
    throw new RangeError(`ad-click features: defaultCtr must be in (0, 1), got ${o.defaultCtr}`);
  }
  return o;
}

// ---------------------------------------------------------------------------------------------
// Historical CTR: point-in-time counters

/** What the feature store knows for one (user, ad) pair at the start of a day. */
export interface HistoryLookup {
  globalCtr: number;
  adCtr: number;
  advertiserCtr: number;
  userCtr: number;
  userCategoryCtr: number;
  adImpressions: number;
  userImpressions: number;
}

/**
 * Impression and click counts over whole days, with smoothed CTR lookups. This is the feature
 * store: `historyAsOf(world, d)` holds the trailing window of days before d (never d itself),
 * which is what serving sees on day d and what the offline features of day d are computed from.
 *
 * Smoothing is hierarchical: global → category → advertiser → ad, global → user, and
 * user × category towards the user's CTR scaled by the category's relative CTR.
 */
export class HistoryStore {
  readonly days: number[] = [];
  private allImps = 0;
  private allClicks = 0;
  private readonly catImps = new Float64Array(NUM_CATEGORIES);
  private readonly catClicks = new Float64Array(NUM_CATEGORIES);
  private readonly advImps: Float64Array;
  private readonly advClicks: Float64Array;
  private readonly adImps: Float64Array;
  private readonly adClicks: Float64Array;
  private readonly userImps: Float64Array;
  private readonly userClicks: Float64Array;
  private readonly ucImps: Uint32Array;
  private readonly ucClicks: Uint32Array;

  constructor(
    private readonly world: AdWorld,
    readonly options: ResolvedFeatureOptions = DEFAULT_FEATURE_OPTIONS,
  ) {
    this.advImps = new Float64Array(world.advertisers.count);
    this.advClicks = new Float64Array(world.advertisers.count);
    this.adImps = new Float64Array(world.ads.count);
    this.adClicks = new Float64Array(world.ads.count);
    this.userImps = new Float64Array(world.users.count);
    this.userClicks = new Float64Array(world.users.count);
    this.ucImps = new Uint32Array(world.users.count * NUM_CATEGORIES);
    this.ucClicks = new Uint32Array(world.users.count * NUM_CATEGORIES);
  }

  /** Adds every impression of day `d` (its clicks included) to the counts. */
  addDay(d: number): void {
    if (this.days.includes(d)) throw new Error(`HistoryStore: day ${d} already added`);
    this.accumulate(d, 1);
    this.days.push(d);
  }

  /** Takes day `d` out again (the trailing window moves on). */
  removeDay(d: number): void {
    const k = this.days.indexOf(d);
    if (k < 0) throw new Error(`HistoryStore: day ${d} is not in the store`);
    this.accumulate(d, -1);
    this.days.splice(k, 1);
  }

  private accumulate(d: number, sign: 1 | -1): void {
    const { impressions: L, ads } = this.world;
    for (let i = L.dayStart[d]!; i < L.dayStart[d + 1]!; i++) {
      const y = sign * L.click[i]!;
      const a = L.ad[i]!;
      const u = L.user[i]!;
      const c = ads.category[a]!;
      const v = ads.advertiser[a]!;
      this.allImps += sign;
      this.allClicks += y;
      this.catImps[c]! += sign;
      this.catClicks[c]! += y;
      this.advImps[v]! += sign;
      this.advClicks[v]! += y;
      this.adImps[a]! += sign;
      this.adClicks[a]! += y;
      this.userImps[u]! += sign;
      this.userClicks[u]! += y;
      this.ucImps[u * NUM_CATEGORIES + c]! += sign;
      this.ucClicks[u * NUM_CATEGORIES + c]! += y;
    }
  }

  /** Makes the store hold exactly the window of days before `day`. */
  moveTo(day: number): void {
    const W = this.options.historyWindowDays;
    const first = Number.isFinite(W) ? Math.max(0, day - W) : 0;
    for (const d of [...this.days]) if (d < first || d >= day) this.removeDay(d);
    for (let d = first; d < day; d++) if (!this.days.includes(d)) this.addDay(d);
  }

  globalCtr(): number {
    const m = this.options.smoothing.global;
    return (this.allClicks + m * this.options.defaultCtr) / (this.allImps + m);
  }

  /** Smoothed CTRs and counts for showing ad `a` to user `u`, from the days added so far. */
  lookup(u: number, a: number): HistoryLookup {
    const s = this.options.smoothing;
    const ads = this.world.ads;
    const c = ads.category[a]!;
    const v = ads.advertiser[a]!;
    const g = this.globalCtr();
    const cat = (this.catClicks[c]! + s.category * g) / (this.catImps[c]! + s.category);
    const adv = (this.advClicks[v]! + s.advertiser * cat) / (this.advImps[v]! + s.advertiser);
    const ad = (this.adClicks[a]! + s.ad * adv) / (this.adImps[a]! + s.ad);
    const user = (this.userClicks[u]! + s.user * g) / (this.userImps[u]! + s.user);
    const k = u * NUM_CATEGORIES + c;
    const ucPrior = Math.min(0.5, (user * cat) / g);
    const uc = (this.ucClicks[k]! + s.userCategory * ucPrior) / (this.ucImps[k]! + s.userCategory);
    return {
      globalCtr: g,
      adCtr: ad,
      advertiserCtr: adv,
      userCtr: user,
      userCategoryCtr: uc,
      adImpressions: this.adImps[a]!,
      userImpressions: this.userImps[u]!,
    };
  }
}

/** The feature store as serving sees it at the start of day `day`: the window before it. */
export function historyAsOf(world: AdWorld, day: number, opts?: FeatureOptions): HistoryStore {
  const store = new HistoryStore(world, resolveFeatureOptions(opts));
  store.moveTo(day);
  return store;
}

/** Historical features of every impression, each computed from days strictly before its own. */
export interface HistoryFeatures {
  globalCtr: Float32Array;
  adCtr: Float32Array;
  advertiserCtr: Float32Array;
  userCtr: Float32Array;
  userCategoryCtr: Float32Array;
  adImpressions: Int32Array;
  userImpressions: Int32Array;
}

/**
 * One pass over the log, day by day: the store moves to the window before day d, then day d's
 * features are looked up, so by construction they depend only on days < d (day 0 sees only the
 * priors).
 */
export function computeHistory(world: AdWorld, opts?: FeatureOptions): HistoryFeatures {
  const o = resolveFeatureOptions(opts);
  const L = world.impressions;
  const n = L.count;
  const h: HistoryFeatures = {
    globalCtr: new Float32Array(n),
    adCtr: new Float32Array(n),
    advertiserCtr: new Float32Array(n),
    userCtr: new Float32Array(n),
    userCategoryCtr: new Float32Array(n),
    adImpressions: new Int32Array(n),
    userImpressions: new Int32Array(n),
  };
  const store = new HistoryStore(world, o);
  for (let d = 0; d < world.options.days; d++) {
    store.moveTo(d);
    for (let i = L.dayStart[d]!; i < L.dayStart[d + 1]!; i++) {
      const x = store.lookup(L.user[i]!, L.ad[i]!);
      h.globalCtr[i] = x.globalCtr;
      h.adCtr[i] = x.adCtr;
      h.advertiserCtr[i] = x.advertiserCtr;
      h.userCtr[i] = x.userCtr;
      h.userCategoryCtr[i] = x.userCategoryCtr;
      h.adImpressions[i] = x.adImpressions;
      h.userImpressions[i] = x.userImpressions;
    }
  }
  return h;
}

// ---------------------------------------------------------------------------------------------
// Encoders

const POSITION_BUCKETS = ['1', '2', '3', '4-5', '6-8', '9-12', '13-20', '21+'] as const;
/** Slot → bucket index into POSITION_BUCKETS. */
export function positionBucket(position: number): number {
  if (position <= 3) return Math.max(0, position - 1);
  if (position <= 5) return 3;
  if (position <= 8) return 4;
  if (position <= 12) return 5;
  if (position <= 20) return 6;
  return 7;
}

const COUNT_BUCKETS = 16;
/** 0 → 0, 1 → 1, 2–3 → 2, 4–7 → 3, ..., capped at 15 (log2 buckets). */
export function countBucket(count: number): number {
  if (count <= 0) return 0;
  return Math.min(COUNT_BUCKETS - 1, 1 + Math.floor(Math.log2(count)));
}

const AD_AGE_BUCKETS = ['0', '1', '2', '3-6', '7-13', '14+'] as const;
/** Days since launch → bucket index into AD_AGE_BUCKETS. */
export function adAgeBucket(days: number): number {
  if (days <= 2) return Math.max(0, days);
  if (days <= 6) return 3;
  if (days <= 13) return 4;
  return 5;
}

const logit = (p: number): number => {
  const q = Math.min(0.5, Math.max(1e-4, p));
  return Math.log(q / (1 - q));
};

/** A categorical feature: an id in [0, vocabSize). */
interface CategoricalSpec {
  name: string;
  group: FeatureGroup;
  vocabSize: number;
  /** Value names for one-hot column names (omitted for hashed ids). */
  values?: readonly string[];
  encode(i: number): number;
}

/** A dense block of `names.length` floats. */
interface DenseSpec {
  group: FeatureGroup;
  names: string[];
  encode(i: number, out: Float32Array, offset: number): void;
}

export interface EncodeOptions {
  /** Groups to use; default DEFAULT_GROUPS[model]. */
  groups?: readonly FeatureGroup[];
  /** Groups to leave out of those (ablation). */
  drop?: readonly FeatureGroup[];
  /** Serve-time position: every row gets this slot instead of its logged one. */
  fixedPosition?: number;
}

const range = (n: number, f: (k: number) => string): string[] =>
  Array.from({ length: n }, (_, k) => f(k));

function categoricalSpecs(
  world: AdWorld,
  hist: HistoryFeatures,
  o: ResolvedFeatureOptions,
  idBuckets: { user: number; ad: number; advertiser: number },
  fixedPosition: number | undefined,
): CategoricalSpec[] {
  const { users, ads, impressions: L } = world;
  const seed = o.hashSeed;
  return [
    {
      name: 'user_id',
      group: 'user_id',
      vocabSize: idBuckets.user,
      encode: (i) => hashBucket(L.user[i]!, idBuckets.user, SALT.user, seed),
    },
    {
      name: 'ad_id',
      group: 'ad_ids',
      vocabSize: idBuckets.ad,
      encode: (i) => hashBucket(L.ad[i]!, idBuckets.ad, SALT.ad, seed),
    },
    {
      name: 'advertiser_id',
      group: 'ad_ids',
      vocabSize: idBuckets.advertiser,
      encode: (i) =>
        hashBucket(ads.advertiser[L.ad[i]!]!, idBuckets.advertiser, SALT.advertiser, seed),
    },
    {
      name: 'age',
      group: 'user',
      vocabSize: NUM_AGES,
      values: AGE_BUCKETS,
      encode: (i) => users.age[L.user[i]!]!,
    },
    {
      name: 'gender',
      group: 'user',
      vocabSize: NUM_GENDERS,
      values: GENDERS,
      encode: (i) => users.gender[L.user[i]!]!,
    },
    {
      name: 'country',
      group: 'user',
      vocabSize: NUM_COUNTRIES,
      values: COUNTRIES,
      encode: (i) => users.country[L.user[i]!]!,
    },
    {
      name: 'category',
      group: 'ad',
      vocabSize: NUM_CATEGORIES,
      values: CATEGORIES,
      encode: (i) => ads.category[L.ad[i]!]!,
    },
    {
      name: 'format',
      group: 'ad',
      vocabSize: NUM_FORMATS,
      values: FORMATS,
      encode: (i) => ads.format[L.ad[i]!]!,
    },
    {
      name: 'hour',
      group: 'context',
      vocabSize: 24,
      values: range(24, String),
      encode: (i) => L.hour[i]!,
    },
    {
      name: 'device',
      group: 'context',
      vocabSize: NUM_DEVICES,
      values: DEVICES,
      encode: (i) => L.device[i]!,
    },
    {
      name: 'placement',
      group: 'context',
      vocabSize: NUM_PLACEMENTS,
      values: PLACEMENTS,
      encode: (i) => L.placement[i]!,
    },
    {
      name: 'position',
      group: 'position',
      vocabSize: POSITION_BUCKETS.length,
      values: POSITION_BUCKETS,
      encode:
        fixedPosition === undefined
          ? (i) => positionBucket(L.position[i]!)
          : () => positionBucket(fixedPosition),
    },
    {
      name: 'ad_impressions',
      group: 'counters',
      vocabSize: COUNT_BUCKETS,
      values: range(COUNT_BUCKETS, (k) => `b${k}`),
      encode: (i) => countBucket(hist.adImpressions[i]!),
    },
    {
      name: 'user_impressions',
      group: 'counters',
      vocabSize: COUNT_BUCKETS,
      values: range(COUNT_BUCKETS, (k) => `b${k}`),
      encode: (i) => countBucket(hist.userImpressions[i]!),
    },
    {
      name: 'ad_age',
      group: 'counters',
      vocabSize: AD_AGE_BUCKETS.length,
      values: AD_AGE_BUCKETS,
      encode: (i) => adAgeBucket(L.day[i]! - ads.startDay[L.ad[i]!]!),
    },
    {
      name: 'age_x_category',
      group: 'crosses',
      vocabSize: NUM_AGES * NUM_CATEGORIES,
      values: AGE_BUCKETS.flatMap((a) => CATEGORIES.map((c) => `${a}|${c}`)),
      encode: (i) => users.age[L.user[i]!]! * NUM_CATEGORIES + ads.category[L.ad[i]!]!,
    },
    {
      name: 'device_x_format',
      group: 'crosses',
      vocabSize: NUM_DEVICES * NUM_FORMATS,
      values: DEVICES.flatMap((d) => FORMATS.map((f) => `${d}|${f}`)),
      encode: (i) => L.device[i]! * NUM_FORMATS + ads.format[L.ad[i]!]!,
    },
    {
      name: 'hourpart_x_placement',
      group: 'crosses',
      vocabSize: NUM_HOUR_PARTS * NUM_PLACEMENTS,
      values: HOUR_PARTS.flatMap((h) => PLACEMENTS.map((p) => `${h}|${p}`)),
      encode: (i) => hourPart(L.hour[i]!) * NUM_PLACEMENTS + L.placement[i]!,
    },
    {
      // 0 = the ad's category is not among the user's interests; 1 + c = it is, category c.
      name: 'interest_match_x_category',
      group: 'crosses',
      vocabSize: 1 + NUM_CATEGORIES,
      values: ['no_match', ...CATEGORIES.map((c) => `match|${c}`)],
      encode: (i) => {
        const c = ads.category[L.ad[i]!]!;
        return (users.interests[L.user[i]!]! >> c) & 1 ? 1 + c : 0;
      },
    },
  ];
}

function denseSpecs(world: AdWorld, hist: HistoryFeatures): DenseSpec[] {
  const { users, impressions: L } = world;
  return [
    {
      group: 'interests',
      names: CATEGORIES.map((c) => `interest_${c}`),
      encode: (i, out, off) => {
        const mask = users.interests[L.user[i]!]!;
        for (let c = 0; c < NUM_CATEGORIES; c++) out[off + c] = (mask >> c) & 1;
      },
    },
    {
      group: 'history',
      names: ['hist_ad_ctr', 'hist_advertiser_ctr', 'hist_user_ctr', 'hist_user_category_ctr'],
      encode: (i, out, off) => {
        const g = logit(hist.globalCtr[i]!);
        out[off] = logit(hist.adCtr[i]!) - g;
        out[off + 1] = logit(hist.advertiserCtr[i]!) - g;
        out[off + 2] = logit(hist.userCtr[i]!) - g;
        out[off + 3] = logit(hist.userCategoryCtr[i]!) - g;
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Tables

export interface DcnFieldInfo {
  name: string;
  group: FeatureGroup;
  vocabSize: number;
}

export interface DcnData {
  /** One Int32Array per field, `dense` ({data, width}) if any dense group, `click`, `target`. */
  table: DataTable;
  fields: DcnFieldInfo[];
  denseDim: number;
  denseNames: string[];
  /** Log rows of the table, in table order. */
  rows: Int32Array;
  groups: FeatureGroup[];
}

export interface DenseData {
  /** `features` ({data, width}) and `label` (Float32Array 0/1). */
  table: DataTable;
  featureNames: string[];
  width: number;
  rows: Int32Array;
  groups: FeatureGroup[];
}

/**
 * Builds model tables for one world. History is computed once, here; tables for any rows and
 * group set are then cheap.
 */
export interface FeaturePipeline {
  world: AdWorld;
  options: ResolvedFeatureOptions;
  history: HistoryFeatures;
  /** Categorical fields (embedded) + dense features + click, for DCN-V2. */
  dcn(rows: ArrayLike<number>, opts?: EncodeOptions): DcnData;
  /** One-hot categorical + dense features + label, for the MLP. */
  mlp(rows: ArrayLike<number>, opts?: EncodeOptions): DenseData;
  /** One-hot categorical (with hand-made crosses by default) + dense + label, for LR. */
  lr(rows: ArrayLike<number>, opts?: EncodeOptions): DenseData;
}

function resolveGroups(kind: ModelKind, opts: EncodeOptions | undefined): FeatureGroup[] {
  const base = opts?.groups ?? DEFAULT_GROUPS[kind];
  for (const g of [...base, ...(opts?.drop ?? [])]) {
    if (!ALL_GROUPS.includes(g)) throw new RangeError(`ad-click features: unknown group "${g}"`);
  }
  const drop = new Set(opts?.drop ?? []);
  const groups = ALL_GROUPS.filter((g) => base.includes(g) && !drop.has(g));
  if (groups.length === 0) throw new RangeError('ad-click features: no feature group left');
  return groups;
}

/** Refuse tables that would not fit comfortably in a browser tab. */
const MAX_DENSE_VALUES = 150_000_000;

function toRows(rows: ArrayLike<number>, world: AdWorld): Int32Array {
  const out = Int32Array.from(rows);
  for (const i of out) {
    if (i < 0 || i >= world.impressions.count) {
      throw new RangeError(`ad-click features: row ${i} is outside the log`);
    }
  }
  return out;
}

export function createFeaturePipeline(world: AdWorld, opts?: FeatureOptions): FeaturePipeline {
  const o = resolveFeatureOptions(opts);
  return pipelineWithHistory(world, computeHistory(world, o), o);
}

/** The tables of createFeaturePipeline for a log whose history features are already known. */
function pipelineWithHistory(
  world: AdWorld,
  history: HistoryFeatures,
  o: ResolvedFeatureOptions,
): FeaturePipeline {
  const dense = denseSpecs(world, history);
  const click = world.impressions.click;

  const labels = (rows: Int32Array): Float32Array => {
    const y = new Float32Array(rows.length);
    for (let r = 0; r < rows.length; r++) y[r] = click[rows[r]!]!;
    return y;
  };

  const denseBlock = (
    rows: Int32Array,
    groups: FeatureGroup[],
    leading: number,
  ): { data: Float32Array; width: number; names: string[] } => {
    const specs = dense.filter((s) => groups.includes(s.group));
    const names = specs.flatMap((s) => s.names);
    const width = leading + names.length;
    if (rows.length * width > MAX_DENSE_VALUES) {
      throw new RangeError(
        `ad-click features: ${rows.length} rows × ${width} columns is too large; downsample or use fewer rows`,
      );
    }
    const data = new Float32Array(rows.length * width);
    for (let r = 0; r < rows.length; r++) {
      let off = r * width + leading;
      for (const s of specs) {
        s.encode(rows[r]!, data, off);
        off += s.names.length;
      }
    }
    return { data, width, names };
  };

  const oneHot = (kind: 'mlp' | 'lr', rowsIn: ArrayLike<number>, e?: EncodeOptions): DenseData => {
    const rows = toRows(rowsIn, world);
    const groups = resolveGroups(kind, e);
    const b = o.oneHotIdBuckets;
    const specs = categoricalSpecs(
      world,
      history,
      o,
      { user: b, ad: b, advertiser: b },
      e?.fixedPosition,
    ).filter((s) => groups.includes(s.group));
    const catNames = specs.flatMap((s) =>
      s.values
        ? s.values.map((v) => `${s.name}=${v}`)
        : range(s.vocabSize, (k) => `${s.name}#${k}`),
    );
    const block = denseBlock(rows, groups, catNames.length);
    const { data, width } = block;
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r]!;
      let off = r * width;
      for (const s of specs) {
        data[off + s.encode(i)] = 1;
        off += s.vocabSize;
      }
    }
    return {
      table: { features: { data, width }, label: labels(rows) },
      featureNames: [...catNames, ...block.names],
      width,
      rows,
      groups,
    };
  };

  return {
    world,
    options: o,
    history,
    dcn(rowsIn, e) {
      const rows = toRows(rowsIn, world);
      const groups = resolveGroups('dcn', e);
      const specs = categoricalSpecs(
        world,
        history,
        o,
        { user: o.userBuckets, ad: o.adBuckets, advertiser: o.advertiserBuckets },
        e?.fixedPosition,
      ).filter((s) => groups.includes(s.group));
      const table: DataTable = {};
      for (const s of specs) {
        const col = new Int32Array(rows.length);
        for (let r = 0; r < rows.length; r++) col[r] = s.encode(rows[r]!);
        table[s.name] = col;
      }
      const block = denseBlock(rows, groups, 0);
      if (block.width > 0) table.dense = { data: block.data, width: block.width };
      table.click = labels(rows);
      // DCN-V2 here is multi-task; ads have no second target, so train with regression weight 0.
      table.target = new Float32Array(rows.length);
      return {
        table,
        fields: specs.map((s) => ({ name: s.name, group: s.group, vocabSize: s.vocabSize })),
        denseDim: block.width,
        denseNames: block.names,
        rows,
        groups,
      };
    },
    mlp: (rows, e) => oneHot('mlp', rows, e),
    lr: (rows, e) => oneHot('lr', rows, e),
  };
}

/** DcnConfig fields from a DCN table: every field embedded with `dim` dimensions. */
export function dcnFields(data: DcnData, dim: number): CategoricalField[] {
  return data.fields.map((f) => ({ name: f.name, vocabSize: f.vocabSize, dim }));
}

// ---------------------------------------------------------------------------------------------
// Splits by day

export interface DaySplit {
  trainDays: number[];
  calibrationDay: number;
  testDay: number;
  train: Int32Array;
  calibration: Int32Array;
  test: Int32Array;
}

export interface SplitOptions {
  /** Leading days kept out of training because their history features are still empty (default 1). */
  warmupDays?: number;
  /** Train only on the last N days before the calibration day (default: all after warm-up). */
  trainWindow?: number;
}

/**
 * Time-based split: the last day is the test day, the day before it calibrates (fits the
 * recalibration / picks thresholds), and training uses the days before that after the warm-up.
 * Never random: random rows would leak tomorrow's drift into training.
 */
export function splitByDay(world: AdWorld, opts: SplitOptions = {}): DaySplit {
  const D = world.options.days;
  const warm = opts.warmupDays ?? 1;
  const testDay = D - 1;
  const calibrationDay = D - 2;
  let first = warm;
  if (opts.trainWindow !== undefined) first = Math.max(first, calibrationDay - opts.trainWindow);
  if (first > calibrationDay - 1) {
    throw new RangeError(
      `ad-click splitByDay: ${D} days leave no training day after ${warm} warm-up day(s)`,
    );
  }
  const trainDays = Array.from({ length: calibrationDay - first }, (_, k) => first + k);
  return {
    trainDays,
    calibrationDay,
    testDay,
    train: rowsOfDays(world, trainDays),
    calibration: rowsOfDays(world, [calibrationDay]),
    test: rowsOfDays(world, [testDay]),
  };
}

// ---------------------------------------------------------------------------------------------
// Negative downsampling and recalibration

/**
 * Keeps every row whose label is 1 and each other row with probability `rate` (seeded). `labels`
 * is indexed by log row (e.g. world.impressions.click). Returns the kept rows in input order.
 */
export function downsampleNegatives(
  labels: ArrayLike<number>,
  rows: ArrayLike<number>,
  rate: number,
  seed: number,
): Int32Array {
  if (!(rate > 0 && rate <= 1)) {
    throw new RangeError(`downsampleNegatives: rate must be in (0, 1], got ${rate}`);
  }
  const rng = createRng(seed);
  const out = new Int32Array(rows.length);
  let k = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    // Draw for every row so the kept negatives do not depend on where the positives are.
    const u = rng.next();
    if (labels[i]! > 0.5 || u < rate) out[k++] = i;
  }
  return out.slice(0, k);
}

/**
 * Undoes negative downsampling at rate w: a model trained on the downsampled data predicts p,
 * the probability on the full distribution is q = p / (p + (1 − p) / w).
 */
export function recalibrate(p: number, rate: number): number {
  if (!(rate > 0 && rate <= 1)) {
    throw new RangeError(`recalibrate: rate must be in (0, 1], got ${rate}`);
  }
  return p / (p + (1 - p) / rate);
}

/** recalibrate() over an array. */
export function recalibrateAll(probs: ArrayLike<number>, rate: number): Float32Array {
  const out = new Float32Array(probs.length);
  for (let i = 0; i < probs.length; i++) out[i] = recalibrate(probs[i]!, rate);
  return out;
}

/** The inverse: what a model trained at rate w should predict for true probability q. */
export function downsampledProbability(q: number, rate: number): number {
  if (!(rate > 0 && rate <= 1)) {
    throw new RangeError(`downsampledProbability: rate must be in (0, 1], got ${rate}`);
  }
  return q / (q + (1 - q) * rate);
}

// ---------------------------------------------------------------------------------------------
// Serving: features of ads that were never shown

/** One ad request: who asks, when, and on which surface. */
export interface AdRequestContext {
  user: number;
  day: number;
  hour: number;
  device: number;
  placement: number;
}

/**
 * A feature pipeline over the candidates of one request instead of the log: row r is "ad
 * ads[r] shown to the request's user in its context", at `position` (serving fixes the slot,
 * see the position group), with history from `store` — the feature store as of the request's
 * day, the same point-in-time view training rows had. Encoders are the training ones, so the
 * tables match what the exported models expect.
 */
export function requestPipeline(
  world: AdWorld,
  store: HistoryStore,
  request: AdRequestContext,
  ads: ArrayLike<number>,
  position = 1,
): { pipeline: FeaturePipeline; rows: Int32Array } {
  const n = ads.length;
  const { user, day, hour, device, placement } = request;
  if (user < 0 || user >= world.users.count || !Number.isInteger(user)) {
    throw new RangeError(`ad-click request: user ${user} is not in the world`);
  }
  const log: AdWorld['impressions'] = {
    count: n,
    day: new Uint8Array(n).fill(day),
    hour: new Uint8Array(n).fill(hour),
    user: new Int32Array(n).fill(user),
    ad: Int32Array.from(ads),
    device: new Uint8Array(n).fill(device),
    placement: new Uint8Array(n).fill(placement),
    position: new Uint8Array(n).fill(position),
    explored: new Uint8Array(n),
    pClick: new Float32Array(n),
    click: new Uint8Array(n),
    cost: new Float32Array(n),
    dayStart: Int32Array.from([0, n]),
  };
  const history: HistoryFeatures = {
    globalCtr: new Float32Array(n),
    adCtr: new Float32Array(n),
    advertiserCtr: new Float32Array(n),
    userCtr: new Float32Array(n),
    userCategoryCtr: new Float32Array(n),
    adImpressions: new Int32Array(n),
    userImpressions: new Int32Array(n),
  };
  for (let r = 0; r < n; r++) {
    const a = log.ad[r]!;
    if (a < 0 || a >= world.ads.count) throw new RangeError(`ad-click request: no ad ${a}`);
    const x = store.lookup(user, a);
    history.globalCtr[r] = x.globalCtr;
    history.adCtr[r] = x.adCtr;
    history.advertiserCtr[r] = x.advertiserCtr;
    history.userCtr[r] = x.userCtr;
    history.userCategoryCtr[r] = x.userCategoryCtr;
    history.adImpressions[r] = x.adImpressions;
    history.userImpressions[r] = x.userImpressions;
  }
  const view: AdWorld = { ...world, impressions: log };
  return {
    pipeline: pipelineWithHistory(view, history, store.options),
    rows: Int32Array.from({ length: n }, (_, r) => r),
  };
}
