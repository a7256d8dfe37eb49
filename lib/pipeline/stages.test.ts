import { describe, expect, it } from 'vitest';
import { StageTimer, budgetReport } from './stages';

describe('stage timing', () => {
  it('records each stage with its offset from the start, even when a stage throws', async () => {
    let t = 100;
    const timer = new StageTimer(() => t);
    await timer.run('embed', () => {
      t += 2;
    });
    await timer.run('search', async () => {
      t += 5;
    });
    await expect(
      timer.run('rank', () => {
        t += 1;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(timer.timings).toEqual([
      { stage: 'embed', startMs: 0, ms: 2 },
      { stage: 'search', startMs: 2, ms: 5 },
      { stage: 'rank', startMs: 7, ms: 1 },
    ]);
    expect(timer.totalMs).toBe(8);
    expect(budgetReport(timer.timings, 200)).toEqual({
      totalMs: 8,
      budgetMs: 200,
      share: 0.04,
      withinBudget: true,
      slowest: 'search',
    });
  });
});
