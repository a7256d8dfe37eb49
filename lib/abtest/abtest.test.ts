import { describe, expect, it } from 'vitest';
import {
  createAbTest,
  meanDiff,
  normalCdf,
  normalQuantile,
  proportionDiff,
  sampleSizePerArm,
  type Arm,
} from '.';
import type { Rng } from '../random';

/** A population whose true CTR varies by request; arm B multiplies it by `lift`. */
const population = (lift: number) => (arm: Arm, rng: Rng) => {
  const p = 0.01 + 0.03 * rng.next();
  return { pClick: arm === 'B' ? p * lift : p, pricePerClick: 0.5 + rng.next() };
};

describe('abtest: normal distribution', () => {
  it('quantile and CDF agree with known values and invert each other', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    for (const p of [0.01, 0.1, 0.3, 0.7, 0.99])
      expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
  });

  it('intervals of a difference: proportions and means', () => {
    const d = proportionDiff(100, 10_000, 130, 10_000);
    expect(d.diff).toBeCloseTo(0.003);
    expect(d.se).toBeCloseTo(Math.sqrt((0.01 * 0.99 + 0.013 * 0.987) / 10_000));
    expect(d.lower).toBeLessThan(d.diff);
    expect(d.pValue).toBeGreaterThan(0.03);
    expect(d.pValue).toBeLessThan(0.08);
    expect(Number.isNaN(proportionDiff(0, 0, 1, 10).diff)).toBe(true);
    const m = meanDiff({ n: 4, sum: 4, sumSq: 6 }, { n: 4, sum: 8, sumSq: 18 });
    expect(m.diff).toBe(1);
    // var A = (6 − 4)/3, var B = (18 − 16)/3.
    expect(m.se).toBeCloseTo(Math.sqrt(2 / 3 / 4 + 2 / 3 / 4));
  });

  it('sample size: the textbook example and its dependence on the MDE and power', () => {
    // 10% → 12% at α 0.05, power 0.8: 3,841 per arm (pooled-variance formula).
    expect(sampleSizePerArm({ baseline: 0.1, relativeMde: 0.2 })).toBe(3841);
    const base = sampleSizePerArm({ baseline: 0.02, relativeMde: 0.05 });
    expect(sampleSizePerArm({ baseline: 0.02, relativeMde: 0.1 })).toBeLessThan(base / 3.5);
    expect(sampleSizePerArm({ baseline: 0.02, relativeMde: 0.05, power: 0.9 })).toBeGreaterThan(
      base,
    );
    expect(() => sampleSizePerArm({ baseline: 0, relativeMde: 0.1 })).toThrow(RangeError);
    expect(() => sampleSizePerArm({ baseline: 0.5, relativeMde: 1 })).toThrow(RangeError);
  });
});

describe('abtest: simulation', () => {
  it('is seeded and accrues as it runs', () => {
    const a = createAbTest({ seed: 3, serve: population(1.2) });
    const b = createAbTest({ seed: 3, serve: population(1.2) });
    const first = a.run(1000);
    expect(first.requests).toBe(1000);
    expect(first.A.impressions + first.B.impressions).toBe(1000);
    const later = a.run(4000);
    expect(later.requests).toBe(5000);
    b.run(5000);
    expect(b.snapshot()).toEqual(later);
    expect(later.ctrDiff.upper - later.ctrDiff.lower).toBeLessThan(
      first.ctrDiff.upper - first.ctrDiff.lower,
    );
    expect(createAbTest({ seed: 4, serve: population(1.2) }).run(5000)).not.toEqual(later);
    expect(() => a.run(-1)).toThrow(RangeError);
    expect(() => createAbTest({ seed: 1, serve: population(1), shareB: 1 })).toThrow(RangeError);
  });

  it('an A/A test covers 0 at about the nominal rate over seeds', () => {
    let coveredCtr = 0;
    let coveredRevenue = 0;
    const seeds = 300;
    for (let s = 0; s < seeds; s++) {
      const r = createAbTest({ seed: s, serve: population(1) }).run(4000);
      if (r.ctrDiff.lower <= 0 && r.ctrDiff.upper >= 0) coveredCtr++;
      if (r.revenueDiff.lower <= 0 && r.revenueDiff.upper >= 0) coveredRevenue++;
    }
    // 95% nominal; with 300 seeds the share's standard error is 1.3 points.
    expect(coveredCtr / seeds).toBeGreaterThan(0.91);
    expect(coveredCtr / seeds).toBeLessThan(0.99);
    expect(coveredRevenue / seeds).toBeGreaterThan(0.91);
    expect(coveredRevenue / seeds).toBeLessThan(0.99);
  });

  it('with the sample size for an MDE, a true lift of that size is detected at about the power', () => {
    // Mean CTR of the population is 0.025; +25% relative.
    const perArm = sampleSizePerArm({ baseline: 0.025, relativeMde: 0.25, power: 0.8 });
    let detected = 0;
    const seeds = 200;
    for (let s = 0; s < seeds; s++) {
      const r = createAbTest({ seed: 1000 + s, serve: population(1.25) }).run(2 * perArm);
      if (r.ctrDiff.lower > 0) detected++;
    }
    expect(detected / seeds).toBeGreaterThan(0.7);
    expect(detected / seeds).toBeLessThan(0.9);
  });
});
