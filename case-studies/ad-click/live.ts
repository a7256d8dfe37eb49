/**
 * What the live ad page computes around the serving pipeline (pipeline.ts), pure so it runs in
 * the page's worker and in Node tests:
 *
 *   - the page's controls (ranker, calibration mode, auction) and their limits;
 *   - the calibration a mode stands for: none (the model's raw, downsampled output), the
 *     downsampling undone only, or Platt fitted on the held-out calibration day;
 *   - the world's true click probability of any (request, ad) pair, for the A/B test's clicks
 *     and the Bayes-optimal reference;
 *   - offline metrics of a model on a held-out day: AUC, log loss, NE, ECE, ROC / PR points and
 *     reliability bins, all from lib/metrics;
 *   - one A/B request: an arm's auction winner in the top slot, and what it earns.
 */
import { runAuction, type PriceRule } from '@/lib/auction';
import { fitPlatt, identityCalibrator, type Calibrator } from '@/lib/calibration';
import {
  expectedCalibrationError,
  logLoss,
  normalizedEntropy,
  prCurve,
  reliabilityBins,
  rocAuc,
  rocCurve,
  type ReliabilityBin,
} from '@/lib/metrics';
import type { Rng } from '@/lib/random';
import { adCalibration, type AdCalibration } from './calibration';
import { recalibrateAll, type AdRequestContext, type ModelKind } from './features';
import {
  NUM_DEVICES,
  NUM_PLACEMENTS,
  trueProbabilities,
  type AdWorld,
  type ImpressionLog,
} from './world';

export const RANKERS: readonly ModelKind[] = ['dcn', 'mlp', 'lr'];
export const RANKER_LABELS: Record<ModelKind, string> = {
  dcn: 'DCN-V2',
  mlp: 'MLP',
  lr: 'Logistic regression',
};

export type CalibrationMode = 'none' | 'downsampling' | 'platt';
export const CALIBRATION_MODES: readonly CalibrationMode[] = ['none', 'downsampling', 'platt'];
export const CALIBRATION_LABELS: Record<CalibrationMode, string> = {
  none: 'None (raw, downsampled scores)',
  downsampling: 'Downsampling undone only',
  platt: 'Platt, fitted on the held-out day',
};

export const PRICE_RULES: readonly PriceRule[] = ['second', 'first'];

export interface LiveControls {
  ranker: ModelKind;
  calibration: CalibrationMode;
  /** Dollars per click. */
  reserve: number;
  pricing: PriceRule;
  slots: number;
  /** Candidates kept by retrieval. */
  candidates: number;
}

export const CONTROL_LIMITS = {
  reserve: { min: 0, max: 5 },
  slots: { min: 1, max: 6 },
  candidates: { min: 1, max: 500 },
} as const;

export const DEFAULT_CONTROLS: LiveControls = {
  ranker: 'dcn',
  calibration: 'platt',
  reserve: 0.05,
  pricing: 'second',
  slots: 3,
  candidates: 100,
};

/** The request the page serves, less the day (chosen apart: it sets the feature store). */
export type LiveContext = Omit<AdRequestContext, 'user' | 'day'>;

/** Days a request may be served on: each needs at least one day of history before it. */
export function servingDays(world: AdWorld): { min: number; max: number } {
  return { min: 1, max: world.options.days - 1 };
}

/** A random request of the world's population (seeded by the caller's Rng). */
export function randomRequest(users: number, rng: Rng, day: number): AdRequestContext {
  return {
    user: rng.int(users),
    day,
    hour: rng.int(24),
    device: rng.int(NUM_DEVICES),
    placement: rng.int(NUM_PLACEMENTS),
  };
}

// ---------------------------------------------------------------------------------------------
// Calibration modes

/**
 * The serving calibration of a mode. `shipped` carries the negative rate the model was trained
 * with; `platt` is a calibrator fitted on the held-out day's recalibrated scores (platt mode only).
 */
export function calibrationFor(
  mode: CalibrationMode,
  shipped: AdCalibration,
  platt: Calibrator | null,
): AdCalibration {
  if (mode === 'none') return adCalibration(1, identityCalibrator);
  if (mode === 'downsampling') return adCalibration(shipped.negativeRate, identityCalibrator);
  if (!platt) throw new Error('Platt calibration is not fitted yet');
  return adCalibration(shipped.negativeRate, platt);
}

/** Platt fitted to the held-out day: raw scores → downsampling undone → σ(a·logit + b). */
export function fitHeldOutPlatt(
  raw: ArrayLike<number>,
  labels: ArrayLike<number>,
  negativeRate: number,
): Calibrator {
  return fitPlatt(recalibrateAll(raw, negativeRate), labels);
}

// ---------------------------------------------------------------------------------------------
// The world's truth for requests that were never logged

/**
 * True click probability of showing each of `ads` to the request at slot `position`: the
 * generator's click model evaluated on a one-request log (the same view requestPipeline builds).
 */
export function trueRequestProbabilities(
  world: AdWorld,
  request: AdRequestContext,
  ads: ArrayLike<number>,
  position = 1,
): Float32Array {
  const n = ads.length;
  const log: ImpressionLog = {
    count: n,
    day: new Uint8Array(n).fill(request.day),
    hour: new Uint8Array(n).fill(request.hour),
    user: new Int32Array(n).fill(request.user),
    ad: Int32Array.from(ads),
    device: new Uint8Array(n).fill(request.device),
    placement: new Uint8Array(n).fill(request.placement),
    position: new Uint8Array(n).fill(position),
    explored: new Uint8Array(n),
    pClick: new Float32Array(n),
    click: new Uint8Array(n),
    cost: new Float32Array(n),
    dayStart: Int32Array.from([0, n]),
  };
  // An empty options object makes trueProbabilities evaluate the click model instead of
  // reading the (empty) logged pClick.
  return trueProbabilities({ ...world, impressions: log }, undefined, {});
}

// ---------------------------------------------------------------------------------------------
// Offline metrics on a held-out day

export interface CurvePoint {
  x: number;
  y: number;
}

export interface ModelMetrics {
  n: number;
  clicks: number;
  auc: number;
  logLoss: number;
  normalizedEntropy: number;
  ece: number;
  meanPredicted: number;
  roc: CurvePoint[];
  pr: CurvePoint[];
  reliability: ReliabilityBin[];
}

/** At most `max` points of a curve, evenly spaced by index, both ends kept. */
export function thinPoints(points: readonly CurvePoint[], max: number): CurvePoint[] {
  if (points.length <= max) return [...points];
  const out: CurvePoint[] = [];
  for (let s = 0; s < max; s++) {
    out.push(points[Math.round((s * (points.length - 1)) / (max - 1))]!);
  }
  return out;
}

const CURVE_POINTS = 150;
const ECE_BINS = 20;

/** AUC, log loss, NE, ECE (20 equal-mass bins), ROC / PR points and reliability bins. */
export function modelMetrics(labels: ArrayLike<number>, probs: ArrayLike<number>): ModelMetrics {
  let clicks = 0;
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    clicks += labels[i]!;
    sum += probs[i]!;
  }
  return {
    n: labels.length,
    clicks,
    auc: rocAuc(labels, probs),
    logLoss: logLoss(labels, probs),
    normalizedEntropy: normalizedEntropy(labels, probs),
    ece: expectedCalibrationError(labels, probs, { bins: ECE_BINS, strategy: 'quantile' }),
    meanPredicted: sum / labels.length,
    roc: thinPoints(
      rocCurve(labels, probs).map((p) => ({ x: p.fpr, y: p.tpr })),
      CURVE_POINTS,
    ),
    pr: thinPoints(
      prCurve(labels, probs).map((p) => ({ x: p.recall, y: p.precision })),
      CURVE_POINTS,
    ),
    reliability: reliabilityBins(labels, probs, { bins: 10, strategy: 'quantile' }),
  };
}

/**
 * A seeded sample of `max` rows of a day (all of them if it has fewer), in log order, so the
 * page's metrics run in seconds on the whole population's behaviour.
 */
export function sampleRows(rows: Int32Array, max: number, rng: Rng): Int32Array {
  if (rows.length <= max) return rows;
  // Selection sampling (Knuth's algorithm S): keeps the order, one pass.
  const out = new Int32Array(max);
  let k = 0;
  for (let i = 0; i < rows.length && k < max; i++) {
    if (rng.next() * (rows.length - i) < max - k) out[k++] = rows[i]!;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// One request of the A/B test

export interface AbArmScores {
  ads: Int32Array;
  /** The arm's calibrated pCTR of each ad. */
  pCtr: Float32Array;
  /** The world's true click probability of each ad at the top slot. */
  pTrue: Float32Array;
  bids: Float32Array;
  advertisers: Int32Array;
}

/**
 * Serves one A/B request with an arm's predictions: its auction fills the top ad slot, the click
 * comes from the world's true probability of the winner, the price is what the auction charges.
 */
export function abServe(
  s: AbArmScores,
  auction: { reserve: number; rule: PriceRule },
): { pClick: number; pricePerClick: number; ad: number } {
  const result = runAuction(
    Array.from(s.ads, (ad, r) => ({
      id: String(r),
      bid: s.bids[r]!,
      pCtr: s.pCtr[r]!,
      advertiser: String(s.advertisers[r]!),
    })),
    { slots: 1, reserve: auction.reserve, rule: auction.rule },
  );
  const w = result.winners[0];
  if (!w) return { pClick: 0, pricePerClick: 0, ad: -1 };
  const r = Number(w.candidate.id);
  return { pClick: s.pTrue[r]!, pricePerClick: w.pricePerClick, ad: s.ads[r]! };
}
