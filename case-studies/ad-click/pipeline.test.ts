import { describe, expect, it } from 'vitest';
import { plattFromParams } from '@/lib/calibration';
import { adCalibration } from './calibration';
import { createFeaturePipeline, historyAsOf } from './features';
import {
  createAdServing,
  onnxFeeds,
  serveAdRequest,
  targetedAds,
  type AdRanker,
  type RankerInput,
} from './pipeline';
import { eligible, generateWorld } from './world';

const world = generateWorld({
  seed: 11,
  days: 4,
  impressionsPerDay: 20_000,
  numUsers: 2_000,
  numAds: 300,
});
const DAY = 3;
const store = historyAsOf(world, DAY);

/** A real, simple ranker: the ad's smoothed historical CTR (a dense feature) as the pCTR. */
const historyRanker: AdRanker = {
  kind: 'dcn',
  groups: ['ad', 'context', 'history'],
  score(input: RankerInput) {
    if (input.kind !== 'dcn') throw new Error('dcn only');
    const dense = input.data.table.dense as { data: Float32Array; width: number };
    const col = input.data.denseNames.indexOf('hist_ad_ctr');
    const g = store.globalCtr();
    const lg = Math.log(g / (1 - g));
    return Float32Array.from(
      input.data.rows,
      (_, r) => 1 / (1 + Math.exp(-(lg + dense.data[r * dense.width + col]!))),
    );
  },
  calibration: adCalibration(1, plattFromParams(1, 0)),
};

const request = { user: 17, day: DAY, hour: 20, device: 0, placement: 0 };

/** A clock that advances 1 ms per call, so timings are exact. */
const tick = () => {
  let t = 0;
  return () => t++;
};

describe('ad-click pipeline: targeting and retrieval', () => {
  it('targets launched, matching ads with budget left', () => {
    const serving = createAdServing(world, store, DAY);
    const u = request.user;
    const ads = targetedAds(serving, u);
    expect(ads.length).toBeGreaterThan(10);
    for (const a of ads) {
      expect(world.ads.startDay[a]!).toBeLessThanOrEqual(DAY);
      expect(
        eligible(
          world.ads,
          a,
          world.users.country[u]!,
          world.users.age[u]!,
          world.users.gender[u]!,
        ),
      ).toBe(true);
    }
    serving.spentToday[ads[0]!] = world.ads.dailyBudget[ads[0]!]!;
    expect(targetedAds(serving, u)).not.toContain(ads[0]);
  });

  it('retrieval embeddings are learned from the log: interests and age segments lift categories', () => {
    const { retrieval } = createAdServing(world, store, DAY);
    expect(retrieval.interestLift).toBeGreaterThan(0.2);
    // gaming (0) skews young, insurance (4) old, as the world plants.
    const lift = (age: number, c: number) => retrieval.ageCategoryLift[age * 12 + c]!;
    expect(lift(0, 0)).toBeGreaterThan(lift(5, 0));
    expect(lift(5, 4)).toBeGreaterThan(lift(0, 4));
  });
});

describe('ad-click pipeline: one request', () => {
  it('runs every stage in order, timed, and the auction picks the highest eCPM', async () => {
    const serving = createAdServing(world, store, DAY);
    const r = await serveAdRequest(serving, request, historyRanker, {
      retrieve: 50,
      now: tick(),
      auction: { slots: 3 },
    });
    expect(r.timings.map((t) => t.stage)).toEqual([
      'targeting',
      'retrieval',
      'features',
      'ranking',
      'calibration',
      'auction',
    ]);
    for (const t of r.timings) expect(t.ms).toBe(1);
    expect(r.totalMs).toBe(r.timings.at(-1)!.startMs + 1);
    expect(r.candidates).toHaveLength(Math.min(50, r.targeted));
    const targeted = new Set(targetedAds(serving, request.user));
    for (const c of r.candidates) {
      expect(targeted.has(c.ad)).toBe(true);
      expect(c.ecpm).toBeCloseTo(1000 * c.bid * c.pCalibrated, 6);
    }
    // Retrieval order: relevance descending.
    for (let i = 1; i < r.candidates.length; i++) {
      expect(r.candidates[i]!.relevance).toBeLessThanOrEqual(r.candidates[i - 1]!.relevance);
    }
    const winners = r.auction.winners.map((w) => Number(w.candidate.id));
    expect(winners.length).toBe(3);
    const top = r.auction.ranked.filter((c) => c.status !== 'invalid').map((c) => c.ecpm);
    expect(top).toEqual([...top].sort((a, b) => b - a));
    // Same request, same answer.
    const again = await serveAdRequest(createAdServing(world, store, DAY), request, historyRanker, {
      retrieve: 50,
      now: tick(),
      auction: { slots: 3 },
    });
    expect(again.auction.winners.map((w) => w.candidate.id)).toEqual(winners.map(String));
  });

  it('serves the features training saw: a logged impression encodes the same either way', async () => {
    const L = world.impressions;
    const i = L.dayStart[DAY]! + 123;
    const logged = createFeaturePipeline(world).dcn([i]);
    let seen: RankerInput | undefined;
    const spy: AdRanker = {
      ...historyRanker,
      groups: logged.groups,
      score: (input) => {
        seen = input;
        return new Float32Array(input.data.rows.length).fill(0.01);
      },
    };
    const serving = createAdServing(world, store, DAY);
    // Retrieve every targeted ad so the logged one is among them.
    await serveAdRequest(
      serving,
      {
        user: L.user[i]!,
        day: DAY,
        hour: L.hour[i]!,
        device: L.device[i]!,
        placement: L.placement[i]!,
      },
      spy,
      { retrieve: world.ads.count, position: L.position[i]! },
    );
    expect(seen?.kind).toBe('dcn');
    if (seen?.kind !== 'dcn') return;
    const adIds = seen.data.table.ad_id as Int32Array;
    const r = adIds.indexOf((logged.table.ad_id as Int32Array)[0]!);
    expect(r).toBeGreaterThanOrEqual(0);
    for (const f of logged.fields) {
      expect((seen.data.table[f.name] as Int32Array)[r], f.name).toBe(
        (logged.table[f.name] as Int32Array)[0],
      );
    }
    const a = logged.table.dense as { data: Float32Array; width: number };
    const b = seen.data.table.dense as { data: Float32Array; width: number };
    expect(Array.from(b.data.subarray(r * b.width, (r + 1) * b.width))).toEqual(
      Array.from(a.data.subarray(0, a.width)),
    );
  });

  it('ONNX feeds name the exported inputs', async () => {
    const serving = createAdServing(world, store, DAY);
    let feeds: ReturnType<typeof onnxFeeds> = {};
    await serveAdRequest(
      serving,
      request,
      {
        ...historyRanker,
        score: (input) => {
          feeds = onnxFeeds(input);
          return historyRanker.score(input);
        },
      },
      { retrieve: 20 },
    );
    expect(Object.keys(feeds)).toEqual([
      'category_id',
      'format_id',
      'hour_id',
      'device_id',
      'placement_id',
      'dense',
    ]);
    expect(feeds.dense!.dims).toEqual([20, 4]);
    expect(feeds.hour_id!.data[0]).toBe(20);
  });

  it('rejects a request for another day, a bad user and a ranker that loses rows', async () => {
    const serving = createAdServing(world, store, DAY);
    await expect(serveAdRequest(serving, { ...request, day: 2 }, historyRanker)).rejects.toThrow(
      RangeError,
    );
    await expect(
      serveAdRequest(serving, { ...request, user: -1 }, historyRanker),
    ).rejects.toThrow();
    await expect(
      serveAdRequest(
        serving,
        request,
        { ...historyRanker, score: () => new Float32Array(1) },
        { retrieve: 5 },
      ),
    ).rejects.toThrow(/1 scores for 5 ads/);
    expect(() => createAdServing(world, store, 2)).toThrow(RangeError);
  });
});
