/**
 * Binary classification metrics over labels (0/1) and scores or probabilities.
 *
 * Policy: malformed input throws a RangeError (length mismatch, a label other than 0/1, a NaN
 * score, a probability outside [0, 1]). Undefined values are NaN: AUC and average precision
 * with a single class present, anything on empty input. Curves (rocCurve, prCurve) throw
 * instead when a class is missing, because a curve with a NaN axis cannot be drawn.
 */
import { checkBinaryLabels, checkNotNaN, checkProbabilities, checkSameLength } from './validate';

function checkScored(labels: ArrayLike<number>, scores: ArrayLike<number>, what: string): number {
  checkSameLength(labels, scores, what);
  const pos = checkBinaryLabels(labels, what);
  checkNotNaN(scores, what);
  return pos;
}

/** Indices sorted by score descending (ties in index order; callers group ties themselves). */
function orderDescending(scores: ArrayLike<number>): Int32Array {
  const idx = new Int32Array(scores.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  idx.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return idx;
}

/**
 * ROC-AUC by ranks (Mann–Whitney U): the probability that a random positive scores above a random
 * negative, ties counting ½. Tied scores get their average rank. O(n log n).
 * NaN if there are no positives or no negatives (or no data).
 */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const pos = checkScored(labels, scores, 'rocAuc');
  const n = labels.length;
  const neg = n - pos;
  if (pos === 0 || neg === 0) return NaN;
  const idx = orderDescending(scores);
  // Ranks ascending: the item at descending position i has ascending rank n − i.
  let rankSumPos = 0;
  for (let i = 0; i < n;) {
    let j = i;
    const s = scores[idx[i]!]!;
    let groupPos = 0;
    while (j < n && scores[idx[j]!]! === s) {
      groupPos += labels[idx[j]!]!;
      j++;
    }
    // Positions i..j−1 (descending) = ascending ranks n−j+1 .. n−i; their mean:
    const avgRank = (n - j + 1 + (n - i)) / 2;
    rankSumPos += groupPos * avgRank;
    i = j;
  }
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

export interface RocPoint {
  /** Predict positive when score ≥ threshold (+∞ for the all-negative starting point). */
  threshold: number;
  fpr: number;
  tpr: number;
}

/**
 * ROC curve: one point per distinct score (descending), starting at (0, 0) with threshold +∞
 * and ending at (1, 1). Tied scores move diagonally, so the trapezoid area under these points
 * equals rocAuc. Throws if either class is absent.
 */
export function rocCurve(labels: ArrayLike<number>, scores: ArrayLike<number>): RocPoint[] {
  const pos = checkScored(labels, scores, 'rocCurve');
  const n = labels.length;
  const neg = n - pos;
  if (pos === 0 || neg === 0) {
    throw new RangeError('rocCurve: needs at least one positive and one negative label');
  }
  const idx = orderDescending(scores);
  const points: RocPoint[] = [{ threshold: Infinity, fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < n;) {
    const s = scores[idx[i]!]!;
    while (i < n && scores[idx[i]!]! === s) {
      if (labels[idx[i]!] === 1) tp++;
      else fp++;
      i++;
    }
    points.push({ threshold: s, fpr: fp / neg, tpr: tp / pos });
  }
  return points;
}

export interface PrPoint {
  /** Predict positive when score ≥ threshold (+∞ for the empty-prediction starting point). */
  threshold: number;
  recall: number;
  precision: number;
}

/**
 * Precision–recall curve: one point per distinct score (descending), preceded by the
 * conventional (recall 0, precision 1) point at threshold +∞. Throws if there are no positives.
 */
export function prCurve(labels: ArrayLike<number>, scores: ArrayLike<number>): PrPoint[] {
  const pos = checkScored(labels, scores, 'prCurve');
  if (pos === 0) throw new RangeError('prCurve: needs at least one positive label');
  const n = labels.length;
  const idx = orderDescending(scores);
  const points: PrPoint[] = [{ threshold: Infinity, recall: 0, precision: 1 }];
  let tp = 0;
  let predicted = 0;
  for (let i = 0; i < n;) {
    const s = scores[idx[i]!]!;
    while (i < n && scores[idx[i]!]! === s) {
      tp += labels[idx[i]!]!;
      predicted++;
      i++;
    }
    points.push({ threshold: s, recall: tp / pos, precision: tp / predicted });
  }
  return points;
}

/**
 * Average precision, the step-wise area under the PR curve (no interpolation, no trapezoids —
 * trapezoids over-estimate it): AP = Σ_t (R_t − R_{t−1}) · P_t over distinct thresholds t,
 * descending. Same definition as scikit-learn's average_precision_score; tied scores form one
 * step. NaN if there are no positives; 1 for a perfect ranking; the positive rate for random.
 */
export function averagePrecision(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const pos = checkScored(labels, scores, 'averagePrecision');
  if (pos === 0) return NaN;
  const n = labels.length;
  const idx = orderDescending(scores);
  let tp = 0;
  let predicted = 0;
  let prevRecall = 0;
  let ap = 0;
  for (let i = 0; i < n;) {
    const s = scores[idx[i]!]!;
    while (i < n && scores[idx[i]!]! === s) {
      tp += labels[idx[i]!]!;
      predicted++;
      i++;
    }
    const recall = tp / pos;
    ap += (recall - prevRecall) * (tp / predicted);
    prevRecall = recall;
  }
  return ap;
}

/** PR-AUC, defined here as step-wise average precision (see averagePrecision). */
export const prAuc = averagePrecision;

/** Area under a polyline by trapezoids (x need not start at 0). Used to check curves. */
export function trapezoidArea(xs: readonly number[], ys: readonly number[]): number {
  checkSameLength(xs, ys, 'trapezoidArea');
  let a = 0;
  for (let i = 1; i < xs.length; i++) a += ((xs[i]! - xs[i - 1]!) * (ys[i]! + ys[i - 1]!)) / 2;
  return a;
}

export interface LogLossOptions {
  /** Probabilities are clipped to [eps, 1 − eps] so a confident mistake costs −ln(eps), not ∞. Default 1e-15. */
  eps?: number;
}

/**
 * Mean binary cross-entropy in nats: −mean(y·ln p + (1−y)·ln(1−p)), p clipped to [eps, 1−eps].
 * NaN on empty input; throws on probabilities outside [0, 1] or NaN.
 */
export function logLoss(
  labels: ArrayLike<number>,
  probs: ArrayLike<number>,
  options: LogLossOptions = {},
): number {
  const what = 'logLoss';
  checkSameLength(labels, probs, what);
  checkBinaryLabels(labels, what);
  checkProbabilities(probs, what);
  const eps = options.eps ?? 1e-15;
  if (!(eps > 0 && eps < 0.5)) throw new RangeError(`${what}: eps must be in (0, 0.5), got ${eps}`);
  const n = labels.length;
  if (n === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const p = Math.min(1 - eps, Math.max(eps, probs[i]!));
    sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return sum / n;
}

/** Entropy in nats of a Bernoulli(p): −p ln p − (1−p) ln(1−p), with 0 ln 0 = 0. */
export function binaryEntropy(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binaryEntropy: p must be in [0, 1], got ${p}`);
  if (p === 0 || p === 1) return 0;
  return -p * Math.log(p) - (1 - p) * Math.log(1 - p);
}

/**
 * Normalized entropy (He et al., "Practical Lessons from Predicting Clicks on Ads at Facebook",
 * 2014): log loss divided by the entropy of the empirical base rate, i.e. the log loss of always
 * predicting the average CTR. < 1 beats that baseline; lower is better. NaN when the base rate
 * is 0 or 1 (the baseline is perfect, so the ratio is undefined) or on empty input.
 */
export function normalizedEntropy(
  labels: ArrayLike<number>,
  probs: ArrayLike<number>,
  options: LogLossOptions = {},
): number {
  const ll = logLoss(labels, probs, options);
  if (labels.length === 0) return NaN;
  let pos = 0;
  for (let i = 0; i < labels.length; i++) pos += labels[i]!;
  const h = binaryEntropy(pos / labels.length);
  return h === 0 ? NaN : ll / h;
}

export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** Confusion counts when predicting positive iff score ≥ threshold. */
export function confusionAtThreshold(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  threshold: number,
): Confusion {
  checkScored(labels, scores, 'confusionAtThreshold');
  if (Number.isNaN(threshold)) throw new RangeError('confusionAtThreshold: threshold is NaN');
  const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < labels.length; i++) {
    const predicted = scores[i]! >= threshold;
    if (labels[i] === 1) {
      if (predicted) c.tp++;
      else c.fn++;
    } else if (predicted) c.fp++;
    else c.tn++;
  }
  return c;
}

export interface ThresholdMetrics extends Confusion {
  /** tp / (tp + fp); NaN when nothing is predicted positive. */
  precision: number;
  /** tp / (tp + fn); NaN when there are no positives. */
  recall: number;
  /** 2tp / (2tp + fp + fn); NaN only when there are no positives and none predicted. */
  f1: number;
  /** (tp + tn) / n; NaN on empty input. */
  accuracy: number;
  /** fp / (fp + tn); NaN when there are no negatives. */
  falsePositiveRate: number;
}

/** Precision, recall, F1, accuracy and FPR when predicting positive iff score ≥ threshold. */
export function metricsAtThreshold(
  labels: ArrayLike<number>,
  scores: ArrayLike<number>,
  threshold: number,
): ThresholdMetrics {
  const c = confusionAtThreshold(labels, scores, threshold);
  const div = (a: number, b: number) => (b === 0 ? NaN : a / b);
  return {
    ...c,
    precision: div(c.tp, c.tp + c.fp),
    recall: div(c.tp, c.tp + c.fn),
    f1: div(2 * c.tp, 2 * c.tp + c.fp + c.fn),
    accuracy: div(c.tp + c.tn, labels.length),
    falsePositiveRate: div(c.fp, c.fp + c.tn),
  };
}
