import { describe, expect, it } from 'vitest';
import { metricsAtThreshold, rocAuc } from '../metrics';
import { heldOutScores } from './held-out-scores';

describe('threshold explorer data', () => {
  it('is deterministic for a seed and has about the requested prevalence', () => {
    const a = heldOutScores(2000, 0.1, 7);
    expect(a).toEqual(heldOutScores(2000, 0.1, 7));
    expect(a).not.toEqual(heldOutScores(2000, 0.1, 8));
    const prevalence = a.labels.reduce((s, l) => s + l, 0) / a.labels.length;
    expect(prevalence).toBeGreaterThan(0.08);
    expect(prevalence).toBeLessThan(0.12);
  });

  it('looks like a useful but imperfect classifier: high AUC, and a real precision/recall trade-off', () => {
    const { labels, scores } = heldOutScores();
    const auc = rocAuc(labels, scores);
    expect(auc).toBeGreaterThan(0.9);
    expect(auc).toBeLessThan(0.99);
    const low = metricsAtThreshold(labels, scores, 0.2);
    const high = metricsAtThreshold(labels, scores, 0.8);
    expect(low.recall).toBeGreaterThan(high.recall);
    expect(high.precision).toBeGreaterThan(low.precision);
  });
});
