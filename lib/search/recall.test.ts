import { describe, expect, it } from 'vitest';
import { meanRecallAtK, recallAtK } from './recall';

describe('recallAtK', () => {
  it('counts the exact top-K ids found in the approximate top-K', () => {
    expect(recallAtK([1, 2, 3, 4], [4, 3, 9, 8], 4)).toBe(0.5);
    expect(recallAtK([1, 2, 3, 4], [4, 3, 9, 8], 2)).toBe(0); // only the first 2 of each count
    expect(recallAtK([4, 3], [3, 4], 2)).toBe(1); // order within the top-K is irrelevant
  });

  it('divides by min(K, |exact|), ignores duplicates, and is NaN with nothing to recall', () => {
    expect(recallAtK([5, 6, 7], [5, 7], 10)).toBe(1);
    expect(recallAtK([5, 5, 5], [5, 6], 3)).toBe(0.5);
    expect(recallAtK([1], [], 5)).toBeNaN();
    expect(() => recallAtK([1], [1], 0)).toThrow(RangeError);
  });

  it('averages over queries', () => {
    expect(meanRecallAtK([[1, 2], [3]], [[1, 9], [3]], 2)).toBe(0.75);
    expect(() => meanRecallAtK([[1]], [], 1)).toThrow(RangeError);
    expect(meanRecallAtK([], [], 1)).toBeNaN();
  });
});
