/**
 * One ad request through the serving system of the ad click case, stage by stage:
 *
 *   targeting   ads launched by today, whose targeting (age, country, gender) matches the user
 *               and whose daily budget is not spent;
 *   retrieval   an embedding search among those for the ads most relevant to the user;
 *   features    the candidates' features from the feature store as of today (features.ts);
 *   ranking     the click model's raw pCTR (DCN-V2, MLP or LR: the caller's scorer, ONNX in a
 *               worker in the browser), at a fixed slot so position bias does not rank ads;
 *   calibration undo negative downsampling, then Platt or isotonic (calibration.ts);
 *   auction     eCPM = bid × calibrated pCTR, reserve, second or first price, feed slots
 *               (lib/auction).
 *
 * Every stage is timed with lib/pipeline's StageTimer (the clock is passed in). Pure TypeScript.
 *
 * The retrieval embedding is estimated from the log, not taken from the generator: a user's
 * vector holds, per ad category, the log-odds lift of CTR for users of their age bucket plus
 * the lift of a declared interest when they declared it; an ad's vector is its category
 * one-hot plus its smoothed CTR lift. The inner product is then "how much this user's segment
 * likes this category, plus how good this ad is" — a two-factor retrieval a real system would
 * learn with a two-tower model, small enough to explain.
 */
import { runAuction, type AuctionOptions, type AuctionResult } from '@/lib/auction';
import { StageTimer, type StageTiming } from '@/lib/pipeline/stages';
import { ExactIndex } from '@/lib/search';
import type { AdCalibration } from './calibration';
import {
  DEFAULT_GROUPS,
  requestPipeline,
  type AdRequestContext,
  type DcnData,
  type DenseData,
  type FeatureGroup,
  type HistoryStore,
  type ModelKind,
} from './features';
import { NUM_AGES, NUM_CATEGORIES, eligible, type AdWorld } from './world';

export type { AdRequestContext } from './features';

/** What the ranker scores: the DCN-V2 table or the one-hot table of the MLP / LR. */
export type RankerInput = { kind: 'dcn'; data: DcnData } | { kind: 'mlp' | 'lr'; data: DenseData };

export interface AdRanker {
  kind: ModelKind;
  /** Feature groups the model was trained with (metrics.json: models[kind].groups). */
  groups: readonly FeatureGroup[];
  /** Raw model probabilities of the candidate rows, in order. */
  score(input: RankerInput): Float32Array | Promise<Float32Array>;
  calibration: AdCalibration;
}

/** ONNX feeds of a ranker input: `${field}_id` + `dense` for DCN-V2, `features` otherwise. */
export function onnxFeeds(
  input: RankerInput,
): Record<string, { type: 'int32' | 'float32'; data: Int32Array | Float32Array; dims: number[] }> {
  if (input.kind !== 'dcn') {
    const f = input.data.table.features as { data: Float32Array; width: number };
    return {
      features: { type: 'float32', data: f.data, dims: [input.data.rows.length, f.width] },
    };
  }
  const n = input.data.rows.length;
  const feeds: ReturnType<typeof onnxFeeds> = {};
  for (const f of input.data.fields) {
    feeds[`${f.name}_id`] = {
      type: 'int32',
      data: input.data.table[f.name] as Int32Array,
      dims: [n],
    };
  }
  const dense = input.data.table.dense as { data: Float32Array; width: number } | undefined;
  if (dense) feeds.dense = { type: 'float32', data: dense.data, dims: [n, dense.width] };
  return feeds;
}

// ---------------------------------------------------------------------------------------------
// Retrieval embeddings

export interface AdRetrieval {
  dim: number;
  /** Ads × dim, row-major. */
  adVectors: Float32Array;
  index: ExactIndex;
  /** Lift (log-odds) of each age bucket × category, [NUM_AGES × NUM_CATEGORIES]. */
  ageCategoryLift: Float32Array;
  /** Lift of showing an ad of a category the user declared an interest in. */
  interestLift: number;
  userVector(user: number): Float32Array;
}

const logOdds = (clicks: number, imps: number, prior: number, strength: number): number => {
  const p = (clicks + strength * prior) / (imps + strength);
  return Math.log(p / (1 - p));
};

/** Estimates the retrieval embeddings from the log days in the store's window. */
export function buildRetrieval(world: AdWorld, store: HistoryStore): AdRetrieval {
  const { users, ads, impressions: L } = world;
  const C = NUM_CATEGORIES;
  const cellImps = new Float64Array(NUM_AGES * C);
  const cellClicks = new Float64Array(NUM_AGES * C);
  const catImps = new Float64Array(C);
  const catClicks = new Float64Array(C);
  let inImps = 0;
  let inClicks = 0;
  let outImps = 0;
  let outClicks = 0;
  for (const d of store.days) {
    for (let i = L.dayStart[d]!; i < L.dayStart[d + 1]!; i++) {
      const u = L.user[i]!;
      const c = ads.category[L.ad[i]!]!;
      const y = L.click[i]!;
      const k = users.age[u]! * C + c;
      cellImps[k]!++;
      cellClicks[k]! += y;
      catImps[c]!++;
      catClicks[c]! += y;
      if ((users.interests[u]! >> c) & 1) {
        inImps++;
        inClicks += y;
      } else {
        outImps++;
        outClicks += y;
      }
    }
  }
  const g = store.globalCtr();
  const ageCategoryLift = new Float32Array(NUM_AGES * C);
  for (let a = 0; a < NUM_AGES; a++) {
    for (let c = 0; c < C; c++) {
      const catCtr = (catClicks[c]! + 200 * g) / (catImps[c]! + 200);
      const k = a * C + c;
      ageCategoryLift[k] =
        logOdds(cellClicks[k]!, cellImps[k]!, catCtr, 200) -
        logOdds(catClicks[c]!, catImps[c]!, g, 200);
    }
  }
  const interestLift = logOdds(inClicks, inImps, g, 200) - logOdds(outClicks, outImps, g, 200);

  const dim = C + 1;
  const adVectors = new Float32Array(ads.count * dim);
  const lg = Math.log(g / (1 - g));
  for (let a = 0; a < ads.count; a++) {
    adVectors[a * dim + ads.category[a]!] = 1;
    const ctr = store.lookup(0, a).adCtr;
    adVectors[a * dim + C] = Math.log(ctr / (1 - ctr)) - lg;
  }
  return {
    dim,
    adVectors,
    index: new ExactIndex(adVectors, dim),
    ageCategoryLift,
    interestLift,
    userVector(user) {
      const v = new Float32Array(dim);
      const age = users.age[user]!;
      const mask = users.interests[user]!;
      for (let c = 0; c < C; c++) {
        v[c] = ageCategoryLift[age * C + c]! + ((mask >> c) & 1 ? interestLift : 0);
      }
      v[C] = 1;
      return v;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Serving

export interface AdServing {
  world: AdWorld;
  /** The feature store as of `day` (the trailing window before it). */
  store: HistoryStore;
  day: number;
  retrieval: AdRetrieval;
  /** Dollars each ad has spent today (the auction leaves ads without budget out). */
  spentToday: Float64Array;
}

export function createAdServing(world: AdWorld, store: HistoryStore, day: number): AdServing {
  if (!Number.isInteger(day) || day < 0 || day >= world.options.days) {
    throw new RangeError(`ad serving: day ${day} is outside 0..${world.options.days - 1}`);
  }
  const expected = store.days.length > 0 ? Math.max(...store.days) + 1 : 0;
  if (store.days.length > 0 && expected !== day) {
    throw new RangeError(`ad serving: the feature store holds days before ${expected}, not ${day}`);
  }
  return {
    world,
    store,
    day,
    retrieval: buildRetrieval(world, store),
    spentToday: new Float64Array(world.ads.count),
  };
}

/** Targeting: ads launched by `day` that target this user and still have budget today. */
export function targetedAds(serving: AdServing, user: number): Int32Array {
  const { ads, users } = serving.world;
  const out: number[] = [];
  const country = users.country[user]!;
  const age = users.age[user]!;
  const gender = users.gender[user]!;
  for (let a = 0; a < ads.count; a++) {
    if (ads.startDay[a]! > serving.day) continue;
    if (!eligible(ads, a, country, age, gender)) continue;
    if (serving.spentToday[a]! >= ads.dailyBudget[a]!) continue;
    out.push(a);
  }
  return Int32Array.from(out);
}

export interface AdRequestOptions {
  /** Candidates kept by retrieval (default 100). */
  retrieve?: number;
  auction?: AuctionOptions;
  /** Slot the ranker scores at (default 1: serve position-free). */
  position?: number;
  /** Clock for the stage timings (default performance.now). */
  now?: () => number;
}

export interface RankedAd {
  ad: number;
  /** Retrieval score (inner product). */
  relevance: number;
  pRaw: number;
  pCalibrated: number;
  bid: number;
  /** 1000 × bid × calibrated pCTR. */
  ecpm: number;
}

export interface AdRequestResult {
  request: AdRequestContext;
  /** Ads that passed targeting. */
  targeted: number;
  candidates: RankedAd[];
  auction: AuctionResult;
  timings: StageTiming[];
  totalMs: number;
}

export async function serveAdRequest(
  serving: AdServing,
  request: AdRequestContext,
  ranker: AdRanker,
  opts: AdRequestOptions = {},
): Promise<AdRequestResult> {
  const { world } = serving;
  if (request.day !== serving.day) {
    throw new RangeError(
      `ad request: day ${request.day}, but serving is set up for day ${serving.day}`,
    );
  }
  const k = opts.retrieve ?? 100;
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`ad request: retrieve must be ≥ 1, got ${k}`);
  const timer = new StageTimer(opts.now ?? (() => performance.now()));

  const targeted = await timer.run('targeting', () => targetedAds(serving, request.user));
  const retrieved = await timer.run('retrieval', () => {
    const allowed = new Uint8Array(world.ads.count);
    for (const a of targeted) allowed[a] = 1;
    return serving.retrieval.index.search(serving.retrieval.userVector(request.user), k, {
      exclude: (a) => allowed[a] === 0,
    });
  });
  const input = await timer.run('features', (): RankerInput => {
    const { pipeline, rows } = requestPipeline(
      world,
      serving.store,
      request,
      retrieved.ids,
      opts.position ?? 1,
    );
    const groups = ranker.groups.length > 0 ? ranker.groups : DEFAULT_GROUPS[ranker.kind];
    return ranker.kind === 'dcn'
      ? { kind: 'dcn', data: pipeline.dcn(rows, { groups }) }
      : { kind: ranker.kind, data: pipeline[ranker.kind](rows, { groups }) };
  });
  const raw = await timer.run('ranking', () => ranker.score(input));
  if (raw.length !== retrieved.ids.length) {
    throw new Error(
      `ad request: the ranker returned ${raw.length} scores for ${retrieved.ids.length} ads`,
    );
  }
  const calibrated = await timer.run('calibration', () => ranker.calibration.applyAll(raw));
  const candidates: RankedAd[] = Array.from(retrieved.ids, (ad, r) => {
    const bid = world.ads.bid[ad]!;
    return {
      ad,
      relevance: retrieved.scores[r]!,
      pRaw: raw[r]!,
      pCalibrated: calibrated[r]!,
      bid,
      ecpm: 1000 * bid * calibrated[r]!,
    };
  });
  const auction = await timer.run('auction', () =>
    runAuction(
      candidates.map((c) => ({
        id: String(c.ad),
        bid: c.bid,
        pCtr: c.pCalibrated,
        advertiser: String(world.ads.advertiser[c.ad]!),
        budgetLeft: world.ads.dailyBudget[c.ad]! - serving.spentToday[c.ad]!,
      })),
      opts.auction,
    ),
  );
  return {
    request,
    targeted: targeted.length,
    candidates,
    auction,
    timings: timer.timings,
    totalMs: timer.totalMs,
  };
}
