import { describe, expect, it } from 'vitest';
import { expectedCalibrationError, maxCalibrationError, reliabilityBins } from './calibration';

const labels = [0, 1, 1, 0, 1];
const probs = [0.05, 0.15, 0.55, 0.6, 1.0];

describe('reliability bins', () => {
  it('equal-width bins: mean predicted, observed rate and count (p = 1 in the last bin)', () => {
    const bins = reliabilityBins(labels, probs, { bins: 2 });
    expect(bins).toHaveLength(2);
    expect(bins[0]).toMatchObject({ lower: 0, upper: 0.5, count: 2, observedRate: 0.5 });
    expect(bins[0]!.meanPredicted).toBeCloseTo(0.1, 12);
    expect(bins[1]).toMatchObject({ lower: 0.5, upper: 1, count: 3 });
    expect(bins[1]!.meanPredicted).toBeCloseTo(2.15 / 3, 12);
    expect(bins[1]!.observedRate).toBeCloseTo(2 / 3, 12);
    const ten = reliabilityBins(labels, probs);
    expect(ten).toHaveLength(10);
    expect(ten.map((b) => b.count)).toEqual([1, 1, 0, 0, 0, 1, 1, 0, 0, 1]); // 0.6 opens bin 6
    expect(ten[2]!.meanPredicted).toBeNaN();
    expect(ten[2]!.observedRate).toBeNaN();
  });

  it('equal-mass bins split the sorted predictions into near-equal groups', () => {
    const bins = reliabilityBins([0, 0, 1, 1, 1], [0.4, 0.1, 0.3, 0.2, 0.9], {
      bins: 2,
      strategy: 'quantile',
    });
    // sorted: 0.1(0) 0.2(1) | 0.3(1) 0.4(0) 0.9(1)
    expect(bins.map((b) => [b.lower, b.upper, b.count])).toEqual([
      [0.1, 0.2, 2],
      [0.3, 0.9, 3],
    ]);
    expect(bins[0]!.observedRate).toBe(0.5);
    expect(bins[1]!.observedRate).toBeCloseTo(2 / 3, 12);
    expect(reliabilityBins([1], [0.5], { bins: 4, strategy: 'quantile' })).toHaveLength(1);
  });

  it('puts a prediction on an edge in the bin that edge opens', () => {
    // 0.57 · 100 = 56.99999999999999 in floating point; the bin must still be [0.57, 0.58).
    const bins = reliabilityBins([1, 0], [0.57, 0.29], { bins: 100 });
    expect(bins[57]!.count).toBe(1);
    expect(bins[29]!.count).toBe(1);
    for (const b of bins) if (b.count > 0) expect(b.meanPredicted).toBeGreaterThanOrEqual(b.lower);
  });

  it('throws on malformed input', () => {
    expect(() => reliabilityBins([1], [1.5])).toThrow(/\[0, 1\]/);
    expect(() => reliabilityBins([1], [0.5], { bins: 0 })).toThrow(/bins/);
    expect(() => reliabilityBins([1, 0], [0.5])).toThrow(/lengths/);
  });
});

describe('expected calibration error', () => {
  it('is the count-weighted mean gap (hand-computed 0.19)', () => {
    // 2/5 · |0.5 − 0.1| + 3/5 · |2/3 − 2.15/3| = 0.16 + 0.03
    expect(expectedCalibrationError(labels, probs, { bins: 2 })).toBeCloseTo(0.19, 12);
    expect(maxCalibrationError(labels, probs, { bins: 2 })).toBeCloseTo(0.4, 12);
  });

  it('differs between equal-width and equal-mass binning', () => {
    const y = [0, 0, 1, 1];
    const p = [0.1, 0.2, 0.3, 0.4];
    // one uniform bin [0, 0.5): |0.5 − 0.25|
    expect(expectedCalibrationError(y, p, { bins: 2 })).toBeCloseTo(0.25, 12);
    // quantile: ½·|0 − 0.15| + ½·|1 − 0.35|
    expect(expectedCalibrationError(y, p, { bins: 2, strategy: 'quantile' })).toBeCloseTo(0.4, 12);
  });

  it('is 0 when perfectly calibrated and NaN on empty input', () => {
    expect(expectedCalibrationError([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5])).toBe(0);
    expect(expectedCalibrationError([], [])).toBeNaN();
    expect(maxCalibrationError([], [])).toBeNaN();
  });
});
