import { describe, expect, it } from 'vitest';
import { unwrap, wrap, type MigrationChain } from './envelope';

// A three-version chain shaped like real ones: v1 stored done lessons as a list, v2 as a map,
// v3 added a field. Each migration is exercised on its own and end to end.
const chain: MigrationChain = {
  current: 3,
  migrations: [
    (d) => ({ lessons: Object.fromEntries((d as { done: string[] }).done.map((s) => [s, true])) }),
    (d) => ({ ...(d as object), selfChecks: {} }),
  ],
};
const now = new Date('2026-01-01T00:00:00Z');

describe('envelope', () => {
  it('round-trips data at the current version', () => {
    const raw = wrap('progress', 3, { a: 1 }, now);
    expect(unwrap(raw, 'progress', chain)).toEqual({ ok: true, data: { a: 1 }, fromVersion: 3 });
  });

  it('migrates version 1 through every step', () => {
    const raw = wrap('progress', 1, { done: ['x', 'y'] }, now);
    expect(unwrap(raw, 'progress', chain)).toEqual({
      ok: true,
      data: { lessons: { x: true, y: true }, selfChecks: {} },
      fromVersion: 1,
    });
  });

  it('migrates version 2 with only the last step', () => {
    const raw = wrap('progress', 2, { lessons: { x: true } }, now);
    expect(unwrap(raw, 'progress', chain)).toMatchObject({
      ok: true,
      data: { lessons: { x: true }, selfChecks: {} },
    });
  });

  it.each([
    ['not JSON', '{oops', 'corrupt'],
    ['a bare number', '42', 'corrupt'],
    [
      'another app',
      JSON.stringify({ app: 'other', kind: 'progress', version: 1, data: {} }),
      'corrupt',
    ],
    ['another kind', wrap('diagram', 1, {}, now), 'corrupt'],
    [
      'a fractional version',
      JSON.stringify({ app: 'mlsd-lab', kind: 'progress', version: 1.5, data: {} }),
      'corrupt',
    ],
    ['a future version', wrap('progress', 9, {}, now), 'future'],
  ])('refuses %s', (_label, raw, reason) => {
    expect(unwrap(raw, 'progress', chain)).toMatchObject({ ok: false, reason });
  });

  it('reports a migration that throws as corrupt instead of crashing', () => {
    const raw = wrap('progress', 1, { done: 'not-a-list' }, now);
    const result = unwrap(raw, 'progress', chain);
    expect(result).toMatchObject({ ok: false, reason: 'corrupt' });
    if (!result.ok) expect(result.detail).toMatch(/migrating from format 1/);
  });
});
