import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VIDEO_RECS_CASE } from './case';
import {
  GENRES,
  SPLITS,
  UNKNOWN_GENRE,
  clickLogitParts,
  creatorName,
  dayImpressionRange,
  examination,
  generateWorld,
  impressionDay,
  impressionPosition,
  impressionUser,
  movieCatalogue,
  oracleRanking,
  splitDays,
  splitImpressionRange,
  splitOfDay,
  trueClickProb,
  trueScore,
  trueWatchFraction,
  videoTitle,
  watchHistory,
  worldBytes,
  type World,
} from './world';

const OPTIONS = { seed: 7, users: 10_000, videos: 10_000, days: 14 };
const world = generateWorld(OPTIONS);
const S = world.impressions.slateSize;

/** Every typed array of the world, by path, for byte comparisons. */
function arrays(w: World): Map<string, ArrayBufferView> {
  const out = new Map<string, ArrayBufferView>();
  for (const [part, obj] of Object.entries(w)) {
    if (obj && typeof obj === 'object') {
      for (const [k, v] of Object.entries(obj)) {
        if (ArrayBuffer.isView(v)) out.set(`${part}.${k}`, v);
      }
    }
  }
  return out;
}

const bytesEqual = (a: ArrayBufferView, b: ArrayBufferView): boolean =>
  Buffer.compare(
    Buffer.from(a.buffer, a.byteOffset, a.byteLength),
    Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  ) === 0;

describe('case metadata', () => {
  it('describes the story and unique hidden requirements', () => {
    const c = VIDEO_RECS_CASE;
    expect(c.id).toBe('video-recs');
    expect(c.latencyBudgetMs.endToEnd).toBe(200);
    const figure = (id: string): number => c.scale.find((f) => f.id === id)!.value;
    expect(figure('dau')).toBe(500_000_000);
    expect(figure('videos')).toBe(10_000_000_000);
    expect(c.objective.business).toMatch(/watch time/);
    const ids = c.hiddenRequirements.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['fresh-uploads', 'creator-cap']));
  });
});

describe('film catalogue', () => {
  it('has the 3,201 real films, genres mapped, in a small file', () => {
    const movies = movieCatalogue();
    expect(movies.length).toBe(3201);
    expect(movies[0]!.title).toBe('The Land Girls');
    expect(movies.every((m) => m.genre >= 0 && m.genre < GENRES.length)).toBe(true);
    expect(movies.filter((m) => m.genre === UNKNOWN_GENRE).length).toBe(275);
    expect(movies.every((m) => m.year === 0 || (m.year >= 1915 && m.year <= 2011))).toBe(true);
    const size = statSync(fileURLToPath(new URL('./movies.generated.json', import.meta.url))).size;
    expect(size).toBeLessThan(300_000);
  });

  it('gives videos real titles first, generated ones after', () => {
    expect(videoTitle(world, 0)).toBe('The Land Girls');
    expect(world.videos.movieCount).toBe(3201);
    const t = videoTitle(world, 5000);
    expect(t).toContain('#5000');
    expect(creatorName(world, world.videos.creator[5000]!)).toMatch(/\S+ \S+ \S+ \d+/);
  });
});

describe('generateWorld: determinism and scale', () => {
  it('gives byte-identical worlds for the same options', () => {
    const again = generateWorld(OPTIONS);
    const a = arrays(world);
    const b = arrays(again);
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect(a.size).toBeGreaterThan(20);
    for (const [k, v] of a) expect(bytesEqual(v, b.get(k)!), k).toBe(true);
    expect(again.nameSeed).toBe(world.nameSeed);
    expect(videoTitle(again, 5000)).toBe(videoTitle(world, 5000));
  });

  it('gives a different world for a different seed', () => {
    const other = generateWorld({ ...OPTIONS, seed: 8, users: 2000 });
    const small = generateWorld({ ...OPTIONS, users: 2000 });
    for (const k of [
      'videos.topic',
      'videos.popularity',
      'impressions.video',
      'impressions.click',
    ]) {
      expect(bytesEqual(arrays(other).get(k)!, arrays(small).get(k)!), k).toBe(false);
    }
    // Users, catalogue and log use separate streams: fewer users, same catalogue.
    expect(bytesEqual(small.videos.topic, world.videos.topic)).toBe(true);
    expect(bytesEqual(small.videos.uploadDay, world.videos.uploadDay)).toBe(true);
  });

  it('generates 100k videos quickly in typed arrays', () => {
    const t0 = performance.now();
    const big = generateWorld({ seed: 1, users: 2000, videos: 100_000, days: 7 });
    const ms = performance.now() - t0;
    expect(big.videos.count).toBe(100_000);
    expect(big.videos.topic.length).toBe(100_000 * big.options.topics);
    expect(big.impressions.count).toBe(big.sessions.count * big.options.slateSize);
    expect(worldBytes(big)).toBeLessThan(20e6);
    expect(ms).toBeLessThan(10_000); // ~0.3 s on an idle 2-core machine; generous for CI load
  });

  it('generates 1M videos within the memory budget', () => {
    const t0 = performance.now();
    const big = generateWorld({ seed: 2, users: 1000, videos: 1_000_000, days: 7 });
    const ms = performance.now() - t0;
    expect(big.videos.count).toBe(1_000_000);
    expect(big.videos.topic).toBeInstanceOf(Uint8Array);
    // ~37 MB of typed arrays (16 B of topics + ~20 B of attributes per video, plus the log).
    expect(worldBytes(big)).toBeLessThan(60e6);
    expect(big.sessions.count).toBeGreaterThan(1000);
    expect(ms).toBeLessThan(20_000); // ~1 s on an idle 2-core machine; generous for CI load
  });

  it('validates options', () => {
    expect(() => generateWorld({ seed: 1, users: 10, videos: 50, days: 14 })).toThrow(/videos/);
    expect(() => generateWorld({ seed: 1, users: 10, videos: 1000, days: 4 })).toThrow(/days/);
  });
});

describe('generateWorld: structure', () => {
  it('keeps vectors unit-norm and entities in range', () => {
    const K = world.options.topics;
    for (const u of [0, 1, 500, 9999]) {
      let s = 0;
      for (let j = 0; j < K; j++) s += world.users.taste[u * K + j]! ** 2;
      expect(s).toBeCloseTo(1, 5);
    }
    for (const v of [0, 3000, 3201, 9999]) {
      let s = 0;
      for (let j = 0; j < K; j++) s += (world.videos.topic[v * K + j]! / 255) ** 2;
      expect(Math.abs(s - 1)).toBeLessThan(0.02);
    }
    expect(Math.max(...world.videos.creator)).toBeLessThan(world.creators.count);
    expect(Math.min(...world.videos.durationSec)).toBeGreaterThanOrEqual(15);
  });

  it('only shows videos after their upload, to users after they sign up, without repeats in a slate', () => {
    const { impressions, videos, users } = world;
    const problems: string[] = [];
    for (let s = 0; s < world.sessions.count; s++) {
      const d = world.sessions.day[s]!;
      if (users.firstDay[world.sessions.user[s]!]! > d)
        problems.push(`session ${s}: user not signed up`);
      for (let k = 0; k < S; k++) {
        const v = impressions.video[s * S + k]!;
        if (videos.uploadDay[v]! > d) problems.push(`session ${s}: video ${v} not uploaded`);
        for (let j = 0; j < k; j++) {
          if (impressions.video[s * S + j] === v) problems.push(`session ${s}: ${v} twice`);
        }
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('splits by day into contiguous, covering impression ranges', () => {
    const { split, sessions } = world;
    expect(split).toEqual({ trainEnd: 10, validationEnd: 12, days: 14 });
    for (let s = 1; s < sessions.count; s++) {
      if (sessions.day[s]! < sessions.day[s - 1]!) throw new Error('sessions not day-ordered');
    }
    let expectedStart = 0;
    for (const name of SPLITS) {
      const [a, b] = splitImpressionRange(world, name);
      const [d0, d1] = splitDays(world, name);
      expect(a).toBe(expectedStart);
      expect(b).toBeGreaterThan(a);
      expect(impressionDay(world, a)).toBe(d0);
      expect(impressionDay(world, b - 1)).toBe(d1 - 1);
      expect(splitOfDay(world, impressionDay(world, a))).toBe(name);
      expect(splitOfDay(world, impressionDay(world, b - 1))).toBe(name);
      expectedStart = b;
    }
    expect(expectedStart).toBe(world.impressions.count);
    const [a, b] = dayImpressionRange(world, 3, 4);
    expect(impressionDay(world, a)).toBe(3);
    expect(impressionDay(world, a - 1)).toBe(2);
    expect(impressionDay(world, b)).toBe(4);
  });

  it('keeps each user’s watch history: their clicks, in time order', () => {
    const { history, impressions } = world;
    let clicks = 0;
    for (let i = 0; i < impressions.count; i++) clicks += impressions.click[i]!;
    expect(history.impression.length).toBe(clicks);
    for (let u = 0; u < 300; u++) {
      const h = watchHistory(world, u);
      for (let k = 0; k < h.length; k++) {
        expect(impressionUser(world, h[k]!)).toBe(u);
        expect(impressions.click[h[k]!]).toBe(1);
        if (k > 0) expect(h[k]!).toBeGreaterThan(h[k - 1]!);
      }
      const before = watchHistory(world, u, 10);
      expect(bytesEqual(before, h.subarray(0, before.length))).toBe(true);
      for (const i of before) expect(impressionDay(world, i)).toBeLessThan(10);
      if (before.length < h.length) {
        expect(impressionDay(world, h[before.length]!)).toBeGreaterThanOrEqual(10);
      }
    }
  });

  it('ranks by the oracle: sorted true scores, nothing unreleased, exclusions honoured', () => {
    const top = oracleRanking(world, 3, 13, 20);
    expect(top.length).toBe(20);
    for (let k = 1; k < top.length; k++) {
      expect(trueScore(world, 3, top[k - 1]!, 13)).toBeGreaterThanOrEqual(
        trueScore(world, 3, top[k]!, 13),
      );
    }
    // Brute force agrees on the best video.
    let best = -1;
    let bestScore = -1;
    for (let v = 0; v < world.videos.count; v++) {
      const s = trueScore(world, 3, v, 13);
      if (s > bestScore) [best, bestScore] = [v, s];
    }
    expect(top[0]).toBe(best);
    const without = oracleRanking(world, 3, 13, 5, { exclude: new Set([best]) });
    expect(Array.from(without)).toEqual(Array.from(top.subarray(1, 6)));
    const fresh = world.videos.uploadDay.findIndex((d) => d === 13);
    expect(trueScore(world, 3, fresh, 12)).toBe(0);
  });
});

describe('generateWorld: statistics a bug would break', () => {
  const { impressions, sessions } = world;
  const n = impressions.count;
  // True P(click | examined) of every logged impression (shared by the tests below).
  let pCache: Float64Array | null = null;
  const trueP = (): Float64Array => {
    if (!pCache) {
      pCache = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        pCache[i] = trueClickProb(
          world,
          impressionUser(world, i),
          impressions.video[i]!,
          impressionDay(world, i),
        );
      }
    }
    return pCache;
  };

  it('logs clicks at the rate the ground truth predicts, per position', () => {
    const clicks = new Float64Array(S);
    const expected = new Float64Array(S);
    const p = trueP();
    for (let i = 0; i < n; i++) {
      const k = impressionPosition(world, i);
      clicks[k]! += impressions.click[i]!;
      expected[k]! += examination(world, k) * p[i]!;
    }
    for (let k = 0; k < S; k++) {
      expect(Math.abs(clicks[k]! / expected[k]! - 1), `position ${k}`).toBeLessThan(0.06);
    }
    const ctr = clicks.reduce((a, b) => a + b, 0) / n;
    expect(ctr).toBeGreaterThan(0.02);
    expect(ctr).toBeLessThan(0.1);
  });

  it('clicks rise with the true click probability (deciles)', () => {
    const p = trueP();
    const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => p[a]! - p[b]!);
    const ctr: number[] = [];
    for (let q = 0; q < 10; q++) {
      let c = 0;
      let e = 0;
      const lo = Math.floor((q * n) / 10);
      const hi = Math.floor(((q + 1) * n) / 10);
      for (let r = lo; r < hi; r++) {
        c += impressions.click[order[r]!]!;
        e += 1;
      }
      ctr.push(c / e);
    }
    for (let q = 1; q < 10; q++) expect(ctr[q]!).toBeGreaterThan(ctr[q - 1]!);
    expect(ctr[9]! / ctr[0]!).toBeGreaterThan(10);
  });

  it('shows position bias in the randomised bucket: CTR falls with position as e_k', () => {
    const clicks = new Float64Array(S);
    const shown = new Float64Array(S);
    for (let s = 0; s < sessions.count; s++) {
      if (!sessions.randomized[s]) continue;
      for (let k = 0; k < S; k++) {
        clicks[k]! += impressions.click[s * S + k]!;
        shown[k]! += 1;
      }
    }
    expect(shown[0]!).toBeGreaterThan(3000);
    const ctr = Array.from(clicks, (c, k) => c / shown[k]!);
    // Slots 0–2, 3–5 and 6–9 (groups average out noise; e_k flattens low in the feed).
    const mean = (a: number, b: number): number =>
      ctr.slice(a, b).reduce((x, y) => x + y, 0) / (b - a);
    expect(mean(3, 6)).toBeLessThan(0.75 * mean(0, 3));
    expect(mean(6, 10)).toBeLessThan(0.9 * mean(3, 6));
    // Relevance is independent of the slot here, so CTR_k / CTR_0 estimates e_k / e_0.
    const ratio = (ctr[8]! + ctr[9]!) / (ctr[0]! + ctr[1]!);
    const truth =
      (examination(world, 8) + examination(world, 9)) /
      (examination(world, 0) + examination(world, 1));
    expect(Math.abs(ratio / truth - 1)).toBeLessThan(0.25);
  });

  it('gives fresher videos more clicks at equal match', () => {
    // Strata of the click logit without freshness; within a stratum compare clicks per unit
    // of examination for videos 0–1 days old against videos a month or more old.
    const BINS = 16;
    const fresh = { c: new Float64Array(BINS), e: new Float64Array(BINS) };
    const old = { c: new Float64Array(BINS), e: new Float64Array(BINS) };
    for (let i = 0; i < n; i++) {
      const u = impressionUser(world, i);
      const v = impressions.video[i]!;
      const d = impressionDay(world, i);
      const age = d - world.videos.uploadDay[v]!;
      if (age > 1 && age < 30) continue;
      const p = clickLogitParts(world, u, v, d);
      const rest = p.base + p.taste + p.language + p.popularity + p.duration;
      const b = Math.max(0, Math.min(BINS - 1, Math.floor((rest + 8) / 0.75)));
      const g = age <= 1 ? fresh : old;
      g.c[b]! += impressions.click[i]!;
      g.e[b]! += examination(world, impressionPosition(world, i));
    }
    let logRatio = 0;
    let weight = 0;
    for (let b = 0; b < BINS; b++) {
      if (fresh.c[b]! < 20 || old.c[b]! < 20) continue;
      const w = Math.min(fresh.c[b]!, old.c[b]!);
      logRatio += w * Math.log(fresh.c[b]! / fresh.e[b]! / (old.c[b]! / old.e[b]!));
      weight += w;
    }
    expect(weight).toBeGreaterThan(500);
    // γ = 1 at age 0 multiplies the odds by e ≈ 2.7; with ages 0–1 and saturation, ≈ 2.
    expect(Math.exp(logRatio / weight)).toBeGreaterThan(1.5);
  });

  it('has heavy-tailed popularity and exposure', () => {
    const pop = Float64Array.from(world.videos.popularity).sort().reverse();
    const total = pop.reduce((a, b) => a + b, 0);
    const top1 = pop.subarray(0, pop.length / 100).reduce((a, b) => a + b, 0) / total;
    expect(top1).toBeGreaterThan(0.08); // log-normal σ = 1.5; a uniform catalogue gives 0.01
    const views = new Float64Array(world.videos.count);
    for (let i = 0; i < n; i++) views[impressions.video[i]!]! += 1;
    views.sort().reverse();
    const topViews = views.subarray(0, views.length / 100).reduce((a, b) => a + b, 0) / n;
    expect(topViews).toBeGreaterThan(0.1);
    expect(views[views.length / 2]!).toBeLessThan(n / world.videos.count); // median below mean
  });

  it('watches further when the match is better, and as the truth predicts', () => {
    let frac = 0;
    let expected = 0;
    let clicks = 0;
    const byMatch = { hi: [0, 0], lo: [0, 0] };
    for (let i = 0; i < n; i++) {
      if (!impressions.click[i]) continue;
      const u = impressionUser(world, i);
      const v = impressions.video[i]!;
      const f = impressions.watchSec[i]! / world.videos.durationSec[v]!;
      if (!(f >= 0 && f <= 1.0001)) throw new Error(`impression ${i}: watch fraction ${f}`);
      const w = trueWatchFraction(world, u, v);
      frac += f;
      expected += w;
      clicks++;
      const g = w > 0.5 ? byMatch.hi : byMatch.lo;
      g[0]! += f;
      g[1]! += 1;
    }
    expect(Math.abs(frac / expected - 1)).toBeLessThan(0.03);
    expect(byMatch.hi[0]! / byMatch.hi[1]!).toBeGreaterThan(byMatch.lo[0]! / byMatch.lo[1]! + 0.2);
    expect(clicks).toBeGreaterThan(10_000);
  });
});
