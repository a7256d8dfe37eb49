/**
 * Probability calibration: map a model's scores to probabilities that match observed rates.
 *
 * - Platt scaling: q = σ(a · logit(p) + b), a and b fit by maximum likelihood (Newton's method
 *   with a backtracking line search; no randomness, so the same data give the same a and b).
 *   Two parameters: cannot overfit, keeps the ranking (AUC unchanged when a > 0), but only
 *   corrects distortions that are a straight line in logit space.
 * - Isotonic regression: the best non-decreasing step function of p under squared error, fit
 *   by pool-adjacent-violators (PAV), applied with linear interpolation between the ends of its
 *   blocks. Corrects any monotone distortion but needs more data, and its flat steps create
 *   ties (AUC can drop a little).
 *
 * Each `fit*(probs, labels)` returns a calibrator with `apply(p)`, `applyAll(ps)` and
 * `toJSON()`; `calibratorFromJson` rebuilds it from that JSON, so a browser can apply after
 * ONNX inference exactly what the trainer fit (the JSON holds every number `apply` uses).
 *
 * Policy (as lib/metrics): throws a RangeError on a length mismatch, a label other than 0/1, a
 * probability outside [0, 1] or NaN, empty input; Platt also needs both classes (with one class
 * its maximum-likelihood fit runs off to infinity).
 */
import { checkBinaryLabels, checkProbabilities, checkSameLength } from '../metrics/validate';

export interface PlattJson {
  kind: 'platt';
  /** Slope and intercept in logit space: q = σ(a · logit(clip(p)) + b). */
  a: number;
  b: number;
  /** Inputs are clipped to [eps, 1 − eps] before the logit. */
  eps: number;
}

export interface IsotonicJson {
  kind: 'isotonic';
  /** Knots, x non-decreasing and y non-decreasing; apply interpolates linearly, clips outside. */
  x: number[];
  y: number[];
}

export interface IdentityJson {
  kind: 'identity';
}

export type CalibratorJson = PlattJson | IsotonicJson | IdentityJson;

export interface Calibrator {
  readonly kind: CalibratorJson['kind'];
  apply(p: number): number;
  applyAll(probs: ArrayLike<number>): Float32Array;
  toJSON(): CalibratorJson;
}

const sigmoid = (z: number): number =>
  z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));

/** log(1 + e^z) without overflow. */
const softplus = (z: number): number =>
  z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));

const clipLogit = (p: number, eps: number): number => {
  const q = Math.min(1 - eps, Math.max(eps, p));
  return Math.log(q / (1 - q));
};

function checkInput(probs: ArrayLike<number>, labels: ArrayLike<number>, what: string): number {
  checkSameLength(probs, labels, what);
  if (probs.length === 0) throw new RangeError(`${what}: needs at least one example`);
  checkProbabilities(probs, what);
  return checkBinaryLabels(labels, what);
}

function applyAllWith(f: (p: number) => number, probs: ArrayLike<number>): Float32Array {
  const out = new Float32Array(probs.length);
  for (let i = 0; i < probs.length; i++) out[i] = f(probs[i]!);
  return out;
}

function checkP(p: number, what: string): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${what}: probability ${p} is outside [0, 1]`);
}

// ---------------------------------------------------------------------------------------------
// Platt scaling

export interface PlattOptions {
  /** Clip inputs to [eps, 1 − eps] before the logit (default 1e-7). */
  eps?: number;
  /**
   * Platt's (1999) smoothed targets: positives (N₊ + 1)/(N₊ + 2), negatives 1/(N₋ + 2), a
   * little prior that matters only on tiny calibration sets (default false: plain labels).
   */
  smoothTargets?: boolean;
  /**
   * Ridge λ · ((a − 1)² + b²) towards the identity map, which keeps the fit finite when the
   * classes are separable (default 1e-6: negligible against the log likelihood of real data).
   */
  l2?: number;
  /** Newton iterations at most (default 100). */
  maxIterations?: number;
}

export interface PlattCalibrator extends Calibrator {
  readonly kind: 'platt';
  readonly a: number;
  readonly b: number;
  /** Newton iterations used and whether the fit converged (gradient ~ 0). */
  readonly iterations: number;
  readonly converged: boolean;
  toJSON(): PlattJson;
}

export function plattFromParams(a: number, b: number, eps = 1e-7): PlattCalibrator {
  return plattCalibrator(a, b, eps, 0, true);
}

function plattCalibrator(
  a: number,
  b: number,
  eps: number,
  iterations: number,
  converged: boolean,
): PlattCalibrator {
  if (!Number.isFinite(a) || !Number.isFinite(b)) {
    throw new RangeError(`platt: a and b must be finite, got a=${a}, b=${b}`);
  }
  if (!(eps > 0 && eps < 0.5)) throw new RangeError(`platt: eps must be in (0, 0.5), got ${eps}`);
  const apply = (p: number): number => {
    checkP(p, 'platt.apply');
    return sigmoid(a * clipLogit(p, eps) + b);
  };
  return {
    kind: 'platt',
    a,
    b,
    iterations,
    converged,
    apply,
    applyAll: (probs) => applyAllWith(apply, probs),
    toJSON: () => ({ kind: 'platt', a, b, eps }),
  };
}

/**
 * Fits q = σ(a · logit(p) + b) by maximum likelihood on (probs, labels): Newton's method from
 * the identity (a = 1, b = 0), halving the step until the objective decreases.
 */
export function fitPlatt(
  probs: ArrayLike<number>,
  labels: ArrayLike<number>,
  options: PlattOptions = {},
): PlattCalibrator {
  const what = 'fitPlatt';
  const pos = checkInput(probs, labels, what);
  const n = probs.length;
  if (pos === 0 || pos === n) {
    throw new RangeError(`${what}: needs both classes (got ${pos} positives of ${n})`);
  }
  const eps = options.eps ?? 1e-7;
  const l2 = options.l2 ?? 1e-6;
  const maxIterations = options.maxIterations ?? 100;
  const tPos = options.smoothTargets ? (pos + 1) / (pos + 2) : 1;
  const tNeg = options.smoothTargets ? 1 / (n - pos + 2) : 0;
  const x = new Float64Array(n);
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = clipLogit(probs[i]!, eps);
    t[i] = labels[i] === 1 ? tPos : tNeg;
  }
  // Objective: Σ softplus(s) − t·s + λ((a − 1)² + b²), s = a·x + b (the negative log likelihood).
  const objective = (a: number, b: number): number => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      const s = a * x[i]! + b;
      f += softplus(s) - t[i]! * s;
    }
    return f + l2 * ((a - 1) ** 2 + b * b);
  };
  let a = 1;
  let b = 0;
  let f = objective(a, b);
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    let ga = 2 * l2 * (a - 1);
    let gb = 2 * l2 * b;
    let haa = 2 * l2;
    let hab = 0;
    let hbb = 2 * l2;
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      const q = sigmoid(a * xi + b);
      const r = q - t[i]!;
      const w = q * (1 - q);
      ga += r * xi;
      gb += r;
      haa += w * xi * xi;
      hab += w * xi;
      hbb += w;
    }
    // Newton direction (H is positive definite: a Gram matrix plus the ridge); fall back to
    // the gradient if it is numerically singular.
    const det = haa * hbb - hab * hab;
    let da: number;
    let db: number;
    if (det > 1e-12 * Math.max(1, haa * hbb)) {
      da = -(hbb * ga - hab * gb) / det;
      db = -(haa * gb - hab * ga) / det;
    } else {
      da = -ga / Math.max(haa, 1e-12);
      db = -gb / Math.max(hbb, 1e-12);
    }
    // Newton decrement gᵀH⁻¹g: twice the predicted gain; tiny means a and b are settled far
    // below any precision that matters (parameter error ~ √(decrement / curvature)).
    const decrement = -(ga * da + gb * db);
    if (decrement < 1e-20 * n) {
      converged = true;
      break;
    }
    // Close to the optimum the objective's change drops below float resolution, so take full
    // Newton steps there (quadratic convergence); further out, halve until it decreases.
    if (decrement < 1e-8 * n) {
      a += da;
      b += db;
      f = objective(a, b);
      continue;
    }
    let step = 1;
    let next = objective(a + da, b + db);
    while (!(next < f) && step > 1e-10) {
      step /= 2;
      next = objective(a + step * da, b + step * db);
    }
    if (!(next < f)) {
      converged = true; // no descent left at float precision
      break;
    }
    a += step * da;
    b += step * db;
    f = next;
  }
  return plattCalibrator(a, b, eps, iterations, converged);
}

// ---------------------------------------------------------------------------------------------
// Isotonic regression (pool adjacent violators)

/**
 * Weighted least-squares non-decreasing fit to `values` in the given order: the fitted value
 * of every position (blocks of pooled positions share their weighted mean). O(n).
 */
export function poolAdjacentViolators(
  values: ArrayLike<number>,
  weights?: ArrayLike<number>,
): Float64Array {
  const n = values.length;
  if (weights && weights.length !== n) {
    throw new RangeError(`poolAdjacentViolators: lengths differ (${n} vs ${weights.length})`);
  }
  const mean = new Float64Array(n);
  const weight = new Float64Array(n);
  const start = new Int32Array(n);
  let blocks = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const w = weights ? weights[i]! : 1;
    if (!Number.isFinite(v) || !(w > 0) || !Number.isFinite(w)) {
      throw new RangeError(
        `poolAdjacentViolators: value ${v} / weight ${w} at ${i} (values must be finite, weights > 0)`,
      );
    }
    mean[blocks] = v;
    weight[blocks] = w;
    start[blocks] = i;
    blocks++;
    // Merge backwards while the last block is below the one before it.
    while (blocks > 1 && mean[blocks - 2]! > mean[blocks - 1]!) {
      const w1 = weight[blocks - 2]!;
      const w2 = weight[blocks - 1]!;
      mean[blocks - 2] = (w1 * mean[blocks - 2]! + w2 * mean[blocks - 1]!) / (w1 + w2);
      weight[blocks - 2] = w1 + w2;
      blocks--;
    }
  }
  const out = new Float64Array(n);
  for (let k = 0; k < blocks; k++) {
    const end = k + 1 < blocks ? start[k + 1]! : n;
    for (let i = start[k]!; i < end; i++) out[i] = mean[k]!;
  }
  return out;
}

export interface IsotonicOptions {
  /**
   * Outputs are kept in [clip, 1 − clip] (default 1e-6): a block without a single click would
   * otherwise predict exactly 0, and one click there would cost an unbounded log loss.
   */
  clip?: number;
  /** Significant digits kept in the knots (default 6), which keeps the JSON small. */
  digits?: number;
}

export interface IsotonicCalibrator extends Calibrator {
  readonly kind: 'isotonic';
  /** Knots (see IsotonicJson). */
  readonly x: readonly number[];
  readonly y: readonly number[];
  toJSON(): IsotonicJson;
}

export function isotonicFromKnots(x: readonly number[], y: readonly number[]): IsotonicCalibrator {
  const what = 'isotonic';
  if (x.length !== y.length || x.length === 0) {
    throw new RangeError(
      `${what}: needs as many y as x knots, at least one (${x.length}, ${y.length})`,
    );
  }
  for (let k = 0; k < x.length; k++) {
    if (!(x[k]! >= 0 && x[k]! <= 1) || !(y[k]! >= 0 && y[k]! <= 1)) {
      throw new RangeError(`${what}: knot ${k} (${x[k]}, ${y[k]}) is outside [0, 1]²`);
    }
    if (k > 0 && (x[k]! < x[k - 1]! || y[k]! < y[k - 1]!)) {
      throw new RangeError(`${what}: knots must be non-decreasing in x and in y (knot ${k})`);
    }
  }
  const xs = [...x];
  const ys = [...y];
  const last = xs.length - 1;
  const apply = (p: number): number => {
    checkP(p, 'isotonic.apply');
    if (p <= xs[0]!) return ys[0]!;
    if (p >= xs[last]!) return ys[last]!;
    // The last knot with x ≤ p (then xs[lo + 1] > p, so the division is safe).
    let lo = 0;
    let hi = last;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (xs[mid]! <= p) lo = mid;
      else hi = mid;
    }
    const x0 = xs[lo]!;
    const x1 = xs[lo + 1]!;
    return ys[lo]! + ((ys[lo + 1]! - ys[lo]!) * (p - x0)) / (x1 - x0);
  };
  return {
    kind: 'isotonic',
    x: xs,
    y: ys,
    apply,
    applyAll: (probs) => applyAllWith(apply, probs),
    toJSON: () => ({ kind: 'isotonic', x: [...xs], y: [...ys] }),
  };
}

const roundTo = (v: number, digits: number): number => Number(v.toPrecision(digits));

/**
 * Isotonic regression of labels on probs: sort by p (ties pooled first, so equal inputs get
 * equal outputs), PAV, then one knot at each end of every block.
 */
export function fitIsotonic(
  probs: ArrayLike<number>,
  labels: ArrayLike<number>,
  options: IsotonicOptions = {},
): IsotonicCalibrator {
  const what = 'fitIsotonic';
  checkInput(probs, labels, what);
  const clip = options.clip ?? 1e-6;
  const digits = options.digits ?? 6;
  if (!(clip >= 0 && clip < 0.5)) throw new RangeError(`${what}: clip must be in [0, 0.5)`);
  if (!Number.isInteger(digits) || digits < 1 || digits > 17) {
    throw new RangeError(`${what}: digits must be an integer in [1, 17]`);
  }
  const n = probs.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => probs[i]! - probs[j]! || i - j,
  );
  // Distinct inputs with their label mean and count.
  const ux: number[] = [];
  const uy: number[] = [];
  const uw: number[] = [];
  for (let r = 0; r < n;) {
    const p = probs[order[r]!]!;
    let s = 0;
    let c = 0;
    while (r < n && probs[order[r]!]! === p) {
      s += labels[order[r]!]!;
      c++;
      r++;
    }
    ux.push(p);
    uy.push(s / c);
    uw.push(c);
  }
  const fitted = poolAdjacentViolators(uy, uw);
  const x: number[] = [];
  const y: number[] = [];
  const push = (xv: number, yv: number): void => {
    const xr = roundTo(xv, digits);
    const yr = roundTo(Math.min(1 - clip, Math.max(clip, yv)), digits);
    const k = x.length - 1;
    // Rounding is monotone, so order is kept; drop exact duplicates.
    if (k >= 0 && x[k] === xr && y[k] === yr) return;
    x.push(xr);
    y.push(yr);
  };
  for (let k = 0; k < ux.length;) {
    let e = k;
    while (e + 1 < ux.length && fitted[e + 1] === fitted[k]) e++;
    push(ux[k]!, fitted[k]!);
    if (e > k) push(ux[e]!, fitted[k]!);
    k = e + 1;
  }
  // Knots with equal x after rounding: keep the first and last so the step stays a step.
  return isotonicFromKnots(x, y);
}

// ---------------------------------------------------------------------------------------------
// Identity and JSON

export const identityCalibrator: Calibrator = {
  kind: 'identity',
  apply: (p) => {
    checkP(p, 'identity.apply');
    return p;
  },
  applyAll: (probs) => Float32Array.from(probs),
  toJSON: () => ({ kind: 'identity' }),
};

export type CalibrationMethod = 'platt' | 'isotonic';

/** Fits the named method. */
export function fitCalibrator(
  method: CalibrationMethod,
  probs: ArrayLike<number>,
  labels: ArrayLike<number>,
): Calibrator {
  return method === 'platt' ? fitPlatt(probs, labels) : fitIsotonic(probs, labels);
}

/** Rebuilds a calibrator from its toJSON() (or the parsed JSON text), validating it. */
export function calibratorFromJson(json: unknown): Calibrator {
  if (!json || typeof json !== 'object') throw new RangeError('calibratorFromJson: not an object');
  const j = json as {
    kind?: unknown;
    a?: unknown;
    b?: unknown;
    eps?: unknown;
    x?: unknown;
    y?: unknown;
  };
  switch (j.kind) {
    case 'identity':
      return identityCalibrator;
    case 'platt':
      if (typeof j.a !== 'number' || typeof j.b !== 'number' || typeof j.eps !== 'number') {
        throw new RangeError('calibratorFromJson: platt needs numbers a, b and eps');
      }
      return plattFromParams(j.a, j.b, j.eps);
    case 'isotonic':
      if (
        !Array.isArray(j.x) ||
        !Array.isArray(j.y) ||
        !j.x.every((v: unknown) => typeof v === 'number') ||
        !j.y.every((v: unknown) => typeof v === 'number')
      ) {
        throw new RangeError('calibratorFromJson: isotonic needs number arrays x and y');
      }
      return isotonicFromKnots(j.x as number[], j.y as number[]);
    default:
      throw new RangeError(`calibratorFromJson: unknown kind ${String(j.kind)}`);
  }
}
