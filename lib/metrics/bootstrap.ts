/**
 * Seeded bootstrap confidence intervals (percentile method).
 *
 * Resample the units (users, queries, examples — whatever is independent) n times with
 * replacement, recompute the statistic on each resample, and take the (1−level)/2 and
 * (1+level)/2 quantiles of those values (linear interpolation between order statistics,
 * "type 7"). The point estimate is the statistic on the original sample.
 *
 * Paired bootstrap: both models are evaluated on the same resampled units, so the interval of
 * the difference accounts for the correlation between them — far tighter, and the right test,
 * when comparing two models on the same users.
 *
 * Policy: throws on an empty sample, resamples not an integer ≥ 1, level outside (0, 1), and on
 * NaN per-unit values (filter undefined users first, e.g. users without relevant items). A
 * statistic that returns NaN on some resample (e.g. AUC of a one-class resample) has those
 * resamples dropped and counted in `invalid`; if every resample is invalid the bounds are NaN.
 */
import { createRng, type Rng } from '../random';
import { checkNotNaN, checkSameLength } from './validate';

export interface BootstrapOptions {
  seed: number;
  /** Number of resamples (default 1000). */
  resamples?: number;
  /** Confidence level (default 0.95). */
  level?: number;
}

export interface BootstrapInterval {
  /** The statistic on the original sample. */
  estimate: number;
  lower: number;
  upper: number;
  level: number;
  /** Standard deviation of the resampled statistics (bootstrap standard error). */
  standardError: number;
  /** Resamples used. */
  resamples: number;
  /** Resamples dropped because the statistic was NaN on them. */
  invalid: number;
}

export interface PairedBootstrapResult extends BootstrapInterval {
  /** Statistic of model A and of model B on the original sample (estimate = a − b). */
  a: number;
  b: number;
  /** Share of resamples where A − B > 0 (ties count ½): a bootstrap estimate of P(A better). */
  probabilityAGreater: number;
}

/** Type-7 quantile (linear interpolation) of ascending-sorted values; NaN if empty. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function settings(n: number, options: BootstrapOptions, what: string) {
  if (n === 0) throw new RangeError(`${what}: needs at least one unit`);
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`${what}: resamples must be an integer ≥ 1, got ${resamples}`);
  }
  if (!(level > 0 && level < 1))
    throw new RangeError(`${what}: level must be in (0, 1), got ${level}`);
  return { resamples, level, rng: createRng(options.seed) };
}

function summarise(
  estimate: number,
  stats: number[],
  requested: number,
  level: number,
): BootstrapInterval {
  stats.sort((x, y) => x - y);
  let mean = 0;
  for (const s of stats) mean += s;
  mean /= stats.length || 1;
  let v = 0;
  for (const s of stats) v += (s - mean) ** 2;
  return {
    estimate,
    lower: quantileSorted(stats, (1 - level) / 2),
    upper: quantileSorted(stats, (1 + level) / 2),
    level,
    standardError: stats.length > 1 ? Math.sqrt(v / (stats.length - 1)) : NaN,
    resamples: stats.length,
    invalid: requested - stats.length,
  };
}

function drawIndices(rng: Rng, n: number, into: Int32Array): void {
  for (let i = 0; i < n; i++) into[i] = rng.int(n);
}

/**
 * Percentile bootstrap CI of any statistic of a sample of units, e.g.
 * `bootstrapCi(examples, (s) => rocAuc(s.map((e) => e.y), s.map((e) => e.p)), { seed: 1 })`.
 */
export function bootstrapCi<T>(
  units: readonly T[],
  statistic: (sample: readonly T[]) => number,
  options: BootstrapOptions,
): BootstrapInterval {
  const n = units.length;
  const { resamples, level, rng } = settings(n, options, 'bootstrapCi');
  const idx = new Int32Array(n);
  const sample = new Array<T>(n);
  const stats: number[] = [];
  for (let r = 0; r < resamples; r++) {
    drawIndices(rng, n, idx);
    for (let i = 0; i < n; i++) sample[i] = units[idx[i]!]!;
    const s = statistic(sample);
    if (!Number.isNaN(s)) stats.push(s);
  }
  return summarise(statistic(units), stats, resamples, level);
}

/** Percentile bootstrap CI of the mean of per-unit values (e.g. NDCG@10 per user). Fast path. */
export function bootstrapMeanCi(
  values: ArrayLike<number>,
  options: BootstrapOptions,
): BootstrapInterval {
  const n = values.length;
  const { resamples, level, rng } = settings(n, options, 'bootstrapMeanCi');
  checkNotNaN(values, 'bootstrapMeanCi', 'value');
  let total = 0;
  for (let i = 0; i < n; i++) total += values[i]!;
  const stats: number[] = new Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += values[rng.int(n)]!;
    stats[r] = s / n;
  }
  return summarise(total / n, stats, resamples, level);
}

/**
 * Paired bootstrap of mean(a) − mean(b) where a[i] and b[i] are the two models' values on the
 * same unit i (e.g. NDCG per user of model A and of model B). If the interval excludes 0 the
 * difference is significant at that level.
 */
export function pairedBootstrapDiff(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: BootstrapOptions,
): PairedBootstrapResult {
  const what = 'pairedBootstrapDiff';
  checkSameLength(a, b, what);
  const n = a.length;
  const { resamples, level, rng } = settings(n, options, what);
  checkNotNaN(a, what, 'a');
  checkNotNaN(b, what, 'b');
  const d = new Float64Array(n);
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < n; i++) {
    d[i] = a[i]! - b[i]!;
    sa += a[i]!;
    sb += b[i]!;
  }
  const stats: number[] = new Array(resamples);
  let wins = 0;
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += d[rng.int(n)]!;
    const diff = s / n;
    stats[r] = diff;
    wins += diff > 0 ? 1 : diff === 0 ? 0.5 : 0;
  }
  return {
    ...summarise(sa / n - sb / n, stats, resamples, level),
    a: sa / n,
    b: sb / n,
    probabilityAGreater: wins / resamples,
  };
}

/**
 * Paired bootstrap of metricA(sample) − metricB(sample) for metrics that do not decompose per
 * unit (AUC, log loss over examples): both metrics see the same resample every time.
 */
export function pairedBootstrapMetricDiff<T>(
  units: readonly T[],
  metricA: (sample: readonly T[]) => number,
  metricB: (sample: readonly T[]) => number,
  options: BootstrapOptions,
): PairedBootstrapResult {
  return pairedBootstrapMetricDiffs(units, metricA, [metricB], options)[0]!;
}

/**
 * pairedBootstrapMetricDiff of one metric against several at once: every resample is drawn and
 * metricA computed once, then each other metric on the same resample (e.g. a model against
 * two references). With one other metric it equals pairedBootstrapMetricDiff.
 */
export function pairedBootstrapMetricDiffs<T>(
  units: readonly T[],
  metricA: (sample: readonly T[]) => number,
  others: readonly ((sample: readonly T[]) => number)[],
  options: BootstrapOptions,
): PairedBootstrapResult[] {
  const n = units.length;
  const { resamples, level, rng } = settings(n, options, 'pairedBootstrapMetricDiff');
  const idx = new Int32Array(n);
  const sample = new Array<T>(n);
  const stats = others.map((): number[] => []);
  const wins = others.map(() => 0);
  for (let r = 0; r < resamples; r++) {
    drawIndices(rng, n, idx);
    for (let i = 0; i < n; i++) sample[i] = units[idx[i]!]!;
    const a = metricA(sample);
    others.forEach((metricB, k) => {
      const diff = a - metricB(sample);
      if (Number.isNaN(diff)) return;
      stats[k]!.push(diff);
      wins[k]! += diff > 0 ? 1 : diff === 0 ? 0.5 : 0;
    });
  }
  const a = metricA(units);
  return others.map((metricB, k) => {
    const b = metricB(units);
    const s = stats[k]!;
    return {
      ...summarise(a - b, s, resamples, level),
      a,
      b,
      probabilityAGreater: s.length === 0 ? NaN : wins[k]! / s.length,
    };
  });
}
