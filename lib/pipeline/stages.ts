/**
 * Per-stage timing for a serving pipeline, so a page can draw the latency waterfall of a
 * request against its budget. The clock is passed in: performance.now in a worker, anything in tests.
 */
export interface StageTiming {
  stage: string;
  startMs: number;
  ms: number;
}

export class StageTimer {
  readonly timings: StageTiming[] = [];
  private readonly origin: number;

  constructor(private readonly now: () => number) {
    this.origin = now();
  }

  async run<T>(stage: string, fn: () => T | Promise<T>): Promise<T> {
    const start = this.now();
    try {
      return await fn();
    } finally {
      this.timings.push({ stage, startMs: start - this.origin, ms: this.now() - start });
    }
  }

  get totalMs(): number {
    const last = this.timings.at(-1);
    return last ? last.startMs + last.ms : 0;
  }
}

/** How much of a latency budget a request used, and which stage was the largest share. */
export function budgetReport(timings: readonly StageTiming[], budgetMs: number) {
  const total = timings.reduce((s, t) => Math.max(s, t.startMs + t.ms), 0);
  const slowest = timings.reduce<StageTiming | undefined>(
    (a, t) => (!a || t.ms > a.ms ? t : a),
    undefined,
  );
  return {
    totalMs: total,
    budgetMs,
    share: total / budgetMs,
    withinBudget: total <= budgetMs,
    slowest: slowest?.stage,
  };
}
