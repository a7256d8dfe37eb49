import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import {
  bootstrapCi,
  bootstrapMeanCi,
  pairedBootstrapDiff,
  pairedBootstrapMetricDiff,
  pairedBootstrapMetricDiffs,
  quantileSorted,
} from './bootstrap';
import { rocAuc } from './classification';

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('quantileSorted', () => {
  it('interpolates linearly between order statistics (type 7)', () => {
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

describe('bootstrap CI', () => {
  const rng = createRng(10);
  const values = Array.from({ length: 400 }, () => 3 + rng.normal());

  it('covers the mean with about the normal-theory width, deterministically', () => {
    const ci = bootstrapMeanCi(values, { seed: 1, resamples: 2000 });
    expect(ci.estimate).toBeCloseTo(mean(values), 12);
    expect(ci.lower).toBeLessThan(ci.estimate);
    expect(ci.upper).toBeGreaterThan(ci.estimate);
    // 2 · 1.96 · σ/√n ≈ 0.196 for σ = 1, n = 400
    expect(ci.upper - ci.lower).toBeGreaterThan(0.15);
    expect(ci.upper - ci.lower).toBeLessThan(0.25);
    expect(ci.standardError).toBeGreaterThan(0.04);
    expect(ci.standardError).toBeLessThan(0.06);
    expect(bootstrapMeanCi(values, { seed: 1, resamples: 2000 })).toEqual(ci);
    expect(bootstrapMeanCi(values, { seed: 2, resamples: 2000 }).lower).not.toBe(ci.lower);
  });

  it('generic and fast paths draw the same resamples for the same seed', () => {
    const fast = bootstrapMeanCi(values, { seed: 5, resamples: 300, level: 0.9 });
    const generic = bootstrapCi(values, mean, { seed: 5, resamples: 300, level: 0.9 });
    expect(generic.lower).toBeCloseTo(fast.lower, 12);
    expect(generic.upper).toBeCloseTo(fast.upper, 12);
    expect(generic.level).toBe(0.9);
  });

  it('drops resamples where the statistic is undefined and counts them', () => {
    // AUC of a two-example sample is defined only when both classes are drawn (p = ½).
    const examples = [
      { y: 1, p: 0.9 },
      { y: 0, p: 0.1 },
    ];
    const ci = bootstrapCi(
      examples,
      (s) =>
        rocAuc(
          s.map((e) => e.y),
          s.map((e) => e.p),
        ),
      { seed: 3, resamples: 1000 },
    );
    expect(ci.invalid).toBeGreaterThan(400);
    expect(ci.invalid).toBeLessThan(600);
    expect(ci.resamples + ci.invalid).toBe(1000);
    expect([ci.lower, ci.upper, ci.estimate]).toEqual([1, 1, 1]);
  });

  it('throws on empty samples, bad settings and NaN values', () => {
    expect(() => bootstrapMeanCi([], { seed: 1 })).toThrow(/at least one/);
    expect(() => bootstrapMeanCi([1], { seed: 1, resamples: 0 })).toThrow(/resamples/);
    expect(() => bootstrapMeanCi([1], { seed: 1, level: 1 })).toThrow(/level/);
    expect(() => bootstrapMeanCi([1, NaN], { seed: 1 })).toThrow(/NaN/);
    expect(() => bootstrapCi([], mean, { seed: 1 })).toThrow(/at least one/);
  });
});

describe('paired bootstrap', () => {
  const rng = createRng(20);
  // Per-user NDCG of model B, and model A = B + 0.02 + small noise: a consistent small win
  // hidden under a large between-user spread.
  const b = Array.from({ length: 300 }, () => Math.min(1, Math.max(0, 0.4 + 0.25 * rng.normal())));
  const a = b.map((v) => v + 0.02 + 0.01 * rng.normal());

  it('detects a small consistent difference that unpaired intervals overlap on', () => {
    const diff = pairedBootstrapDiff(a, b, { seed: 1 });
    expect(diff.estimate).toBeCloseTo(mean(a) - mean(b), 12);
    expect(diff.a).toBeCloseTo(mean(a), 12);
    expect(diff.lower).toBeGreaterThan(0.015);
    expect(diff.upper).toBeLessThan(0.025);
    expect(diff.probabilityAGreater).toBe(1);
    const ciA = bootstrapMeanCi(a, { seed: 1 });
    const ciB = bootstrapMeanCi(b, { seed: 1 });
    expect(ciA.lower).toBeLessThan(ciB.upper); // unpaired intervals overlap
  });

  it('gives a zero-width interval at 0 for identical models', () => {
    const same = pairedBootstrapDiff(b, b, { seed: 1, resamples: 200 });
    expect([same.lower, same.upper, same.estimate]).toEqual([0, 0, 0]);
    expect(same.probabilityAGreater).toBe(0.5);
  });

  it('works for non-decomposable metrics on the same resamples', () => {
    const r = createRng(30);
    const units = Array.from({ length: 300 }, () => {
      const y = r.next() < 0.4 ? 1 : 0;
      return { y, good: y + 0.8 * r.normal(), bad: y + 3 * r.normal() };
    });
    const auc = (key: 'good' | 'bad') => (s: readonly (typeof units)[number][]) =>
      rocAuc(
        s.map((u) => u.y),
        s.map((u) => u[key]),
      );
    const res = pairedBootstrapMetricDiff(units, auc('good'), auc('bad'), {
      seed: 2,
      resamples: 300,
    });
    expect(res.estimate).toBeCloseTo(res.a - res.b, 12);
    expect(res.lower).toBeGreaterThan(0);
    expect(res.probabilityAGreater).toBeGreaterThan(0.99);
    expect(() => pairedBootstrapDiff([1], [1, 2], { seed: 1 })).toThrow(/lengths/);
    // Against several metrics at once: each equals its own paired bootstrap (same resamples).
    const worse = (s: readonly (typeof units)[number][]) => auc('bad')(s) - 0.05;
    const both = pairedBootstrapMetricDiffs(units, auc('good'), [auc('bad'), worse], {
      seed: 2,
      resamples: 300,
    });
    expect(both[0]).toEqual(res);
    expect(both[1]).toEqual(
      pairedBootstrapMetricDiff(units, auc('good'), worse, { seed: 2, resamples: 300 }),
    );
    expect(both[1]!.estimate).toBeCloseTo(res.estimate + 0.05, 12);
  });
});
