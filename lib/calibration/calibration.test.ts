import { describe, expect, it } from 'vitest';
import { expectedCalibrationError } from '../metrics';
import { createRng } from '../random';
import {
  calibratorFromJson,
  fitIsotonic,
  fitPlatt,
  identityCalibrator,
  isotonicFromKnots,
  plattFromParams,
  poolAdjacentViolators,
  type Calibrator,
} from './index';

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const logit = (p: number): number => Math.log(p / (1 - p));

/**
 * A model whose scores are a known distortion of the truth: true logit z ~ N(mu, sd), the model
 * reports σ((z − b) / a), so σ(a · logit(reported) + b) is the true probability. Labels are
 * Bernoulli(truth), seeded.
 */
function distorted(n: number, a: number, b: number, seed: number, mu = -3, sd = 1.2) {
  const rng = createRng(seed);
  const probs = new Float64Array(n);
  const truth = new Float64Array(n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const z = mu + sd * rng.normal();
    truth[i] = sigmoid(z);
    probs[i] = sigmoid((z - b) / a);
    labels[i] = rng.next() < truth[i]! ? 1 : 0;
  }
  return { probs, truth, labels };
}

function isNonDecreasing(c: Calibrator, steps = 2000): boolean {
  let prev = -Infinity;
  for (let k = 0; k <= steps; k++) {
    const v = c.apply(k / steps);
    if (!(v >= prev)) return false;
    prev = v;
  }
  return true;
}

describe('poolAdjacentViolators', () => {
  it('pools a known sequence', () => {
    expect(Array.from(poolAdjacentViolators([1, 3, 2, 4, 3, 5]))).toEqual([
      1, 2.5, 2.5, 3.5, 3.5, 5,
    ]);
    // A violation that cascades back over an earlier block: 3 | 1, 2 → mean of all three.
    expect(Array.from(poolAdjacentViolators([3, 1, 2]))).toEqual([2, 2, 2]);
    expect(Array.from(poolAdjacentViolators([4, 3, 2, 1]))).toEqual([2.5, 2.5, 2.5, 2.5]);
    expect(Array.from(poolAdjacentViolators([0, 1, 1, 2]))).toEqual([0, 1, 1, 2]);
    expect(Array.from(poolAdjacentViolators([]))).toEqual([]);
  });

  it('weights the pooled means', () => {
    // 1 with weight 1 then 0 with weight 3: one block, mean 0.25.
    expect(Array.from(poolAdjacentViolators([1, 0], [1, 3]))).toEqual([0.25, 0.25]);
    expect(() => poolAdjacentViolators([1, 0], [1])).toThrow(RangeError);
    expect(() => poolAdjacentViolators([1, 0], [1, 0])).toThrow(RangeError);
    expect(() => poolAdjacentViolators([NaN])).toThrow(RangeError);
  });

  it('is the least-squares monotone fit (no single-coordinate move improves it)', () => {
    const rng = createRng(3);
    const v = Array.from({ length: 200 }, () => rng.normal());
    const f = poolAdjacentViolators(v);
    const sse = (g: ArrayLike<number>): number => {
      let s = 0;
      for (let i = 0; i < v.length; i++) s += (g[i]! - v[i]!) ** 2;
      return s;
    };
    for (let i = 1; i < f.length; i++) expect(f[i]!).toBeGreaterThanOrEqual(f[i - 1]!);
    // Shifting any block's level by ±δ (staying monotone or not) never lowers the error.
    const base = sse(f);
    for (const d of [1e-3, -1e-3]) {
      for (let i = 0; i < f.length; i++) {
        const g = Float64Array.from(f);
        for (let j = 0; j < f.length; j++) if (f[j] === f[i]) g[j]! += d;
        expect(sse(g)).toBeGreaterThanOrEqual(base - 1e-9);
      }
    }
  });
});

describe('fitIsotonic', () => {
  it('fits a hand-made case with knots at the ends of each block', () => {
    const c = fitIsotonic([0.1, 0.2, 0.3, 0.4], [0, 1, 0, 1], { clip: 0 });
    expect(c.x).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(c.y).toEqual([0, 0.5, 0.5, 1]);
    expect(c.apply(0.25)).toBe(0.5); // flat inside the pooled block
    expect(c.apply(0.15)).toBeCloseTo(0.25, 12); // interpolated between blocks
    expect(c.apply(0)).toBe(0); // clipped to the ends outside the data
    expect(c.apply(1)).toBe(1);
    // Default clip keeps outputs off exactly 0 and 1.
    const d = fitIsotonic([0.1, 0.2, 0.3, 0.4], [0, 1, 0, 1]);
    expect(d.apply(0.05)).toBe(1e-6);
    expect(d.apply(0.9)).toBe(1 - 1e-6);
  });

  it('gives tied inputs one output', () => {
    const c = fitIsotonic([0.3, 0.3, 0.3, 0.1], [1, 0, 0, 0], { clip: 0 });
    expect(c.apply(0.3)).toBe(0.333333); // knots keep 6 significant digits
    expect(c.applyAll([0.3, 0.3])[0]).toBe(c.applyAll([0.3, 0.3])[1]);
  });

  it('handles one class and a single example', () => {
    const zeros = fitIsotonic([0.2, 0.5, 0.9], [0, 0, 0]);
    expect([0, 0.5, 1].map((p) => zeros.apply(p))).toEqual([1e-6, 1e-6, 1e-6]);
    const one = fitIsotonic([0.4], [1], { clip: 0 });
    expect(one.apply(0.1)).toBe(1);
    expect(one.apply(0.9)).toBe(1);
  });

  it('corrects a non-sigmoid monotone distortion and brings ECE down', () => {
    const rng = createRng(9);
    const n = 40_000;
    const probs = new Float64Array(n);
    const labels = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const q = rng.next() * 0.6;
      probs[i] = Math.sqrt(q); // overconfident at the low end, a curve no logit line fixes
      labels[i] = rng.next() < q ? 1 : 0;
    }
    const fit = fitIsotonic(probs.subarray(0, n / 2), labels.subarray(0, n / 2));
    const test = { p: probs.subarray(n / 2), y: labels.subarray(n / 2) };
    const before = expectedCalibrationError(test.y, test.p);
    const after = expectedCalibrationError(test.y, fit.applyAll(test.p));
    expect(before).toBeGreaterThan(0.1);
    expect(after).toBeLessThan(0.015);
    expect(isNonDecreasing(fit)).toBe(true);
  });
});

describe('fitPlatt', () => {
  it('recovers a known sigmoid distortion', () => {
    for (const [a, b] of [
      [0.6, -0.4],
      [1.8, 0.7],
    ] as const) {
      const { probs, labels } = distorted(200_000, a, b, 17);
      const c = fitPlatt(probs, labels);
      expect(c.converged).toBe(true);
      // Standard errors at this n are ~0.01; the tolerance allows about 3 of them.
      expect(c.a).toBeCloseTo(a, 1);
      expect(Math.abs(c.a - a)).toBeLessThan(0.04);
      expect(Math.abs(c.b - b)).toBeLessThan(0.12);
    }
  });

  it('leaves a calibrated model (nearly) alone and is deterministic', () => {
    const { probs, labels } = distorted(100_000, 1, 0, 5);
    const c = fitPlatt(probs, labels);
    expect(Math.abs(c.a - 1)).toBeLessThan(0.05);
    expect(Math.abs(c.b)).toBeLessThan(0.15);
    const again = fitPlatt(probs, labels);
    expect(again.a).toBe(c.a);
    expect(again.b).toBe(c.b);
  });

  it('brings ECE down and keeps the order of the scores', () => {
    const { probs, labels } = distorted(60_000, 0.5, 1.2, 23);
    const half = 30_000;
    const c = fitPlatt(probs.subarray(0, half), labels.subarray(0, half));
    const p = probs.subarray(half);
    const y = labels.subarray(half);
    expect(expectedCalibrationError(y, p)).toBeGreaterThan(0.05);
    expect(expectedCalibrationError(y, c.applyAll(p))).toBeLessThan(0.01);
    expect(c.a).toBeGreaterThan(0);
    expect(isNonDecreasing(c)).toBe(true);
    // Strictly increasing where the inputs differ (so AUC cannot change).
    expect(c.apply(0.2)).toBeLessThan(c.apply(0.21));
  });

  it('matches the closed form on grouped data', () => {
    // Two score levels with observed rates r1, r2: the MLE reproduces each rate exactly, so
    // a = (logit r2 − logit r1) / (x2 − x1) and b follows.
    const probs: number[] = [];
    const labels: number[] = [];
    const add = (p: number, pos: number, total: number): void => {
      for (let i = 0; i < total; i++) {
        probs.push(p);
        labels.push(i < pos ? 1 : 0);
      }
    };
    add(0.1, 30, 100); // observed 0.3 at score 0.1
    add(0.4, 60, 100); // observed 0.6 at score 0.4
    const c = fitPlatt(probs, labels, { l2: 0 });
    const a = (logit(0.6) - logit(0.3)) / (logit(0.4) - logit(0.1));
    expect(c.a).toBeCloseTo(a, 8);
    expect(c.b).toBeCloseTo(logit(0.3) - a * logit(0.1), 8);
    expect(c.apply(0.1)).toBeCloseTo(0.3, 8);
    expect(c.apply(0.4)).toBeCloseTo(0.6, 8);
  });

  it('edge cases: one class throws, separable data stay finite, 0 and 1 inputs are clipped', () => {
    expect(() => fitPlatt([0.2, 0.3], [0, 0])).toThrow(/both classes/);
    expect(() => fitPlatt([], [])).toThrow(RangeError);
    expect(() => fitPlatt([0.2, 0.3], [0])).toThrow(RangeError);
    expect(() => fitPlatt([0.2, 1.3], [0, 1])).toThrow(RangeError);
    expect(() => fitPlatt([0.2, NaN], [0, 1])).toThrow(RangeError);
    expect(() => fitPlatt([0.2, 0.3], [0, 2])).toThrow(RangeError);
    const sep = fitPlatt([0.1, 0.2, 0.3, 0.6, 0.7, 0.8], [0, 0, 0, 1, 1, 1]);
    expect(Number.isFinite(sep.a) && Number.isFinite(sep.b)).toBe(true);
    expect(sep.a).toBeGreaterThan(1);
    expect(sep.apply(0.1)).toBeLessThan(0.1);
    expect(sep.apply(0.8)).toBeGreaterThan(0.9);
    const c = fitPlatt([0, 1, 0.5, 0.5], [0, 1, 1, 0]);
    expect(Number.isFinite(c.apply(0)) && Number.isFinite(c.apply(1))).toBe(true);
    expect(() => c.apply(-0.1)).toThrow(RangeError);
  });
});

describe('JSON', () => {
  it('round-trips every calibrator exactly through JSON text', () => {
    const { probs, labels } = distorted(5_000, 0.7, 0.3, 31);
    const cals: Calibrator[] = [
      fitPlatt(probs, labels),
      fitIsotonic(probs, labels),
      identityCalibrator,
    ];
    const grid = Array.from({ length: 501 }, (_, k) => k / 500);
    for (const c of cals) {
      const back = calibratorFromJson(JSON.parse(JSON.stringify(c)));
      expect(back.kind).toBe(c.kind);
      expect(Array.from(back.applyAll(grid))).toEqual(Array.from(c.applyAll(grid)));
    }
    // The isotonic JSON stays small: knots rounded to 6 significant digits.
    const iso = JSON.stringify(fitIsotonic(probs, labels));
    expect(iso.length).toBeLessThan(20 * 1024);
  });

  it('rejects malformed JSON', () => {
    expect(() => calibratorFromJson(null)).toThrow(RangeError);
    expect(() => calibratorFromJson({ kind: 'spline' })).toThrow(RangeError);
    expect(() => calibratorFromJson({ kind: 'platt', a: 1 })).toThrow(RangeError);
    expect(() => calibratorFromJson({ kind: 'platt', a: 1, b: Infinity, eps: 1e-7 })).toThrow(
      RangeError,
    );
    expect(() => calibratorFromJson({ kind: 'isotonic', x: [0.1, 0.2], y: [0.5, 0.4] })).toThrow(
      /non-decreasing/,
    );
    expect(() => calibratorFromJson({ kind: 'isotonic', x: [0.1], y: [] })).toThrow(RangeError);
    expect(() => isotonicFromKnots([0.1, 1.2], [0.1, 0.2])).toThrow(RangeError);
    expect(plattFromParams(1, 0).apply(0.3)).toBeCloseTo(0.3, 12);
  });
});
