import { describe, expect, it } from 'vitest';
import { improvementOverMean, mae, r2Score, rmse } from './regression';

const yTrue = [1, 2, 3, 4];
const yPred = [1, 3, 2, 4]; // errors 0, −1, 1, 0

describe('regression metrics', () => {
  it('RMSE, MAE and R², hand-computed', () => {
    expect(rmse(yTrue, yPred)).toBeCloseTo(Math.sqrt(0.5), 12);
    expect(mae(yTrue, yPred)).toBe(0.5);
    expect(r2Score(yTrue, yPred)).toBeCloseTo(1 - 2 / 5, 12);
  });

  it('improvement over predicting the mean (2.5) or a given training mean', () => {
    const r = improvementOverMean(yTrue, yPred);
    expect(r.baseline).toBe(2.5);
    expect(r.baselineRmse).toBeCloseTo(Math.sqrt(1.25), 12); // errors 1.5, .5, .5, 1.5
    expect(r.rmseImprovement).toBeCloseTo(1 - Math.sqrt(0.5) / Math.sqrt(1.25), 12);
    expect(r.baselineMae).toBe(1);
    expect(r.maeImprovement).toBe(0.5);
    const t = improvementOverMean(yTrue, yPred, { baseline: 3 });
    expect(t.baselineRmse).toBeCloseTo(Math.sqrt(1.5), 12); // errors 2, 1, 0, 1
    expect(improvementOverMean(yTrue, [9, 9, 9, 9]).rmseImprovement).toBeLessThan(0);
  });

  it('NaN when undefined, throws on malformed input', () => {
    expect(rmse([], [])).toBeNaN();
    expect(mae([], [])).toBeNaN();
    expect(r2Score([2, 2], [1, 3])).toBeNaN(); // constant target
    expect(improvementOverMean([2, 2], [2, 2]).rmseImprovement).toBeNaN(); // perfect baseline
    expect(() => rmse([1, NaN], [1, 2])).toThrow(/finite/);
    expect(() => mae([1], [Infinity])).toThrow(/finite/);
    expect(() => rmse([1], [1, 2])).toThrow(/lengths/);
    expect(() => improvementOverMean([1], [1], { baseline: NaN })).toThrow(/baseline/);
  });
});
