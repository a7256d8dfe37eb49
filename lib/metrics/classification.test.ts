import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import {
  averagePrecision,
  binaryEntropy,
  confusionAtThreshold,
  logLoss,
  metricsAtThreshold,
  normalizedEntropy,
  prAuc,
  prCurve,
  rocAuc,
  rocCurve,
  trapezoidArea,
} from './classification';

// pos scores: 0.8, 0.6, 0.4 — neg scores: 0.6, 0.2, 0.8 (ties across classes at 0.8 and 0.6)
const y = [1, 1, 0, 1, 0, 0];
const s = [0.8, 0.6, 0.6, 0.4, 0.2, 0.8];

/** O(n²) reference: share of (pos, neg) pairs ordered correctly, ties ½. */
function pairwiseAuc(labels: number[], scores: number[]) {
  let num = 0;
  let den = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 1) continue;
    for (let j = 0; j < labels.length; j++) {
      if (labels[j] !== 0) continue;
      den++;
      num += scores[i]! > scores[j]! ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }
  }
  return num / den;
}

describe('rocAuc', () => {
  it('counts tied pairs as ½ (hand-computed 5/9)', () => {
    // pos 0.8: 1 + 1 + ½; pos 0.6: ½ + 1 + 0; pos 0.4: 0 + 1 + 0  → 5 of 9 pairs
    expect(rocAuc(y, s)).toBeCloseTo(5 / 9, 12);
  });

  it('matches the pairwise definition on random data with many ties', () => {
    const rng = createRng(3);
    for (let t = 0; t < 20; t++) {
      const n = 2 + rng.int(60);
      const labels = Array.from({ length: n }, () => rng.int(2));
      labels[0] = 1;
      labels[1] = 0;
      const scores = Array.from({ length: n }, () => rng.int(5) / 4);
      expect(rocAuc(labels, scores)).toBeCloseTo(pairwiseAuc(labels, scores), 12);
    }
  });

  it('is 1 for a perfect ranking, 0 reversed, ½ for constant scores', () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4])).toBe(1);
    expect(rocAuc([1, 1, 0, 0], [0.1, 0.2, 0.3, 0.4])).toBe(0);
    expect(rocAuc([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
    expect(rocAuc([0, 1], [-Infinity, Infinity])).toBe(1);
  });

  it('is NaN with one class or no data, and throws on malformed input', () => {
    expect(rocAuc([1, 1], [0.2, 0.3])).toBeNaN();
    expect(rocAuc([0, 0], [0.2, 0.3])).toBeNaN();
    expect(rocAuc([], [])).toBeNaN();
    expect(() => rocAuc([1, 0], [0.5, NaN])).toThrow(/NaN/);
    expect(() => rocAuc([1, 2], [0.5, 0.4])).toThrow(/0 or 1/);
    expect(() => rocAuc([1, 0], [0.5])).toThrow(/lengths differ/);
  });
});

describe('rocCurve', () => {
  it('has one point per distinct threshold and its trapezoid area equals rocAuc', () => {
    const pts = rocCurve(y, s);
    expect(pts.map((p) => [p.threshold, p.fpr, p.tpr])).toEqual([
      [Infinity, 0, 0],
      [0.8, 1 / 3, 1 / 3],
      [0.6, 2 / 3, 2 / 3],
      [0.4, 2 / 3, 1],
      [0.2, 1, 1],
    ]);
    expect(
      trapezoidArea(
        pts.map((p) => p.fpr),
        pts.map((p) => p.tpr),
      ),
    ).toBeCloseTo(rocAuc(y, s), 12);
  });

  it('throws when a class is missing', () => {
    expect(() => rocCurve([1, 1], [0.1, 0.2])).toThrow(/positive and one negative/);
  });
});

describe('precision–recall', () => {
  it('curve points, hand-computed', () => {
    expect(prCurve(y, s).map((p) => [p.threshold, p.recall, p.precision])).toEqual([
      [Infinity, 0, 1],
      [0.8, 1 / 3, 1 / 2],
      [0.6, 2 / 3, 2 / 4],
      [0.4, 1, 3 / 5],
      [0.2, 1, 3 / 6],
    ]);
  });

  it('average precision is the step-wise sum Σ ΔR·P (ties form one step)', () => {
    // (1/3)(1/2) + (1/3)(1/2) + (1/3)(3/5)
    expect(averagePrecision(y, s)).toBeCloseTo(1 / 6 + 1 / 6 + 1 / 5, 12);
    expect(prAuc).toBe(averagePrecision);
  });

  it('without ties equals the mean over positives of precision at their rank', () => {
    const rng = createRng(4);
    const n = 200;
    const labels = Array.from({ length: n }, () => (rng.next() < 0.3 ? 1 : 0));
    const scores = Array.from({ length: n }, () => rng.next());
    const order = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]!);
    let hits = 0;
    let sum = 0;
    order.forEach((i, r) => {
      if (labels[i] === 1) sum += ++hits / (r + 1);
    });
    expect(averagePrecision(labels, scores)).toBeCloseTo(sum / hits, 12);
  });

  it('is 1 when perfect, NaN without positives, 1 with only positives', () => {
    expect(averagePrecision([0, 1, 1], [0.1, 0.8, 0.9])).toBe(1);
    expect(averagePrecision([0, 0], [0.1, 0.8])).toBeNaN();
    expect(averagePrecision([1, 1], [0.1, 0.8])).toBe(1);
    expect(() => prCurve([0, 0], [0.1, 0.8])).toThrow(/positive/);
  });
});

describe('log loss and normalized entropy', () => {
  it('log loss, hand-computed, with clipping', () => {
    expect(logLoss([1, 0], [0.8, 0.4])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 12);
    expect(logLoss([1], [0])).toBeCloseTo(-Math.log(1e-15), 9); // 34.54, not Infinity
    expect(logLoss([0], [1], { eps: 0.01 })).toBeCloseTo(-Math.log(0.01), 12);
    expect(logLoss([], [])).toBeNaN();
    expect(() => logLoss([1], [1.2])).toThrow(/\[0, 1\]/);
    expect(() => logLoss([1], [NaN])).toThrow(/probability/);
    expect(() => logLoss([1], [0.5], { eps: 0 })).toThrow(/eps/);
  });

  it('normalized entropy is 1 for the base-rate predictor and below 1 when better', () => {
    const labels = [1, 0, 0, 0];
    expect(normalizedEntropy(labels, [0.25, 0.25, 0.25, 0.25])).toBeCloseTo(1, 12);
    const ll = -(Math.log(0.7) + 3 * Math.log(0.9)) / 4;
    const h = -0.25 * Math.log(0.25) - 0.75 * Math.log(0.75);
    expect(normalizedEntropy(labels, [0.7, 0.1, 0.1, 0.1])).toBeCloseTo(ll / h, 12); // ≈ 0.2991
    expect(normalizedEntropy([0, 0], [0.1, 0.2])).toBeNaN(); // base rate 0: undefined
    expect(normalizedEntropy([1, 1], [0.9, 0.8])).toBeNaN();
    expect(normalizedEntropy([], [])).toBeNaN();
    expect(binaryEntropy(0)).toBe(0);
    expect(binaryEntropy(0.5)).toBeCloseTo(Math.LN2, 12);
  });
});

describe('threshold metrics', () => {
  const labels = [1, 1, 0, 0, 1];
  const scores = [0.9, 0.4, 0.6, 0.1, 0.5];

  it('predicts positive at score ≥ threshold (hand-computed)', () => {
    expect(confusionAtThreshold(labels, scores, 0.5)).toEqual({ tp: 2, fp: 1, tn: 1, fn: 1 });
    const m = metricsAtThreshold(labels, scores, 0.5);
    expect(m.precision).toBeCloseTo(2 / 3, 12);
    expect(m.recall).toBeCloseTo(2 / 3, 12);
    expect(m.f1).toBeCloseTo(2 / 3, 12);
    expect(m.accuracy).toBeCloseTo(3 / 5, 12);
    expect(m.falsePositiveRate).toBe(0.5);
  });

  it('NaN where a ratio is undefined', () => {
    const none = metricsAtThreshold(labels, scores, 1);
    expect(none.precision).toBeNaN(); // nothing predicted positive
    expect(none.recall).toBe(0);
    expect(none.f1).toBe(0);
    const allNeg = metricsAtThreshold([0, 0], [0.1, 0.2], 0.5);
    expect(allNeg.recall).toBeNaN();
    expect(allNeg.f1).toBeNaN();
    expect(allNeg.accuracy).toBe(1);
    expect(() => confusionAtThreshold(labels, scores, NaN)).toThrow(/NaN/);
  });
});
