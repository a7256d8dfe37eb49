import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { dotRows, scoreBlock } from './kernels';

function naiveDot(rows: Float32Array, dim: number, r: number, q: ArrayLike<number>) {
  let s = 0;
  for (let j = 0; j < dim; j++) s += rows[r * dim + j]! * q[j]!;
  return Math.fround(s);
}

describe('dotRows', () => {
  it('writes exactly count scores at outOff and nothing else, for any dim and parity', () => {
    const rng = createRng(2);
    for (const dim of [1, 2, 3, 4, 5, 8, 13, 32]) {
      for (const [start, count] of [
        [0, 1],
        [3, 4],
        [2, 7],
        [0, 0],
      ] as const) {
        const rows = Float32Array.from({ length: 12 * dim }, () => rng.int(7) - 3);
        const q = Float64Array.from({ length: dim }, () => rng.int(7) - 3);
        const out = new Float32Array(count + 4).fill(99);
        dotRows(rows, dim, start, count, q, out, 2);
        expect(out[0]).toBe(99);
        expect(out[1]).toBe(99);
        for (let t = 0; t < count; t++) expect(out[2 + t]).toBe(naiveDot(rows, dim, start + t, q));
        expect(out[2 + count]).toBe(99);
        expect(out[3 + count]).toBe(99);
      }
    }
  });
});

describe('scoreBlock', () => {
  it('lays scores out centroid-major', () => {
    const rng = createRng(3);
    const dim = 6;
    const rows = Float32Array.from({ length: 9 * dim }, () => rng.normal());
    const cents = Float32Array.from({ length: 4 * dim }, () => rng.normal());
    const out = new Float32Array(3 * 5);
    scoreBlock(rows, dim, 2, 5, cents, 1, 4, new Float64Array(dim), out);
    for (let c = 1; c < 4; c++) {
      for (let t = 0; t < 5; t++) {
        let s = 0;
        for (let j = 0; j < dim; j++) s += rows[(2 + t) * dim + j]! * cents[c * dim + j]!;
        expect(out[(c - 1) * 5 + t]).toBeCloseTo(s, 5);
      }
    }
  });
});
