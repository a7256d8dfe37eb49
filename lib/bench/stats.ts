/** One line of a benchmark table: a figure with its latency distribution. */
export interface BenchRow {
  figure: string;
  /** Where it ran: 'node' or 'chromium'. */
  env: string;
  unit: 'ms' | 's';
  p50: number;
  p95: number;
  n: number;
  /** The target this figure must meet, if any (compared against p95, or p50 for unit 's'). */
  target?: number;
  /** Other measured values: recall, build time, speed-up over the peer… */
  extra?: Record<string, number | string>;
}

/** Nearest-rank percentile of an ascending array (q in [0, 1]). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(q * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

export function summarize(
  figure: string,
  env: string,
  times: readonly number[],
  unit: BenchRow['unit'] = 'ms',
  extra?: BenchRow['extra'],
  target?: number,
): BenchRow {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    figure,
    env,
    unit,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    n: sorted.length,
    extra,
    target,
  };
}

/**
 * Times `runs` samples of fn after `warmup` untimed calls. A sample is the mean of `inner`
 * consecutive calls: browsers coarsen timers to 0.1 ms without cross-origin isolation, so
 * sub-millisecond work must be batched to be measured at all.
 */
export async function timeRuns(
  fn: (i: number) => unknown,
  runs: number,
  now: () => number,
  warmup = 5,
  inner = 1,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    for (let j = 0; j < inner; j++) await fn(i * inner + j);
    times.push((now() - t0) / inner);
  }
  return times;
}

/** Whether a row meets its target (seconds are judged on the median, latencies on p95). */
export function meetsTarget(row: BenchRow): boolean | undefined {
  if (row.target === undefined) return undefined;
  return (row.unit === 's' ? row.p50 : row.p95) <= row.target;
}

/** The table `npm run bench` prints. */
export function formatTable(rows: readonly BenchRow[]): string {
  const fmt = (x: number) =>
    Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : '—';
  const header = ['figure', 'env', 'p50', 'p95', 'n', 'target', 'ok', 'notes'];
  const lines = rows.map((r) => {
    const ok = meetsTarget(r);
    const notes = Object.entries(r.extra ?? {})
      .map(([k, v]) => `${k}=${typeof v === 'number' ? fmt(v) : v}`)
      .join(' ');
    return [
      r.figure,
      r.env,
      `${fmt(r.p50)} ${r.unit}`,
      `${fmt(r.p95)} ${r.unit}`,
      String(r.n),
      r.target === undefined ? '' : `≤ ${r.target} ${r.unit}`,
      ok === undefined ? '' : ok ? 'yes' : 'NO',
      notes,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [row(header), row(widths.map((w) => '-'.repeat(w))), ...lines.map(row)].join('\n');
}
