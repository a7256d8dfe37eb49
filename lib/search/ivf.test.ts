import { describe, expect, it } from 'vitest';
import { ExactIndex } from './exact';
import { IvfIndex } from './ivf';
import { meanRecallAtK } from './recall';
import { clusteredEmbeddings, gaussianEmbeddings, userQueries } from './synthetic';

const DIM = 16;
const data = clusteredEmbeddings({ n: 20_000, dim: DIM, topics: 60, seed: 7 });
const queries = userQueries(data, { count: 100, seed: 8 });
const query = (u: number) => queries.subarray(u * DIM, u * DIM + DIM);
const index = IvfIndex.build(data.items, DIM, { seed: 1, nlist: 128 });
const exact = new ExactIndex(data.items, DIM);
const truth = Array.from({ length: 100 }, (_, u) => exact.search(query(u), 20));

describe('IvfIndex', () => {
  it('stores every item exactly once, grouped in lists', () => {
    expect(index.nlist).toBe(128);
    expect(index.metric).toBe('spherical');
    const sizes = index.listSizes();
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(20_000);
    expect(Array.from(index.ids).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20_000 }, (_, i) => i),
    );
    // Row r of the re-ordered storage is item ids[r].
    for (const r of [0, 777, 19_999]) {
      const id = index.ids[r]!;
      expect(Array.from(index.vectors.subarray(r * DIM, r * DIM + DIM))).toEqual(
        Array.from(data.items.subarray(id * DIM, id * DIM + DIM)),
      );
    }
  });

  it('reaches high recall@20 on clustered data while scanning a small share', () => {
    const approx = Array.from({ length: 100 }, (_, u) => index.search(query(u), 20, { nprobe: 8 }));
    const recall = meanRecallAtK(
      approx.map((r) => r.ids),
      truth.map((r) => r.ids),
      20,
    );
    expect(recall).toBeGreaterThan(0.9);
    const scanned = approx.reduce((s, r) => s + r.scanned, 0) / 100;
    expect(scanned).toBeLessThan(0.15 * 20_000);
    // More probes never hurt recall on the same queries.
    const wider = Array.from({ length: 100 }, (_, u) => index.search(query(u), 20, { nprobe: 32 }));
    expect(
      meanRecallAtK(
        wider.map((r) => r.ids),
        truth.map((r) => r.ids),
        20,
      ),
    ).toBeGreaterThanOrEqual(recall);
  });

  it('equals exact search bit for bit when every list is probed', () => {
    for (let u = 0; u < 10; u++) {
      const got = index.search(query(u), 50, { nprobe: index.nlist });
      const want = exact.search(query(u), 50);
      expect(Array.from(got.ids)).toEqual(Array.from(want.ids));
      expect(Array.from(got.scores)).toEqual(Array.from(want.scores));
      expect(got.scanned).toBe(20_000);
    }
  });

  it('is deterministic for a seed and changes with it', () => {
    const small = data.items.subarray(0, 3000 * DIM);
    const a = IvfIndex.build(small, DIM, { seed: 5, nlist: 30 }).serialize();
    const b = IvfIndex.build(small, DIM, { seed: 5, nlist: 30 }).serialize();
    const c = IvfIndex.build(small, DIM, { seed: 6, nlist: 30 }).serialize();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it('round-trips through serialize/deserialize, with and without vectors', () => {
    const full = index.serialize();
    const compact = index.serialize({ includeVectors: false });
    expect(compact.byteLength).toBeLessThan(full.byteLength / 3);
    const copies = [
      IvfIndex.deserialize(full),
      IvfIndex.deserialize(full.buffer as ArrayBuffer),
      IvfIndex.deserialize(compact, { items: data.items }),
    ];
    // Unaligned input (e.g. a slice of a larger file) is copied, not rejected.
    const shifted = new Uint8Array(full.byteLength + 1);
    shifted.set(full, 1);
    copies.push(IvfIndex.deserialize(shifted.subarray(1)));
    for (const loaded of copies) {
      expect(loaded.nlist).toBe(index.nlist);
      expect(loaded.metric).toBe(index.metric);
      expect(loaded.nprobe).toBe(index.nprobe);
      for (let u = 0; u < 5; u++) {
        const want = index.search(query(u), 20, { nprobe: 4 });
        const got = loaded.search(query(u), 20, { nprobe: 4 });
        expect(Array.from(got.ids)).toEqual(Array.from(want.ids));
        expect(Array.from(got.scores)).toEqual(Array.from(want.scores));
      }
    }
  });

  it('rejects corrupt or mismatched files with clear errors', () => {
    const bytes = index.serialize({ includeVectors: false });
    const badMagic = bytes.slice();
    badMagic[0] = 0;
    expect(() => IvfIndex.deserialize(badMagic, { items: data.items })).toThrow(/magic/);
    expect(() => IvfIndex.deserialize(bytes.slice(0, bytes.length - 4))).toThrow(/size/);
    expect(() => IvfIndex.deserialize(bytes)).toThrow(/without vectors/);
    expect(() => IvfIndex.deserialize(bytes, { items: data.items.subarray(8) })).toThrow(/items/);
    const badIds = bytes.slice();
    const ids = new Int32Array(badIds.buffer, (8 + index.nlist + 1) * 4, 2);
    ids[1] = ids[0]!; // duplicate id
    expect(() => IvfIndex.deserialize(badIds, { items: data.items })).toThrow(/permutation/);
  });

  it('reports monotone build progress ending at 1', () => {
    const seen: [number, string][] = [];
    IvfIndex.build(data.items.subarray(0, 5000 * DIM), DIM, {
      seed: 2,
      nlist: 40,
      onProgress: (f, stage) => seen.push([f, stage]),
    });
    expect(seen.length).toBeGreaterThan(3);
    for (let i = 1; i < seen.length; i++)
      expect(seen[i]![0]).toBeGreaterThanOrEqual(seen[i - 1]![0]);
    expect(seen.at(-1)).toEqual([1, 'done']);
  });

  it('uses L2 k-means for unnormalised data and handles tiny inputs', () => {
    const g = gaussianEmbeddings(500, 8, 3);
    const ivf = IvfIndex.build(g, 8, { seed: 1, nlist: 10 });
    expect(ivf.metric).toBe('l2');
    const ex = new ExactIndex(g, 8);
    const q = [1, 0, 0, 0, 0, 0, 0, 1];
    expect(Array.from(ivf.search(q, 5, { nprobe: 10 }).ids)).toEqual(
      Array.from(ex.search(q, 5).ids),
    );
    const one = IvfIndex.build(new Float32Array([1, 2]), 2, { seed: 1, nlist: 8 });
    expect(one.nlist).toBe(1);
    expect(Array.from(one.search([1, 1], 3).ids)).toEqual([0]);
    expect(() => ivf.search(q, 5, { nprobe: 0 })).toThrow(RangeError);
    expect(() => IvfIndex.build(new Float32Array(0), 2, { seed: 1 })).toThrow(/at least one/);
    expect(() => IvfIndex.build(new Float32Array([1, NaN, 0, 1]), 2, { seed: 1 })).toThrow(
      /finite/,
    );
  });

  it('applies the exclude filter', () => {
    const full = index.search(query(0), 10, { nprobe: 16 });
    const banned = new Set([full.ids[0]!, full.ids[3]!]);
    const r = index.search(query(0), 8, { nprobe: 16, exclude: (id) => banned.has(id) });
    expect(Array.from(r.ids)).toEqual(Array.from(full.ids).filter((id) => !banned.has(id)));
  });
});
