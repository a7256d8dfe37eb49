import { describe, expect, it } from 'vitest';
import {
  defaultFeedPositions,
  ecpm,
  pacingRate,
  pacedIn,
  runAuction,
  type AuctionCandidate,
} from '.';

const C = (id: string, bid: number, pCtr: number, extra: Partial<AuctionCandidate> = {}) => ({
  id,
  bid,
  pCtr,
  ...extra,
});

describe('auction: ranking by eCPM', () => {
  it('ranks by bid × pCTR, not by bid', () => {
    const r = runAuction([C('a', 2, 0.01), C('b', 1, 0.03), C('c', 0.5, 0.05)], { slots: 2 });
    expect(r.ranked.map((c) => c.id)).toEqual(['b', 'c', 'a']);
    expect(r.ranked[0]!.ecpm).toBeCloseTo(30);
    expect(r.winners.map((w) => w.candidate.id)).toEqual(['b', 'c']);
    expect(r.ranked.find((c) => c.id === 'a')!.status).toBe('outbid');
    expect(ecpm(2, 0.01)).toBeCloseTo(20);
  });

  it('charges second price: next eCPM over own pCTR, between reserve and bid', () => {
    const r = runAuction([C('a', 1, 0.03), C('b', 2, 0.01), C('c', 0.5, 0.02)], {
      slots: 2,
      reserve: 0.05,
    });
    // a: 30 eCPM, b: 20, c: 10.  a pays 20 / (1000·0.03) = 0.667; b pays 10 / 10 = 1.
    expect(r.winners[0]!.pricePerClick).toBeCloseTo(20 / 30);
    expect(r.winners[1]!.pricePerClick).toBeCloseTo(1);
    for (const w of r.winners) expect(w.pricePerClick).toBeLessThanOrEqual(w.candidate.bid);
  });

  it('charges first price: the bid', () => {
    const r = runAuction([C('a', 1, 0.03), C('b', 2, 0.01)], { slots: 2, rule: 'first' });
    expect(r.winners.map((w) => w.pricePerClick)).toEqual([1, 2]);
  });

  it('the last winner with no one behind pays the reserve', () => {
    const r = runAuction([C('a', 1, 0.03)], { slots: 3, reserve: 0.1 });
    expect(r.winners).toHaveLength(1);
    expect(r.winners[0]!.pricePerClick).toBe(0.1);
  });

  it('a reserve keeps low bids out and raises prices', () => {
    const cands = [C('a', 1, 0.03), C('b', 0.2, 0.05), C('c', 0.1, 0.1)];
    const low = runAuction(cands, { slots: 1, reserve: 0.05 });
    const high = runAuction(cands, { slots: 1, reserve: 0.5 });
    expect(high.ranked.find((c) => c.id === 'b')!.status).toBe('below-reserve');
    expect(high.winners[0]!.pricePerClick).toBe(0.5);
    expect(high.winners[0]!.pricePerClick).toBeGreaterThan(low.winners[0]!.pricePerClick);
  });

  it('second price never charges more than first price', () => {
    for (let s = 0; s < 50; s++) {
      const cands = Array.from({ length: 6 }, (_, k) =>
        C(`x${k}`, 0.1 + ((s * 7 + k * 13) % 17) / 10, 0.005 + ((s * 3 + k * 5) % 11) / 500),
      );
      const second = runAuction(cands, { slots: 3 });
      const first = runAuction(cands, { slots: 3, rule: 'first' });
      expect(second.expectedRevenue).toBeLessThanOrEqual(first.expectedRevenue + 1e-12);
      // Same winners, same order: the rule changes prices, not the allocation.
      expect(second.winners.map((w) => w.candidate.id)).toEqual(
        first.winners.map((w) => w.candidate.id),
      );
    }
  });
});

describe('auction: slots, advertisers, budgets and bad input', () => {
  it('places winners into feed slots with examination', () => {
    const r = runAuction([C('a', 1, 0.04), C('b', 1, 0.02)], {
      slots: 2,
      feedPositions: [3, 9],
      examination: [1, 0.5],
    });
    expect(r.winners.map((w) => w.feedPosition)).toEqual([3, 9]);
    expect(r.winners[1]!.expectedClicks).toBeCloseTo(0.01);
    expect(r.expectedRevenue).toBeCloseTo(
      r.winners.reduce((s, w) => s + w.pricePerClick * w.expectedClicks, 0),
    );
    expect(defaultFeedPositions(4)).toEqual([2, 6, 11, 17]);
  });

  it('one ad per advertiser; ads out of budget do not serve', () => {
    const r = runAuction(
      [
        C('a1', 1, 0.05, { advertiser: 'A' }),
        C('a2', 1, 0.04, { advertiser: 'A' }),
        C('b', 1, 0.03, { advertiser: 'B', budgetLeft: 0 }),
        C('c', 1, 0.02, { advertiser: 'C', budgetLeft: 5 }),
      ],
      { slots: 3 },
    );
    expect(r.winners.map((w) => w.candidate.id)).toEqual(['a1', 'c']);
    expect(r.ranked.find((c) => c.id === 'a2')!.status).toBe('same-advertiser');
    expect(r.ranked.find((c) => c.id === 'b')!.status).toBe('out-of-budget');
  });

  it('reports invalid candidates instead of throwing, and rejects bad options', () => {
    const r = runAuction([C('bad', NaN, 0.1), C('worse', 1, 1.5), C('ok', 1, 0.01)]);
    expect(r.winners.map((w) => w.candidate.id)).toEqual(['ok']);
    expect(r.ranked.filter((c) => c.status === 'invalid').map((c) => c.reason)).toEqual([
      'bid must be a number ≥ 0, got NaN',
      'pCTR must be in [0, 1], got 1.5',
    ]);
    expect(() => runAuction([], { slots: -1 })).toThrow(RangeError);
    expect(() => runAuction([], { reserve: NaN })).toThrow(RangeError);
    expect(runAuction([]).winners).toEqual([]);
  });
});

describe('auction: pacing', () => {
  it('throttles an ad that spends ahead of the day and stops at the budget', () => {
    expect(pacingRate(10, 100, 0.5)).toBe(1);
    expect(pacingRate(100, 100, 0.5)).toBe(0);
    const ahead = pacingRate(60, 100, 0.3);
    expect(ahead).toBeGreaterThan(0);
    expect(ahead).toBeLessThan(1);
    // Further ahead, throttled harder.
    expect(pacingRate(80, 100, 0.3)).toBeLessThan(ahead);
    expect(pacedIn(0.99, 60, 100, 0.3)).toBe(false);
    expect(pacedIn(0, 60, 100, 0.3)).toBe(true);
    expect(pacingRate(5, 0, 0.5)).toBe(0);
  });
});
