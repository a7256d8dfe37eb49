import { describe, expect, it } from 'vitest';
import {
  averagePrecisionAtK,
  hitRateAtK,
  meanOverUsers,
  ndcgAtK,
  precisionAtK,
  rankingSummary,
  recallAtK,
  reciprocalRank,
} from './ranking';

const ranked = ['a', 'b', 'c', 'd', 'e'];
const relevant = new Set(['b', 'd', 'x']); // 'x' is never recommended

describe('binary ranking metrics (hand-computed)', () => {
  it('recall, precision and hit rate at K', () => {
    expect(recallAtK(ranked, relevant, 5)).toBeCloseTo(2 / 3, 12);
    expect(recallAtK(ranked, relevant, 2)).toBeCloseTo(1 / 3, 12);
    expect(recallAtK(ranked, relevant, 1)).toBe(0);
    expect(precisionAtK(ranked, relevant, 5)).toBeCloseTo(2 / 5, 12);
    expect(precisionAtK(ranked, relevant, 2)).toBe(0.5);
    expect(hitRateAtK(ranked, relevant, 1)).toBe(0);
    expect(hitRateAtK(ranked, relevant, 2)).toBe(1);
  });

  it('treats K larger than the list as padding with non-relevant items', () => {
    expect(recallAtK(ranked, relevant, 50)).toBeCloseTo(2 / 3, 12);
    expect(precisionAtK(ranked, relevant, 10)).toBeCloseTo(2 / 10, 12); // divides by K
    expect(ndcgAtK(ranked, relevant, 50)).toBeCloseTo(ndcgAtK(ranked, relevant, 5), 12);
  });

  it('NDCG uses 1/log2(i+2) and the ideal DCG of the relevance set', () => {
    // DCG = 1/log2(3) + 1/log2(5); IDCG@5 with 3 relevant = 1 + 1/log2(3) + 1/log2(4)
    const dcg = 1 / Math.log2(3) + 1 / Math.log2(5);
    const idcg = 1 + 1 / Math.log2(3) + 1 / 2;
    expect(ndcgAtK(ranked, relevant, 5)).toBeCloseTo(dcg / idcg, 12); // ≈ 0.49819
    // IDCG@2 only has room for 2 of the 3 relevant: 1 + 1/log2(3)
    expect(ndcgAtK(ranked, relevant, 2)).toBeCloseTo(1 / Math.log2(3) / (1 + 1 / Math.log2(3)), 12);
    expect(ndcgAtK(['b', 'd', 'x'], relevant, 3)).toBeCloseTo(1, 12);
  });

  it('NDCG with graded relevance, linear and exponential gains', () => {
    const graded = new Map([
      ['a', 3],
      ['c', 1],
      ['z', 2],
      ['q', 0], // gain 0: not relevant
    ]);
    const list = ['a', 'b', 'c'];
    // linear: DCG = 3 + 1/log2(4) = 3.5; IDCG = 3 + 2/log2(3) + 1/2
    expect(ndcgAtK(list, graded, 3)).toBeCloseTo(3.5 / (3.5 + 2 / Math.log2(3)), 12);
    // exponential: DCG = 7 + 1/2; IDCG = 7 + 3/log2(3) + 1/2
    expect(ndcgAtK(list, graded, 3, { gain: 'exponential' })).toBeCloseTo(
      7.5 / (7.5 + 3 / Math.log2(3)),
      12,
    );
    // binary metrics count gain > 0 only: relevant = {a, c, z}
    expect(recallAtK(list, graded, 3)).toBeCloseTo(2 / 3, 12);
    expect(recallAtK(['q'], graded, 1)).toBe(0);
  });

  it('AP@K divides by min(K, |relevant|)', () => {
    // hits at positions 2 and 4: (1/2 + 2/4) / min(5, 3)
    expect(averagePrecisionAtK(ranked, relevant, 5)).toBeCloseTo(1 / 3, 12);
    // K = 2: hit at position 2: (1/2) / min(2, 3)
    expect(averagePrecisionAtK(ranked, relevant, 2)).toBeCloseTo(0.25, 12);
    // A perfect top-3 scores 1 even though the user has 6 relevant items.
    const many = new Set(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(averagePrecisionAtK(['a', 'b', 'c'], many, 3)).toBe(1);
    expect(recallAtK(['a', 'b', 'c'], many, 3)).toBe(0.5);
  });

  it('reciprocal rank, with and without a cut-off', () => {
    expect(reciprocalRank(ranked, relevant)).toBe(0.5);
    expect(reciprocalRank(ranked, relevant, 1)).toBe(0);
    expect(reciprocalRank(['x', 'a'], relevant)).toBe(1);
    expect(reciprocalRank(['a', 'c'], relevant)).toBe(0);
  });

  it('an empty ranked list scores 0; no relevant items gives NaN everywhere', () => {
    for (const f of [recallAtK, precisionAtK, hitRateAtK, ndcgAtK, averagePrecisionAtK]) {
      expect(f([], relevant, 5)).toBe(0);
      expect(f(ranked, new Set<string>(), 5)).toBeNaN();
      expect(f(ranked, new Map([['a', 0]]), 5)).toBeNaN();
    }
    expect(reciprocalRank([], relevant)).toBe(0);
    expect(reciprocalRank(ranked, new Set<string>())).toBeNaN();
  });

  it('throws on bad K, duplicate ids and bad gains', () => {
    expect(() => recallAtK(ranked, relevant, 0)).toThrow(/k must be/);
    expect(() => ndcgAtK(ranked, relevant, 2.5)).toThrow(RangeError);
    expect(() => precisionAtK(['a', 'b', 'a'], relevant, 3)).toThrow(/repeats id a/);
    // a duplicate beyond the cut-off is not looked at
    expect(precisionAtK(['a', 'b', 'a'], relevant, 2)).toBe(0.5);
    expect(() => ndcgAtK(ranked, new Map([['a', NaN]]), 3)).toThrow(/gain/);
    expect(() => ndcgAtK(ranked, new Map([['a', -1]]), 3)).toThrow(/gain/);
  });

  it('works with numeric ids', () => {
    expect(recallAtK([3, 1, 2], new Set([2, 7]), 3)).toBe(0.5);
  });
});

describe('means over users', () => {
  it('skips NaN users and counts them', () => {
    expect(meanOverUsers([1, NaN, 0, 0.5])).toEqual({ mean: 0.5, users: 3, skipped: 1 });
    const empty = meanOverUsers([]);
    expect(empty.mean).toBeNaN();
    expect(empty.users).toBe(0);
  });

  it('rankingSummary averages every metric over users with relevant items', () => {
    const users = [
      { ranked: ['a', 'b'], relevant: new Set(['a']) }, // perfect
      { ranked: ['a', 'b'], relevant: new Set(['b']) }, // hit at 2
      { ranked: ['a', 'b'], relevant: new Set<string>() }, // skipped
    ];
    const s = rankingSummary(users, 2);
    expect(s.users).toBe(2);
    expect(s.skipped).toBe(1);
    expect(s.recall).toBe(1);
    expect(s.precision).toBe(0.5);
    expect(s.hitRate).toBe(1);
    expect(s.mrr).toBe(0.75);
    expect(s.map).toBe(0.75); // (1 + 1/2) / 2
    expect(s.ndcg).toBeCloseTo((1 + 1 / Math.log2(3)) / 2, 12);
  });
});
