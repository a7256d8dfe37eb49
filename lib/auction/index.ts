/**
 * The ad auction of a social feed: candidates ranked by eCPM = 1000 × bid × pCTR (expected revenue
 * per thousand impressions of a cost-per-click ad), a reserve price, second-price (generalised
 * second price, GSP) or first-price charging, winners placed into the feed's ad slots, and
 * daily budgets with simple pacing. Pure and deterministic; randomness (pacing) takes a draw.
 *
 * Prices are per click, as advertisers bid per click. Under the second-price rule the winner of
 * slot k pays the least bid that would still have kept its rank: the next eCPM divided by its own
 * pCTR (never below the reserve, never above its own bid). Under first price it pays its bid.
 */

export type PriceRule = 'second' | 'first';

export interface AuctionCandidate {
  id: string;
  /** Maximum cost per click the advertiser bids, in dollars. */
  bid: number;
  /** Predicted click probability (calibrated) at the top slot, in [0, 1]. */
  pCtr: number;
  /** Ads of the same advertiser compete for one slot when onePerAdvertiser is set. */
  advertiser?: string;
  /** Dollars the ad may still spend today (omit = unlimited). */
  budgetLeft?: number;
}

export interface AuctionOptions {
  /** Ad slots to fill (default 3). */
  slots?: number;
  /** Feed positions of the ad slots, top first (default 2, 6, 11, 17, …: one ad every few posts). */
  feedPositions?: readonly number[];
  /**
   * Probability a user examines each slot (default 1 for all): the expected clicks of slot k
   * are examination[k] × pCTR.
   */
  examination?: readonly number[];
  /** Minimum price per click, in dollars (default 0.05). Bids below it never enter. */
  reserve?: number;
  /** Default 'second'. */
  rule?: PriceRule;
  /** At most one ad per advertiser (default true). */
  onePerAdvertiser?: boolean;
}

export type CandidateStatus =
  'won' | 'outbid' | 'below-reserve' | 'out-of-budget' | 'same-advertiser' | 'invalid';

export interface RankedCandidate extends AuctionCandidate {
  /** 1000 × bid × pCTR, dollars per thousand impressions (NaN when invalid). */
  ecpm: number;
  status: CandidateStatus;
  /** Why the candidate is out (invalid input, reserve, …); empty for winners and outbid ads. */
  reason: string;
}

export interface AuctionWinner {
  candidate: RankedCandidate;
  /** 0-based ad slot. */
  slot: number;
  /** Position of the slot in the feed (1 = top post). */
  feedPosition: number;
  /** Dollars charged if the ad is clicked. */
  pricePerClick: number;
  /** examination × pCTR. */
  expectedClicks: number;
  /** pricePerClick × expectedClicks, dollars per impression. */
  expectedRevenue: number;
}

export interface AuctionResult {
  /** Every candidate, highest eCPM first (invalid last), with what happened to it. */
  ranked: RankedCandidate[];
  winners: AuctionWinner[];
  /** Sum of the winners' expected revenue, dollars per request. */
  expectedRevenue: number;
  rule: PriceRule;
  reserve: number;
}

export const ecpm = (bid: number, pCtr: number): number => 1000 * bid * pCtr;

/** Feed positions of `n` ad slots: the 2nd post, then one ad every 4–6 posts. */
export function defaultFeedPositions(n: number): number[] {
  const out: number[] = [];
  let p = 2;
  for (let k = 0; k < n; k++) {
    out.push(p);
    p += 4 + (k % 3);
  }
  return out;
}

function invalidReason(c: AuctionCandidate): string {
  if (!Number.isFinite(c.bid) || c.bid < 0) return `bid must be a number ≥ 0, got ${c.bid}`;
  if (!Number.isFinite(c.pCtr) || c.pCtr < 0 || c.pCtr > 1) {
    return `pCTR must be in [0, 1], got ${c.pCtr}`;
  }
  if (c.budgetLeft !== undefined && Number.isNaN(c.budgetLeft))
    return 'budget left is not a number';
  return '';
}

function resolve(opts: AuctionOptions) {
  const slots = opts.slots ?? 3;
  if (!Number.isInteger(slots) || slots < 0) {
    throw new RangeError(`auction: slots must be an integer ≥ 0, got ${slots}`);
  }
  const reserve = opts.reserve ?? 0.05;
  if (!Number.isFinite(reserve) || reserve < 0) {
    throw new RangeError(`auction: reserve must be a number ≥ 0, got ${reserve}`);
  }
  const feedPositions = opts.feedPositions ?? defaultFeedPositions(slots);
  if (feedPositions.length < slots) {
    throw new RangeError(`auction: ${slots} slots need ${slots} feed positions`);
  }
  const examination = opts.examination ?? [];
  return {
    slots,
    reserve,
    feedPositions,
    exam: (k: number) => examination[k] ?? 1,
    rule: opts.rule ?? 'second',
    onePerAdvertiser: opts.onePerAdvertiser ?? true,
  };
}

/** Runs one auction. Invalid candidates are reported, never thrown: one bad ad cannot stop a request. */
export function runAuction(
  candidates: readonly AuctionCandidate[],
  opts: AuctionOptions = {},
): AuctionResult {
  const o = resolve(opts);
  const ranked: RankedCandidate[] = candidates.map((c) => {
    const reason = invalidReason(c);
    return reason
      ? { ...c, ecpm: NaN, status: 'invalid', reason }
      : { ...c, ecpm: ecpm(c.bid, c.pCtr), status: 'outbid', reason: '' };
  });
  // Highest eCPM first; ties broken by id so the order never depends on the input order.
  ranked.sort((a, b) => {
    const av = Number.isNaN(a.ecpm) ? -Infinity : a.ecpm;
    const bv = Number.isNaN(b.ecpm) ? -Infinity : b.ecpm;
    return bv - av || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });

  // Who may compete: valid, at or above the reserve, with budget for one click, first ad of
  // its advertiser.
  const seen = new Set<string>();
  const eligible: RankedCandidate[] = [];
  for (const c of ranked) {
    if (c.status === 'invalid') continue;
    if (c.bid < o.reserve) {
      c.status = 'below-reserve';
      c.reason = `bid $${c.bid.toFixed(2)} < reserve $${o.reserve.toFixed(2)}`;
    } else if (c.budgetLeft !== undefined && c.budgetLeft < Math.max(o.reserve, 1e-9)) {
      c.status = 'out-of-budget';
      c.reason = `$${Math.max(0, c.budgetLeft).toFixed(2)} left today`;
    } else if (o.onePerAdvertiser && c.advertiser !== undefined && seen.has(c.advertiser)) {
      c.status = 'same-advertiser';
      c.reason = `advertiser ${c.advertiser} already has a higher ad`;
    } else {
      if (c.advertiser !== undefined) seen.add(c.advertiser);
      eligible.push(c);
    }
  }

  const winners: AuctionWinner[] = [];
  const n = Math.min(o.slots, eligible.length);
  for (let k = 0; k < n; k++) {
    const c = eligible[k]!;
    c.status = 'won';
    const next = eligible[k + 1];
    let price = c.bid;
    if (o.rule === 'second') {
      // The least bid that keeps this rank: next eCPM ÷ own pCTR (reserve alone if no one is next).
      const keep = next && c.pCtr > 0 ? next.ecpm / (1000 * c.pCtr) : 0;
      price = Math.min(c.bid, Math.max(o.reserve, keep));
    }
    const expectedClicks = o.exam(k) * c.pCtr;
    winners.push({
      candidate: c,
      slot: k,
      feedPosition: o.feedPositions[k]!,
      pricePerClick: price,
      expectedClicks,
      expectedRevenue: price * expectedClicks,
    });
  }
  return {
    ranked,
    winners,
    expectedRevenue: winners.reduce((s, w) => s + w.expectedRevenue, 0),
    rule: o.rule,
    reserve: o.reserve,
  };
}

/**
 * Budget pacing by throttling: the probability an ad enters an auction, so that spend follows
 * the day's traffic instead of running out by noon. When the share of budget spent runs ahead of
 * the share of the day's traffic already seen, participation falls in proportion.
 */
export function pacingRate(spent: number, dailyBudget: number, dayFraction: number): number {
  if (!(dailyBudget > 0) || !(spent < dailyBudget)) return 0;
  const spentShare = Math.max(0, spent) / dailyBudget;
  const f = Math.min(1, Math.max(0, dayFraction));
  if (spentShare <= f) return 1;
  // Ahead of schedule: the remaining budget over the remaining day, against the pace so far.
  const remainingBudget = 1 - spentShare;
  const remainingDay = 1 - f;
  if (remainingDay <= 0) return 1;
  return Math.min(
    1,
    Math.max(0, remainingBudget / remainingDay / (spentShare / Math.max(f, 1e-9))),
  );
}

/** Whether a paced ad takes part, given a uniform draw u in [0, 1) (the caller owns the Rng). */
export const pacedIn = (u: number, spent: number, dailyBudget: number, dayFraction: number) =>
  u < pacingRate(spent, dailyBudget, dayFraction);
