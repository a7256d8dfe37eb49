/**
 * Calibration of predicted probabilities: reliability bins and expected calibration error.
 *
 * Binning strategies
 * - 'uniform' (default): B equal-width bins over [0, 1]; bin b holds p in [b/B, (b+1)/B), the
 *   last bin also holds p = 1. All B bins are returned (empty ones with count 0 and NaN means)
 *   so bin indices are stable for plotting.
 * - 'quantile' (equal mass): predictions sorted ascending (ties by input order) and cut into
 *   min(B, n) contiguous groups whose sizes differ by at most one; lower/upper are the smallest
 *   and largest prediction in each group. Equal predictions can straddle two groups.
 *
 * Policy: throws on a length mismatch, a label other than 0/1, a probability outside [0, 1] or
 * NaN, a bin count that is not an integer ≥ 1. Calibration errors are NaN on empty input.
 */
import { checkBinaryLabels, checkProbabilities, checkSameLength } from './validate';

export interface CalibrationOptions {
  /** Number of bins (default 10). */
  bins?: number;
  /** 'uniform' equal-width bins (default) or 'quantile' equal-mass bins. */
  strategy?: 'uniform' | 'quantile';
}

export interface ReliabilityBin {
  lower: number;
  upper: number;
  count: number;
  /** Mean predicted probability in the bin (NaN if empty). */
  meanPredicted: number;
  /** Observed positive rate in the bin (NaN if empty). */
  observedRate: number;
}

export function reliabilityBins(
  labels: ArrayLike<number>,
  probs: ArrayLike<number>,
  options: CalibrationOptions = {},
): ReliabilityBin[] {
  const what = 'reliabilityBins';
  checkSameLength(labels, probs, what);
  checkBinaryLabels(labels, what);
  checkProbabilities(probs, what);
  const bins = options.bins ?? 10;
  if (!Number.isInteger(bins) || bins < 1) {
    throw new RangeError(`${what}: bins must be an integer ≥ 1, got ${bins}`);
  }
  const n = labels.length;
  if ((options.strategy ?? 'uniform') === 'uniform') {
    const sumP = new Float64Array(bins);
    const sumY = new Float64Array(bins);
    const count = new Int32Array(bins);
    for (let i = 0; i < n; i++) {
      const p = probs[i]!;
      // floor(p·B), corrected so bins agree with the reported edges b/B (0.57 · 100 is 56.999…).
      let b = Math.min(bins - 1, Math.floor(p * bins));
      if (b < bins - 1 && p >= (b + 1) / bins) b++;
      else if (b > 0 && p < b / bins) b--;
      sumP[b]! += p;
      sumY[b]! += labels[i]!;
      count[b]!++;
    }
    return Array.from({ length: bins }, (_, b) => ({
      lower: b / bins,
      upper: (b + 1) / bins,
      count: count[b]!,
      meanPredicted: count[b] === 0 ? NaN : sumP[b]! / count[b]!,
      observedRate: count[b] === 0 ? NaN : sumY[b]! / count[b]!,
    }));
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => probs[a]! - probs[b]! || a - b,
  );
  const groups = Math.min(bins, n);
  const out: ReliabilityBin[] = [];
  for (let g = 0; g < groups; g++) {
    const start = Math.floor((g * n) / groups);
    const end = Math.floor(((g + 1) * n) / groups);
    let sp = 0;
    let sy = 0;
    for (let r = start; r < end; r++) {
      sp += probs[order[r]!]!;
      sy += labels[order[r]!]!;
    }
    const m = end - start;
    out.push({
      lower: probs[order[start]!]!,
      upper: probs[order[end - 1]!]!,
      count: m,
      meanPredicted: sp / m,
      observedRate: sy / m,
    });
  }
  return out;
}

/**
 * Expected calibration error: Σ_b (n_b / n) · |observedRate_b − meanPredicted_b| over non-empty
 * bins (count-weighted). NaN on empty input.
 */
export function expectedCalibrationError(
  labels: ArrayLike<number>,
  probs: ArrayLike<number>,
  options: CalibrationOptions = {},
): number {
  const bins = reliabilityBins(labels, probs, options);
  const n = labels.length;
  if (n === 0) return NaN;
  let ece = 0;
  for (const b of bins) {
    if (b.count > 0) ece += (b.count / n) * Math.abs(b.observedRate - b.meanPredicted);
  }
  return ece;
}

/** Maximum calibration error: the largest |observedRate − meanPredicted| over non-empty bins. NaN on empty input. */
export function maxCalibrationError(
  labels: ArrayLike<number>,
  probs: ArrayLike<number>,
  options: CalibrationOptions = {},
): number {
  const bins = reliabilityBins(labels, probs, options);
  if (labels.length === 0) return NaN;
  let mce = 0;
  for (const b of bins) {
    if (b.count > 0) mce = Math.max(mce, Math.abs(b.observedRate - b.meanPredicted));
  }
  return mce;
}
