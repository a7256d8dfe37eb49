/**
 * A simulated online A/B test. Requests arrive one by one, each is assigned to arm A or B at
 * random, the arm's model serves it, and a click is drawn from the true click probability of
 * what was served (the world knows it; a real test only sees the click). CTR, revenue and the
 * confidence intervals of B − A accrue as the test runs, so a page can show them converge.
 *
 * Seeded: the same seed and `serve` give the same test. `serve` gets the test's own Rng to draw
 * the request (user, context) so that the population is part of the seeded stream.
 */
import { createRng, type Rng } from '../random';
import {
  addMoment,
  emptyMoments,
  meanDiff,
  proportionDiff,
  type DiffInterval,
  type Moments,
} from './stats';

export type Arm = 'A' | 'B';

export interface Served {
  /** True probability that the user clicks what this arm served, in [0, 1]. */
  pClick: number;
  /** Dollars charged if it is clicked. */
  pricePerClick: number;
}

export interface AbTestOptions {
  seed: number;
  /** Serves one request with an arm's model; draws the request from `rng`. */
  serve: (arm: Arm, rng: Rng) => Served;
  /** Share of requests sent to B (default 0.5). */
  shareB?: number;
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
}

export interface ArmStats {
  impressions: number;
  clicks: number;
  ctr: number;
  revenue: number;
  /** Dollars per thousand impressions. */
  rpm: number;
}

export interface AbSnapshot {
  requests: number;
  A: ArmStats;
  B: ArmStats;
  /** CTR(B) − CTR(A) with its interval. */
  ctrDiff: DiffInterval;
  /** Revenue per impression of B − A, with its interval. */
  revenueDiff: DiffInterval;
}

export interface AbTest {
  /** Serves `n` more requests and returns the state after them. */
  run(n: number): AbSnapshot;
  snapshot(): AbSnapshot;
}

interface ArmState {
  clicks: number;
  revenue: Moments;
}

function armStats(s: ArmState): ArmStats {
  const n = s.revenue.n;
  return {
    impressions: n,
    clicks: s.clicks,
    ctr: n > 0 ? s.clicks / n : NaN,
    revenue: s.revenue.sum,
    rpm: n > 0 ? (1000 * s.revenue.sum) / n : NaN,
  };
}

export function createAbTest(options: AbTestOptions): AbTest {
  const shareB = options.shareB ?? 0.5;
  const level = options.level ?? 0.95;
  if (!(shareB > 0 && shareB < 1)) {
    throw new RangeError(`A/B test: shareB must be in (0, 1), got ${shareB}`);
  }
  if (!(level > 0 && level < 1)) throw new RangeError(`A/B test: level must be in (0, 1)`);
  const rng = createRng(options.seed);
  const arms: Record<Arm, ArmState> = {
    A: { clicks: 0, revenue: emptyMoments() },
    B: { clicks: 0, revenue: emptyMoments() },
  };
  let requests = 0;

  const snapshot = (): AbSnapshot => ({
    requests,
    A: armStats(arms.A),
    B: armStats(arms.B),
    ctrDiff: proportionDiff(
      arms.A.clicks,
      arms.A.revenue.n,
      arms.B.clicks,
      arms.B.revenue.n,
      level,
    ),
    revenueDiff: meanDiff(arms.A.revenue, arms.B.revenue, level),
  });

  return {
    snapshot,
    run(n) {
      if (!Number.isInteger(n) || n < 0) {
        throw new RangeError(`A/B test: run(n) needs an integer n ≥ 0, got ${n}`);
      }
      for (let k = 0; k < n; k++) {
        const arm: Arm = rng.next() < shareB ? 'B' : 'A';
        const served = options.serve(arm, rng);
        const p = Number.isFinite(served.pClick) ? Math.min(1, Math.max(0, served.pClick)) : 0;
        const click = rng.next() < p;
        const s = arms[arm];
        if (click) s.clicks++;
        addMoment(s.revenue, click ? served.pricePerClick : 0);
        requests++;
      }
      return snapshot();
    },
  };
}
