import { describe, expect, it } from 'vitest';
import { formatTable, meetsTarget, percentile, summarize, timeRuns } from './stats';

describe('benchmark statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(xs, 0.5)).toBe(5);
    expect(percentile(xs, 0.95)).toBe(10);
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('summarises unsorted times and judges targets on p95 (latency) or p50 (seconds)', () => {
    const row = summarize('x', 'node', [9, 1, 5, 3, 7], 'ms', undefined, 8);
    expect(row).toMatchObject({ p50: 5, p95: 9, n: 5 });
    expect(meetsTarget(row)).toBe(false);
    expect(meetsTarget({ ...row, unit: 's' })).toBe(true);
    expect(meetsTarget({ ...row, target: undefined })).toBeUndefined();
  });

  it('times each run after the warm-up calls', async () => {
    let t = 0;
    const calls: number[] = [];
    const times = await timeRuns(
      (i) => calls.push(i),
      3,
      () => (t += 2),
      2,
    );
    expect(calls).toEqual([0, 1, 0, 1, 2]);
    expect(times).toEqual([2, 2, 2]);
  });

  it('prints an aligned table with a verdict per target', () => {
    const table = formatTable([
      summarize('exact top-500', 'chromium', [4, 5, 6], 'ms', { recall: 1 }, 8),
    ]);
    expect(table).toMatch(/figure\s+env\s+p50/);
    expect(table).toMatch(
      /exact top-500\s+chromium\s+5.00 ms\s+6.00 ms\s+3\s+≤ 8 ms\s+yes\s+recall=1.00/,
    );
  });
});
