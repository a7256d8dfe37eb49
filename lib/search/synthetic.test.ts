import { describe, expect, it } from 'vitest';
import { clusteredEmbeddings, gaussianEmbeddings, userQueries } from './synthetic';

function norms(x: Float32Array, dim: number) {
  const out: number[] = [];
  for (let o = 0; o < x.length; o += dim) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += x[o + j]! ** 2;
    out.push(Math.sqrt(s));
  }
  return out;
}

describe('synthetic embeddings', () => {
  it('are deterministic, unit-norm and clustered', () => {
    const a = clusteredEmbeddings({ n: 2000, dim: 16, topics: 20, seed: 4 });
    const b = clusteredEmbeddings({ n: 2000, dim: 16, topics: 20, seed: 4 });
    expect(Array.from(a.items)).toEqual(Array.from(b.items));
    for (const v of norms(a.items, 16)) expect(v).toBeCloseTo(1, 5);
    // Items sit closer to their own topic centre than to a random other one.
    let own = 0;
    let other = 0;
    let m = 0;
    for (let i = 0; i < 2000; i++) {
      const t = a.topicOf[i]!;
      if (t < 0) continue;
      const u = (t + 7) % 20;
      for (let j = 0; j < 16; j++) {
        own += a.items[i * 16 + j]! * a.centers[t * 16 + j]!;
        other += a.items[i * 16 + j]! * a.centers[u * 16 + j]!;
      }
      m++;
    }
    expect(own / m).toBeGreaterThan(0.7);
    expect(Math.abs(other / m)).toBeLessThan(0.2);
    // Roughly 10 % noise items.
    const noise = Array.from(a.topicOf).filter((t) => t < 0).length;
    expect(noise).toBeGreaterThan(120);
    expect(noise).toBeLessThan(280);
  });

  it('draws unit-norm queries that are not copies of items', () => {
    const data = clusteredEmbeddings({ n: 500, dim: 8, topics: 10, seed: 1 });
    const q = userQueries(data, { count: 50, seed: 2 });
    expect(q.length).toBe(50 * 8);
    for (const v of norms(q, 8)) expect(v).toBeCloseTo(1, 5);
    const items = new Set<string>();
    for (let i = 0; i < 500; i++)
      items.add(Array.from(data.items.subarray(i * 8, i * 8 + 8)).join());
    for (let u = 0; u < 50; u++)
      expect(items.has(Array.from(q.subarray(u * 8, u * 8 + 8)).join())).toBe(false);
  });

  it('gaussianEmbeddings optionally normalises', () => {
    expect(gaussianEmbeddings(10, 4, 1)).toEqual(gaussianEmbeddings(10, 4, 1));
    for (const v of norms(gaussianEmbeddings(10, 4, 1, true), 4)) expect(v).toBeCloseTo(1, 5);
  });
});
