import { describe, expect, it } from 'vitest';
import { intraListDiversity, rerank, type Candidate, type RerankOptions } from './rerank';

const unit = (...xs: number[]) => {
  const n = Math.hypot(...xs);
  return Float32Array.from(xs.map((x) => x / n));
};
const A = unit(1, 0);
const B = unit(0, 1);
const base: RerankOptions = {
  k: 3,
  diversity: 0,
  creatorCap: 0,
  freshnessBoost: 0,
  halfLifeDays: 7,
  today: 100,
};
const cand = (id: number, score: number, creator = id, emb = A, day = 0): Candidate => ({
  id,
  score,
  creator,
  publishedDay: day,
  embedding: emb,
});

describe('rerank', () => {
  it('with no rules keeps the ranker order', () => {
    const r = rerank([cand(1, 0.9), cand(2, 0.8), cand(3, 0.7), cand(4, 0.6)], base);
    expect(r.page.map((p) => p.id)).toEqual([1, 2, 3]);
    expect(r.removed).toEqual([]);
  });

  it('drops seen items and duplicates, saying why', () => {
    const r = rerank([cand(1, 0.9), cand(2, 0.8), cand(1, 0.7), cand(3, 0.6), cand(4, 0.5)], {
      ...base,
      seen: new Set([2]),
    });
    expect(r.page.map((p) => p.id)).toEqual([1, 3, 4]);
    expect(r.removed).toEqual([
      { id: 2, reason: 'seen' },
      { id: 1, reason: 'duplicate' },
    ]);
  });

  it('caps items per creator', () => {
    const r = rerank([cand(1, 0.9, 7), cand(2, 0.8, 7), cand(3, 0.7, 7), cand(4, 0.1, 8)], {
      ...base,
      creatorCap: 2,
    });
    expect(r.page.map((p) => p.id)).toEqual([1, 2, 4]);
    expect(r.removed).toEqual([{ id: 3, reason: 'creator-cap' }]);
  });

  it('diversity pulls a dissimilar item up past similar ones (MMR)', () => {
    const items = [cand(1, 1.0, 1, A), cand(2, 0.95, 2, A), cand(3, 0.9, 3, A), cand(4, 0.5, 4, B)];
    expect(rerank(items, { ...base, diversity: 0 }).page.map((p) => p.id)).toEqual([1, 2, 3]);
    const diverse = rerank(items, { ...base, diversity: 0.5 });
    expect(diverse.page.map((p) => p.id)).toEqual([1, 4, 2]);
    expect(diverse.page[1]!.reasons).toContain('adds variety to the page');
    expect(
      intraListDiversity(diverse.page.map((p) => items.find((c) => c.id === p.id)!.embedding)),
    ).toBeGreaterThan(intraListDiversity([A, A, A]));
  });

  it('boosts fresh items by a factor that halves every half-life', () => {
    const items = [cand(1, 1.0, 1, A, 0), cand(2, 0.9, 2, A, 100)];
    const r = rerank(items, { ...base, k: 2, freshnessBoost: 0.5 });
    expect(r.page.map((p) => p.id)).toEqual([2, 1]);
    expect(r.page[0]!.freshness).toBeCloseTo(0.5);
    expect(
      rerank(items, { ...base, k: 2, freshnessBoost: 0.5, today: 107 }).page[0]!.freshness,
    ).toBeCloseTo(0.25);
  });

  it('returns a short page when candidates run out, and an empty one for none', () => {
    expect(rerank([cand(1, 1)], base).page).toHaveLength(1);
    expect(rerank([], base)).toEqual({ page: [], removed: [] });
  });
});
