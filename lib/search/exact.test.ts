import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { ExactIndex, exactTopK } from './exact';

/** Brute force: double-precision dot, rounded to float32, sorted by score desc then id asc. */
function bruteForce(items: Float32Array, dim: number, q: ArrayLike<number>, k: number) {
  const n = items.length / dim;
  const all: { id: number; s: number }[] = [];
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += items[i * dim + j]! * q[j]!;
    all.push({ id: i, s: Math.fround(s) });
  }
  all.sort((a, b) => b.s - a.s || a.id - b.id);
  const top = all.slice(0, k);
  return { ids: top.map((e) => e.id), scores: top.map((e) => e.s), all };
}

/** Small-integer data: every dot product is exact in any summation order, and ties abound. */
function intData(n: number, dim: number, seed: number) {
  const rng = createRng(seed);
  const items = new Float32Array(n * dim);
  for (let i = 0; i < items.length; i++) items[i] = rng.int(5) - 2;
  const q = Float32Array.from({ length: dim }, () => rng.int(5) - 2);
  return { items, q };
}

describe('ExactIndex', () => {
  it('equals brute force exactly on tie-heavy integer data (odd n, dims not multiple of 4, blocks)', () => {
    for (const [n, dim, k] of [
      [1, 1, 1],
      [7, 3, 4],
      [33, 5, 10],
      [2500, 7, 300], // crosses the 1024-row block boundary
      [1201, 64, 500],
      [300, 16, 1000], // k > n
    ] as const) {
      const { items, q } = intData(n, dim, n * 31 + dim);
      const got = new ExactIndex(items, dim).search(q, k);
      const want = bruteForce(items, dim, q, k);
      expect(Array.from(got.ids)).toEqual(want.ids);
      expect(Array.from(got.scores)).toEqual(want.scores);
      expect(got.ids.length).toBe(Math.min(k, n));
    }
  });

  it('agrees with brute force on Gaussian data up to float rounding', () => {
    const rng = createRng(11);
    const n = 2000;
    const dim = 24;
    const items = Float32Array.from({ length: n * dim }, () => rng.normal());
    const index = new ExactIndex(items, dim);
    for (let t = 0; t < 4; t++) {
      const q = Float32Array.from({ length: dim }, () => rng.normal());
      const got = index.search(q, 50);
      const want = bruteForce(items, dim, q, 51);
      for (let i = 0; i < 50; i++) {
        expect(got.scores[i]!).toBeCloseTo(want.scores[i]!, 4);
        if (i > 0) expect(got.scores[i]!).toBeLessThanOrEqual(got.scores[i - 1]!);
      }
      // Same set whenever the 50th and 51st scores are clearly apart.
      if (want.scores[49]! - want.scores[50]! > 1e-4) {
        expect([...got.ids].sort((a, b) => a - b)).toEqual(
          [...want.ids.slice(0, 50)].sort((a, b) => a - b),
        );
      }
    }
  });

  it('breaks exact ties by lower id (duplicated rows)', () => {
    const dim = 4;
    const row = [0.5, -1, 2, 0.25];
    const items = new Float32Array(10 * dim);
    for (let i = 0; i < 10; i++) items.set(row, i * dim);
    items.set([9, 9, 9, 9], 6 * dim); // id 6 is the unique best
    const r = exactTopK(items, dim, [1, 1, 1, 1], 4);
    expect(Array.from(r.ids)).toEqual([6, 0, 1, 2]);
  });

  it('skips excluded ids and still returns k results', () => {
    const { items, q } = intData(200, 8, 3);
    const index = new ExactIndex(items, 8);
    const full = index.search(q, 20);
    const banned = new Set(Array.from(full.ids.slice(0, 5)));
    const r = index.search(q, 15, { exclude: (id) => banned.has(id) });
    expect(Array.from(r.ids)).toEqual(Array.from(full.ids.slice(5, 20)));
  });

  it('returns nothing for k = 0 or an empty matrix', () => {
    expect(exactTopK(new Float32Array(8), 4, [1, 2, 3, 4], 0).ids.length).toBe(0);
    expect(exactTopK(new Float32Array(0), 4, [1, 2, 3, 4], 5).ids.length).toBe(0);
  });

  it('scoreAll gives the same scores search ranks by', () => {
    const { items, q } = intData(50, 6, 9);
    const index = new ExactIndex(items, 6);
    const all = index.scoreAll(q);
    const top = index.search(q, 50);
    for (let i = 0; i < 50; i++) expect(top.scores[i]).toBe(all[top.ids[i]!]);
  });

  it('throws clear errors on bad input', () => {
    const index = new ExactIndex(new Float32Array(12), 4);
    expect(() => index.search([1, 2, 3], 1)).toThrow(/expected dim = 4/);
    expect(() => index.search([1, 2, NaN, 4], 1)).toThrow(/finite/);
    expect(() => index.search([1, 2, 3, 4], 1.5)).toThrow(RangeError);
    expect(() => new ExactIndex(new Float32Array(10), 4)).toThrow(/multiple of dim/);
    expect(() => new ExactIndex(new Float32Array(10), 0)).toThrow(/positive integer/);
  });
});
