import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { TopKHeap } from './topk';

/** Reference: sort all (score, id) by score desc then id asc, drop NaN, take k. */
function reference(scores: number[], ids: number[], k: number) {
  const all = scores
    .map((s, i) => ({ s, id: ids[i]! }))
    .filter((e) => !Number.isNaN(e.s))
    .sort((a, b) => b.s - a.s || a.id - b.id)
    .slice(0, k);
  return { ids: all.map((e) => e.id), scores: all.map((e) => e.s) };
}

function run(scores: number[], ids: number[], k: number) {
  const heap = new TopKHeap(2);
  heap.reset(k);
  for (let i = 0; i < scores.length; i++) {
    if (scores[i]! >= heap.threshold) heap.push(scores[i]!, ids[i]!);
  }
  const r = heap.drain();
  return { ids: Array.from(r.ids), scores: Array.from(r.scores) };
}

describe('TopKHeap', () => {
  it('matches a full sort, with heavy ties broken by lower id, in any arrival order', () => {
    const rng = createRng(5);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + rng.int(300);
      const scores = Array.from({ length: n }, () => rng.int(7) - 3); // many exact ties
      const ids = Array.from({ length: n }, (_, i) => i);
      // shuffle ids so equal scores arrive in arbitrary id order (as in IVF list scans)
      for (let i = n - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [ids[i], ids[j]] = [ids[j]!, ids[i]!];
      }
      const k = rng.int(n + 5);
      expect(run(scores, ids, k)).toEqual(reference(scores, ids, k));
    }
  });

  it('returns everything when k exceeds the number of candidates, and nothing for k = 0', () => {
    expect(run([1, 3, 2], [0, 1, 2], 10)).toEqual({ ids: [1, 2, 0], scores: [3, 2, 1] });
    expect(run([1, 3, 2], [0, 1, 2], 0)).toEqual({ ids: [], scores: [] });
  });

  it('never keeps NaN scores but keeps −∞ when there is room', () => {
    expect(run([NaN, -Infinity, 0.5, NaN], [0, 1, 2, 3], 3)).toEqual({
      ids: [2, 1],
      scores: [0.5, -Infinity],
    });
  });

  it('replaces an equal-score entry only by a lower id', () => {
    const heap = new TopKHeap();
    heap.reset(1);
    heap.push(1, 5);
    heap.push(1, 9); // same score, higher id: rejected
    heap.push(1, 2); // same score, lower id: replaces
    expect(Array.from(heap.drain().ids)).toEqual([2]);
  });

  it('rejects a negative or fractional k', () => {
    const heap = new TopKHeap();
    expect(() => heap.reset(-1)).toThrow(RangeError);
    expect(() => heap.reset(1.5)).toThrow(RangeError);
  });
});
