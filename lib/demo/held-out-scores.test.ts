import { describe, expect, it } from 'vitest';
import { confusionAtThreshold, heldOutScores, prCurve } from './held-out-scores';

describe('threshold explorer data', () => {
  it('is deterministic for a seed and has about the requested prevalence', () => {
    const a = heldOutScores(2000, 0.1, 7);
    expect(a).toEqual(heldOutScores(2000, 0.1, 7));
    expect(a).not.toEqual(heldOutScores(2000, 0.1, 8));
    const positives = a.filter((e) => e.label === 1).length;
    expect(positives / a.length).toBeGreaterThan(0.08);
    expect(positives / a.length).toBeLessThan(0.12);
  });

  it('counts a hand-made confusion matrix, with ties at the threshold flagged', () => {
    const xs = [
      { score: 0.9, label: 1 as const },
      { score: 0.5, label: 0 as const },
      { score: 0.5, label: 1 as const },
      { score: 0.1, label: 0 as const },
    ];
    expect(confusionAtThreshold(xs, 0.5)).toEqual({ tp: 2, fp: 1, fn: 0, tn: 1 });
    expect(confusionAtThreshold(xs, 0.6)).toEqual({ tp: 1, fp: 0, fn: 1, tn: 2 });
  });

  it('traces recall falling and precision rising as the threshold climbs', () => {
    const curve = prCurve(heldOutScores());
    expect(curve[0]!.recall).toBe(1);
    expect(curve[curve.length - 1]!.recall).toBeLessThan(0.2);
    expect(curve[curve.length - 1]!.precision).toBeGreaterThan(curve[0]!.precision);
  });
});
