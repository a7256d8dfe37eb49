/**
 * The statistics of an online A/B test on click-through rate and revenue: the normal quantile,
 * Wald intervals for a difference of proportions and of means, and the sample size needed to
 * detect a minimum effect with a given power.
 */

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9
 * over (0, 1)).
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new RangeError(`normalQuantile: p must be in [0, 1], got ${p}`);
  }
  const a = [
    -39.6968302866538, 220.946098424521, -275.928510446969, 138.357751867269, -30.6647980661472,
    2.50662827745924,
  ];
  const b = [
    -54.4760987982241, 161.585836858041, -155.698979859887, 66.8013118877197, -13.2806815528857,
  ];
  const c = [
    -0.00778489400243029, -0.322396458041136, -2.40075827716184, -2.54973253934373,
    4.37466414146497, 2.93816398269878,
  ];
  const d = [0.00778469570904146, 0.32246712907004, 2.445134137143, 3.75440866190742];
  const lowTail = 0.02425;
  if (p < lowTail || p > 1 - lowTail) {
    const q = Math.sqrt(-2 * Math.log(p < lowTail ? p : 1 - p));
    const x =
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
    return p < lowTail ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/** Standard normal CDF (Zelen & Severo 26.2.17, absolute error < 7.5e-8). */
export function normalCdf(x: number): number {
  if (!Number.isFinite(x)) return x > 0 ? 1 : 0;
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const poly =
    t *
    (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const tail = (Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI)) * poly;
  return x >= 0 ? 1 - tail : tail;
}

export interface DiffInterval {
  /** B − A. */
  diff: number;
  lower: number;
  upper: number;
  /** Standard error of the difference. */
  se: number;
  /** Two-sided p-value of "no difference". NaN with no data. */
  pValue: number;
  level: number;
}

function interval(diff: number, se: number, level: number): DiffInterval {
  const z = normalQuantile(0.5 + level / 2);
  if (!(se > 0)) {
    return {
      diff,
      lower: diff,
      upper: diff,
      se: 0,
      pValue: Number.isFinite(diff) && diff !== 0 ? 0 : NaN,
      level,
    };
  }
  return {
    diff,
    lower: diff - z * se,
    upper: diff + z * se,
    se,
    pValue: 2 * (1 - normalCdf(Math.abs(diff / se))),
    level,
  };
}

/** Wald interval of CTR(B) − CTR(A) from clicks and impressions of each arm. */
export function proportionDiff(
  clicksA: number,
  nA: number,
  clicksB: number,
  nB: number,
  level = 0.95,
): DiffInterval {
  if (nA <= 0 || nB <= 0) return { diff: NaN, lower: NaN, upper: NaN, se: NaN, pValue: NaN, level };
  const pA = clicksA / nA;
  const pB = clicksB / nB;
  return interval(pB - pA, Math.sqrt((pA * (1 - pA)) / nA + (pB * (1 - pB)) / nB), level);
}

/** Running sum, sum of squares and count of a per-impression value (revenue). */
export interface Moments {
  n: number;
  sum: number;
  sumSq: number;
}

export const emptyMoments = (): Moments => ({ n: 0, sum: 0, sumSq: 0 });

export function addMoment(m: Moments, x: number): void {
  m.n++;
  m.sum += x;
  m.sumSq += x * x;
}

const variance = (m: Moments): number =>
  m.n > 1 ? Math.max(0, (m.sumSq - (m.sum * m.sum) / m.n) / (m.n - 1)) : 0;

/** Welch (normal) interval of mean(B) − mean(A), e.g. revenue per impression. */
export function meanDiff(a: Moments, b: Moments, level = 0.95): DiffInterval {
  if (a.n < 2 || b.n < 2) return { diff: NaN, lower: NaN, upper: NaN, se: NaN, pValue: NaN, level };
  return interval(
    b.sum / b.n - a.sum / a.n,
    Math.sqrt(variance(a) / a.n + variance(b) / b.n),
    level,
  );
}

export interface SampleSizeOptions {
  /** CTR of the control arm, in (0, 1). */
  baseline: number;
  /** Smallest relative lift worth detecting, e.g. 0.05 for +5%. */
  relativeMde: number;
  /** Two-sided significance level (default 0.05). */
  alpha?: number;
  /** Probability of detecting a true effect of the MDE (default 0.8). */
  power?: number;
}

/**
 * Impressions per arm to detect a relative CTR lift of `relativeMde` with a two-sided test at
 * `alpha` and `power` (the classic two-proportion formula with pooled variance under H0).
 */
export function sampleSizePerArm(o: SampleSizeOptions): number {
  const alpha = o.alpha ?? 0.05;
  const power = o.power ?? 0.8;
  if (!(o.baseline > 0 && o.baseline < 1)) {
    throw new RangeError(`sampleSizePerArm: baseline must be in (0, 1), got ${o.baseline}`);
  }
  const p2 = o.baseline * (1 + o.relativeMde);
  if (!(o.relativeMde !== 0 && p2 > 0 && p2 < 1)) {
    throw new RangeError(
      `sampleSizePerArm: the lifted CTR must be in (0, 1) and differ, got ${p2}`,
    );
  }
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`sampleSizePerArm: alpha must be in (0, 1)`);
  if (!(power > 0 && power < 1)) throw new RangeError(`sampleSizePerArm: power must be in (0, 1)`);
  const p1 = o.baseline;
  const pBar = (p1 + p2) / 2;
  const zA = normalQuantile(1 - alpha / 2);
  const zB = normalQuantile(power);
  const num = zA * Math.sqrt(2 * pBar * (1 - pBar)) + zB * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil((num * num) / ((p2 - p1) * (p2 - p1)));
}
