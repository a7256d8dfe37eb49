import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { kmeans } from './kmeans';

/** Four tight blobs around (±10, ±10) in 2-D, 50 points each, in a fixed interleaved order. */
function blobs() {
  const rng = createRng(1);
  const centres = [
    [10, 10],
    [-10, 10],
    [10, -10],
    [-10, -10],
  ];
  const data = new Float32Array(200 * 2);
  for (let i = 0; i < 200; i++) {
    const c = centres[i % 4]!;
    data[2 * i] = c[0]! + 0.5 * rng.normal();
    data[2 * i + 1] = c[1]! + 0.5 * rng.normal();
  }
  return data;
}

describe('kmeans', () => {
  it('recovers well-separated clusters', () => {
    const data = blobs();
    const r = kmeans(data, 2, { k: 4, seed: 3 });
    // Points of the same blob share a label, different blobs differ.
    const labelOfBlob = [0, 1, 2, 3].map((b) => r.assignments[b]!);
    expect(new Set(labelOfBlob).size).toBe(4);
    for (let i = 0; i < 200; i++) expect(r.assignments[i]).toBe(labelOfBlob[i % 4]);
    // Each centroid is within 0.3 of its blob centre; inertia ≈ 200 · 2 · 0.25.
    for (let c = 0; c < 4; c++) {
      const x = r.centroids[2 * c]!;
      const y = r.centroids[2 * c + 1]!;
      expect(Math.abs(Math.abs(x) - 10)).toBeLessThan(0.3);
      expect(Math.abs(Math.abs(y) - 10)).toBeLessThan(0.3);
    }
    expect(r.inertia).toBeGreaterThan(50);
    expect(r.inertia).toBeLessThan(150);
  });

  it('is deterministic for a seed', () => {
    const rng = createRng(8);
    const data = Float32Array.from({ length: 500 * 3 }, () => rng.normal());
    const a = kmeans(data, 3, { k: 7, seed: 42 });
    const b = kmeans(data, 3, { k: 7, seed: 42 });
    expect(Array.from(a.centroids)).toEqual(Array.from(b.centroids));
    expect(Array.from(a.assignments)).toEqual(Array.from(b.assignments));
  });

  it('keeps unit-norm centroids in spherical mode and never leaves a cluster empty', () => {
    const rng = createRng(9);
    const data = Float32Array.from({ length: 300 * 4 }, () => rng.normal());
    const r = kmeans(data, 4, { k: 20, seed: 1, spherical: true });
    const counts = new Array(20).fill(0);
    for (const a of r.assignments) counts[a]++;
    expect(counts.every((c) => c > 0)).toBe(true);
    for (let c = 0; c < 20; c++) {
      let s = 0;
      for (let j = 0; j < 4; j++) s += r.centroids[c * 4 + j]! ** 2;
      expect(Math.sqrt(s)).toBeCloseTo(1, 5);
    }
  });

  it('handles k = n and identical points, and rejects k > n', () => {
    const same = new Float32Array(10).fill(1); // five identical 2-D points
    const r = kmeans(same, 2, { k: 5, seed: 1 });
    expect(r.inertia).toBe(0);
    expect(() => kmeans(same, 2, { k: 6, seed: 1 })).toThrow(/exceeds/);
    expect(() => kmeans(same, 2, { k: 0, seed: 1 })).toThrow(RangeError);
  });
});
