import { describe, expect, it } from 'vitest';
import { createRng } from '../../lib/random';
import { ExactIndex, IvfIndex } from '../../lib/search';
import { createOnlineStore, USER_FEATURES, USER_NUMERIC_FEATURES } from './features';
import {
  DEFAULT_CONTROLS,
  FEED_SIZE,
  STAGES,
  clampControls,
  feedMetrics,
  heldOutUnits,
  newUserFeatures,
  serveFeed,
  type FeedContext,
  type FeedModels,
  type FeedUser,
} from './pipeline';
import { GENRES, generateWorld, watchHistory, type World } from './world';

const G = GENRES.length;
const PROFILE = USER_FEATURES.length - USER_NUMERIC_FEATURES.length;

/**
 * Stand-in models with a known behaviour: a video's embedding is its genre (plus seeded noise),
 * the user tower reads the genre shares of its features, the "DCN" likes short videos of the
 * user's genres. The pipeline logic around them is what is under test.
 */
function fakeModels(world: World): { models: FeedModels; embeddings: Float32Array } {
  const rng = createRng(5);
  const n = world.videos.count;
  const embeddings = new Float32Array(n * G);
  for (let v = 0; v < n; v++) {
    let s = 0;
    for (let j = 0; j < G; j++) {
      const x = (j === world.videos.genre[v] ? 1 : 0) + 0.2 * rng.next();
      embeddings[v * G + j] = x;
      s += x * x;
    }
    for (let j = 0; j < G; j++) embeddings[v * G + j]! /= Math.sqrt(s);
  }
  const W = USER_FEATURES.length;
  const models: FeedModels = {
    userTower: (ids, features) => {
      const out = new Float32Array(ids.length * G);
      for (let r = 0; r < ids.length; r++)
        for (let j = 0; j < G; j++) out[r * G + j] = features[r * W + PROFILE + j]! + 0.01;
      return Promise.resolve(out);
    },
    dcn: (table) => {
      const dense = table.dense as { data: Float32Array; width: number };
      const rows = dense.data.length / dense.width;
      const click = new Float32Array(rows);
      const watch = new Float32Array(rows);
      for (let r = 0; r < rows; r++) {
        const affinity = dense.data[r * dense.width + dense.width - 2]!;
        click[r] = 0.05 + 0.5 * affinity;
        watch[r] = Math.log1p(60 + r);
      }
      return Promise.resolve({ click, watchLog1p: watch });
    },
    logreg: (features) =>
      Promise.resolve(
        Float32Array.from(
          { length: features.data.length / features.width },
          (_, r) => 0.1 + r * 1e-4,
        ),
      ),
  };
  return { models, embeddings };
}

function context(world: World, clock?: () => number): FeedContext {
  const { models, embeddings } = fakeModels(world);
  const store = createOnlineStore(world, world.split.validationEnd);
  return {
    world,
    store,
    embeddings,
    dim: G,
    exact: new ExactIndex(embeddings, G),
    ivf: IvfIndex.build(embeddings, G, { seed: 1, nlist: 32, nprobe: 8 }),
    models,
    vocab: { users: world.users.count, videos: world.videos.count, creators: world.creators.count },
    negativeRate: { dcn: 0.25, logreg: 0.25 },
    now: clock ?? (() => performance.now()),
  };
}

const world = generateWorld({ seed: 3, users: 300, videos: 3000, days: 8 });
const ctx = context(world);
const day = world.split.validationEnd;
const activeUser = (() => {
  for (let u = 0; u < world.users.count; u++) if (watchHistory(world, u, day).length >= 3) return u;
  throw new Error('no user with history');
})();

describe('serveFeed', () => {
  it('serves 20 distinct, unwatched, already-uploaded videos with at most 2 per creator', async () => {
    const feed = await serveFeed(ctx, { kind: 'known', user: activeUser }, DEFAULT_CONTROLS);
    expect(feed.items).toHaveLength(FEED_SIZE);
    const ids = feed.items.map((i) => i.video);
    expect(new Set(ids).size).toBe(FEED_SIZE);
    const watched = new Set(
      Array.from(watchHistory(world, activeUser, day), (i) => world.impressions.video[i]!),
    );
    expect(watched.size).toBeGreaterThan(0);
    for (const id of ids) {
      expect(watched.has(id)).toBe(false);
      expect(world.videos.uploadDay[id]!).toBeLessThanOrEqual(day);
    }
    const perCreator = new Map<number, number>();
    for (const id of ids) {
      const c = world.videos.creator[id]!;
      perCreator.set(c, (perCreator.get(c) ?? 0) + 1);
    }
    expect(Math.max(...perCreator.values())).toBeLessThanOrEqual(2);
    expect(feed.items.map((i) => i.position)).toEqual([...Array(FEED_SIZE).keys()]);
    for (const it of feed.items) {
      expect(it.pClick).toBeGreaterThan(0);
      expect(it.watchSec).toBeGreaterThan(0);
      expect(it.finalScore).toBeCloseTo(it.pClick! * it.watchSec!, 6);
      expect(it.reasons[0]).toMatch(/retrieved #\d+ of 500/);
      expect(it.title.length).toBeGreaterThan(0);
    }
  });

  it('times the five stages in order with the given clock', async () => {
    let t = 0;
    const ticking = context(world, () => (t += 1));
    const feed = await serveFeed(ticking, { kind: 'known', user: activeUser }, DEFAULT_CONTROLS);
    expect(feed.timings.map((s) => s.stage)).toEqual(STAGES);
    for (const s of feed.timings) expect(s.ms).toBe(1);
    expect(feed.details.search.ms).toBe(1);
    expect(feed.details.search.outputs).toBe('500 candidates by inner product');
  });

  it('ranker and head weights change the scores', async () => {
    const user: FeedUser = { kind: 'known', user: activeUser };
    const none = await serveFeed(ctx, user, { ...DEFAULT_CONTROLS, ranker: 'none' });
    for (const it of none.items) {
      expect(it.pClick).toBeNull();
      expect(it.finalScore).toBeCloseTo(it.retrievalScore, 6);
    }
    const lr = await serveFeed(ctx, user, { ...DEFAULT_CONTROLS, ranker: 'logreg' });
    expect(lr.items.every((i) => i.watchSec === null && i.pClick! > 0)).toBe(true);
    const clickOnly = await serveFeed(ctx, user, { ...DEFAULT_CONTROLS, watchWeight: 0 });
    for (const it of clickOnly.items) expect(it.finalScore).toBeCloseTo(it.pClick!, 6);
    const watchOnly = await serveFeed(ctx, user, { ...DEFAULT_CONTROLS, clickWeight: 0 });
    expect(watchOnly.items.map((i) => i.video)).not.toEqual(clickOnly.items.map((i) => i.video));
  });

  it('approximate search serves a feed and says so', async () => {
    const feed = await serveFeed(
      ctx,
      { kind: 'known', user: activeUser },
      { ...DEFAULT_CONTROLS, search: 'ivf', candidates: 100 },
    );
    expect(feed.items).toHaveLength(FEED_SIZE);
    expect(feed.details.search.inputs).toContain('IVF, 32 lists, 8 probed');
    expect(feed.retrieved).toHaveLength(100);
  });

  it('a new user gets a feed from the interests they picked', async () => {
    const drama = GENRES.indexOf('Drama');
    const newUser: FeedUser = {
      kind: 'new',
      interests: [drama],
      language: 0,
      country: 0,
      device: 0,
      ageBand: 2,
    };
    const f = newUserFeatures(newUser);
    expect(f[PROFILE + drama]).toBe(1);
    const feed = await serveFeed(ctx, newUser, DEFAULT_CONTROLS);
    expect(feed.items).toHaveLength(FEED_SIZE);
    const dramas = feed.items.filter((i) => i.genre === 'Drama').length;
    expect(dramas).toBeGreaterThanOrEqual(15);
    expect(feed.items[0]!.reasons).toContain('matches your interest in Drama');
    await expect(serveFeed(ctx, { ...newUser, interests: [] }, DEFAULT_CONTROLS)).rejects.toThrow(
      'Pick at least one interest',
    );
  });

  it('rejects an unknown user and clamps absurd controls', async () => {
    await expect(
      serveFeed(ctx, { kind: 'known', user: world.users.count }, DEFAULT_CONTROLS),
    ).rejects.toThrow(RangeError);
    expect(
      clampControls({
        candidates: 1e9,
        search: 'nope' as 'exact',
        ranker: 'x' as 'dcn',
        clickWeight: NaN,
        watchWeight: -4,
        diversity: 7,
      }),
    ).toEqual({
      candidates: 1000,
      search: 'exact',
      ranker: 'dcn',
      clickWeight: 1,
      watchWeight: 0,
      diversity: 1,
    });
  });
});

describe('feedMetrics', () => {
  it('measures recall, NDCG, coverage and diversity on held-out users', async () => {
    const units = heldOutUnits(world, day, 20, 1);
    expect(units.length).toBeGreaterThan(5);
    expect(units.every((u) => u.day === day && u.relevant.size > 0)).toBe(true);
    const m = await feedMetrics(ctx, units, DEFAULT_CONTROLS);
    expect(m.units).toBe(units.length);
    expect(m.recall.map((r) => r.k)).toEqual([10, 20, 50, 100, 200, 500]);
    for (let i = 1; i < m.recall.length; i++)
      expect(m.recall[i]!.value).toBeGreaterThanOrEqual(m.recall[i - 1]!.value);
    for (const n of m.ndcg) expect(n.value).toBeGreaterThan(0);
    for (const n of m.ndcg) expect(n.value).toBeLessThanOrEqual(1);
    expect(m.coverage).toBeGreaterThan(0);
    expect(m.diversity).toBeGreaterThan(0);
    // More diversity pressure spreads the feeds over more of the catalogue's genres.
    const diverse = await feedMetrics(ctx, units, { ...DEFAULT_CONTROLS, diversity: 0.9 });
    expect(diverse.diversity).toBeGreaterThan(m.diversity);
    const few = await feedMetrics(ctx, units, { ...DEFAULT_CONTROLS, candidates: 50 });
    expect(few.recall.map((r) => r.k)).toEqual([10, 20, 50]);
  });
});
