import { describe, expect, it } from 'vitest';
import { exportProgress, importProgress, mergeProgress } from './transfer';
import type { Progress } from './schema';

const t0 = '2026-01-01T00:00:00.000Z';
const t1 = '2026-02-01T00:00:00.000Z';

describe('progress files', () => {
  it('round-trips an export', () => {
    const p: Progress = {
      lessons: { overview: { completedAt: t0 } },
      selfChecks: { 'overview/clock': { result: 'got-it', at: t0 } },
    };
    expect(importProgress(exportProgress(p, new Date(t1)))).toEqual({
      ok: true,
      progress: p,
      dropped: [],
    });
  });

  it.each([
    ['an empty file', ''],
    ['a diagram file', JSON.stringify({ app: 'mlsd-lab', kind: 'diagram', version: 1, data: {} })],
    ['random text', 'hello'],
  ])('refuses %s with a sentence that says why', (_l, text) => {
    const r = importProgress(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/can't be imported/);
  });

  it('keeps the good entries of a partly damaged file', () => {
    const text = JSON.stringify({
      app: 'mlsd-lab',
      kind: 'progress',
      version: 1,
      savedAt: t0,
      data: { lessons: { overview: { completedAt: t0 }, x: 5 } },
    });
    const r = importProgress(text);
    expect(r).toMatchObject({ ok: true, dropped: ['lesson "x"'] });
    if (r.ok) expect(Object.keys(r.progress.lessons)).toEqual(['overview']);
  });

  it('merges, keeping the more recent entry', () => {
    const a: Progress = {
      lessons: { overview: { completedAt: t1 } },
      selfChecks: { 'a/b': { result: 'missed', at: t0 } },
    };
    const b: Progress = {
      lessons: { overview: { completedAt: t0 }, evaluation: { completedAt: t0 } },
      selfChecks: { 'a/b': { result: 'got-it', at: t1 } },
    };
    expect(mergeProgress(a, b)).toEqual({
      lessons: { overview: { completedAt: t1 }, evaluation: { completedAt: t0 } },
      selfChecks: { 'a/b': { result: 'got-it', at: t1 } },
    });
  });
});
