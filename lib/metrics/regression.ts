/**
 * Regression error metrics (e.g. rating prediction).
 *
 * Policy: throws on a length mismatch or a non-finite value; NaN on empty input.
 */
import { checkFinite, checkSameLength } from './validate';

function check(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, what: string): void {
  checkSameLength(yTrue, yPred, what);
  checkFinite(yTrue, what, 'yTrue');
  checkFinite(yPred, what, 'yPred');
}

/** Root mean squared error. */
export function rmse(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  check(yTrue, yPred, 'rmse');
  const n = yTrue.length;
  if (n === 0) return NaN;
  let s = 0;
  for (let i = 0; i < n; i++) s += (yTrue[i]! - yPred[i]!) ** 2;
  return Math.sqrt(s / n);
}

/** Mean absolute error. */
export function mae(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  check(yTrue, yPred, 'mae');
  const n = yTrue.length;
  if (n === 0) return NaN;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.abs(yTrue[i]! - yPred[i]!);
  return s / n;
}

export interface ImprovementOverMean {
  /** The constant the baseline predicts. */
  baseline: number;
  rmse: number;
  baselineRmse: number;
  /** 1 − rmse / baselineRmse: share of the baseline's RMSE removed (negative = worse than the mean). */
  rmseImprovement: number;
  mae: number;
  baselineMae: number;
  /** 1 − mae / baselineMae. */
  maeImprovement: number;
}

/**
 * The model against a baseline that predicts one constant for everyone — by default the mean of
 * yTrue. Pass `baseline` = the training-set mean to avoid peeking at the test labels (the honest
 * baseline for rating prediction). Improvements are NaN when the baseline is already perfect.
 */
export function improvementOverMean(
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  options: { baseline?: number } = {},
): ImprovementOverMean {
  check(yTrue, yPred, 'improvementOverMean');
  const n = yTrue.length;
  let mean = NaN;
  if (n > 0) {
    let s = 0;
    for (let i = 0; i < n; i++) s += yTrue[i]!;
    mean = s / n;
  }
  const baseline = options.baseline ?? mean;
  if (options.baseline !== undefined && !Number.isFinite(options.baseline)) {
    throw new RangeError(`improvementOverMean: baseline must be finite, got ${options.baseline}`);
  }
  const constant = Array.from({ length: n }, () => baseline);
  const r = rmse(yTrue, yPred);
  const br = n === 0 ? NaN : rmse(yTrue, constant);
  const m = mae(yTrue, yPred);
  const bm = n === 0 ? NaN : mae(yTrue, constant);
  const rel = (model: number, base: number) => (base === 0 ? NaN : 1 - model / base);
  return {
    baseline,
    rmse: r,
    baselineRmse: br,
    rmseImprovement: rel(r, br),
    mae: m,
    baselineMae: bm,
    maeImprovement: rel(m, bm),
  };
}

/** Coefficient of determination 1 − SSE / SST (SST around the mean of yTrue). NaN if yTrue is constant or empty. */
export function r2Score(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  check(yTrue, yPred, 'r2Score');
  const n = yTrue.length;
  if (n === 0) return NaN;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += yTrue[i]!;
  mean /= n;
  let sse = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    sse += (yTrue[i]! - yPred[i]!) ** 2;
    sst += (yTrue[i]! - mean) ** 2;
  }
  return sst === 0 ? NaN : 1 - sse / sst;
}
