import { beforeAll, describe, expect, it } from 'vitest';
import { isDense, numRows, type DenseColumn } from '@/lib/ml/data';
import {
  DEFAULT_GROUPS,
  FEATURE_GROUPS,
  computeHistory,
  createFeaturePipeline,
  dcnFields,
  downsampleNegatives,
  downsampledProbability,
  hashBucket,
  historyAsOf,
  positionBucket,
  recalibrate,
  recalibrateAll,
  splitByDay,
  type FeaturePipeline,
  type HistoryFeatures,
} from './features';
import { AGE_BUCKETS, CATEGORIES, generateWorld, rocAuc, rowsOfDays, type AdWorld } from './world';

/** Users who differ as much as they did before the default became 0.3, so user CTRs carry signal. */
const OPTS = {
  seed: 11,
  days: 7,
  impressionsPerDay: 15_000,
  numUsers: 4_000,
  numAds: 500,
  userEffectSd: 0.55,
};

let world: AdWorld;
let pipe: FeaturePipeline;
beforeAll(() => {
  world = generateWorld(OPTS);
  pipe = createFeaturePipeline(world);
});

const HISTORY_KEYS: (keyof HistoryFeatures)[] = [
  'globalCtr',
  'adCtr',
  'advertiserCtr',
  'userCtr',
  'userCategoryCtr',
  'adImpressions',
  'userImpressions',
];

describe('ad-click features: hashing', () => {
  it('is deterministic, in range, seeded and spreads ids evenly', () => {
    const buckets = 64;
    const counts = new Int32Array(buckets);
    let stable = true;
    let inRange = true;
    let movedBySeed = 0;
    let movedBySalt = 0;
    for (let id = 0; id < 20_000; id++) {
      const b = hashBucket(id, buckets, 1, 42);
      stable &&= b === hashBucket(id, buckets, 1, 42);
      inRange &&= Number.isInteger(b) && b >= 0 && b < buckets;
      counts[b]!++;
      if (hashBucket(id, buckets, 1, 43) !== b) movedBySeed++;
      if (hashBucket(id, buckets, 2, 42) !== b) movedBySalt++;
    }
    expect(stable).toBe(true);
    expect(inRange).toBe(true);
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThan((2 * 20_000) / buckets);
    // Another seed, or another field's salt, is another hash: ~63/64 of ids change bucket.
    expect(movedBySeed).toBeGreaterThan(19_000);
    expect(movedBySalt).toBeGreaterThan(19_000);
  });
});

describe('ad-click features: historical CTR', () => {
  it('does not leak: changing a day’s clicks changes only later days’ features', () => {
    const changedDay = 3;
    const click = world.impressions.click.slice();
    for (const i of rowsOfDays(world, [changedDay])) click[i] = 1 - click[i]!;
    const altered: AdWorld = { ...world, impressions: { ...world.impressions, click } };
    const before = pipe.history;
    const after = computeHistory(altered);
    const ds = world.impressions.dayStart;
    for (const k of HISTORY_KEYS) {
      const end = ds[changedDay + 1]!;
      expect(same(after[k].subarray(0, end), before[k].subarray(0, end)), k).toBe(true);
      // Later days see the change in every CTR; impression counts do not depend on clicks.
      const counts = k === 'adImpressions' || k === 'userImpressions';
      expect(same(after[k].subarray(end), before[k].subarray(end)), k).toBe(counts);
    }
  });

  it('uses a trailing window: a day older than the window no longer matters', () => {
    const click = world.impressions.click.slice();
    for (const i of rowsOfDays(world, [0])) click[i] = 1 - click[i]!;
    const altered: AdWorld = { ...world, impressions: { ...world.impressions, click } };
    const after = computeHistory(altered); // window 3: day 4 sees days 1–3
    const ds = world.impressions.dayStart;
    expect(
      same(after.adCtr.subarray(ds[1]!, ds[4]!), pipe.history.adCtr.subarray(ds[1]!, ds[4]!)),
    ).toBe(false);
    expect(same(after.adCtr.subarray(ds[4]!), pipe.history.adCtr.subarray(ds[4]!))).toBe(true);
    // With an unbounded window every later day remembers day 0.
    const all = computeHistory(world, { historyWindowDays: Infinity });
    const allAfter = computeHistory(altered, { historyWindowDays: Infinity });
    expect(same(allAfter.adCtr.subarray(ds[6]!), all.adCtr.subarray(ds[6]!))).toBe(false);
  });

  it('day 0 sees only the priors', () => {
    const h = pipe.history;
    const day0 = world.impressions.dayStart[1]!;
    expect(h.adImpressions.subarray(0, day0).every((v) => v === 0)).toBe(true);
    expect(h.userImpressions.subarray(0, day0).every((v) => v === 0)).toBe(true);
    expect(h.adImpressions.subarray(day0).some((v) => v > 0)).toBe(true);
    expect(h.adCtr[0]).toBeCloseTo(pipe.options.defaultCtr, 6);
  });

  it('offline features equal the online store as of the same day (no skew)', () => {
    const day = 4;
    const store = historyAsOf(world, day);
    const h = pipe.history;
    const L = world.impressions;
    for (let i = L.dayStart[day]!; i < L.dayStart[day + 1]!; i += 97) {
      const x = store.lookup(L.user[i]!, L.ad[i]!);
      expect(h.adCtr[i]).toBeCloseTo(x.adCtr, 6);
      expect(h.advertiserCtr[i]).toBeCloseTo(x.advertiserCtr, 6);
      expect(h.userCategoryCtr[i]).toBeCloseTo(x.userCategoryCtr, 6);
      expect(h.adImpressions[i]).toBe(x.adImpressions);
    }
  });

  it('carries signal about tomorrow’s clicks', () => {
    const test = rowsOfDays(world, [OPTS.days - 1]);
    const h = pipe.history;
    const pick = (a: Float32Array): Float32Array => Float32Array.from(test, (i) => a[i]!);
    expect(rocAuc(pick(h.adCtr), world.impressions.click, test)).toBeGreaterThan(0.55);
    expect(rocAuc(pick(h.userCtr), world.impressions.click, test)).toBeGreaterThan(0.55);
  });
});

describe('ad-click features: splits', () => {
  it('splits by day: warm-up, train, calibration, test', () => {
    const s = splitByDay(world);
    expect(s.trainDays).toEqual([1, 2, 3, 4]);
    expect(s.calibrationDay).toBe(5);
    expect(s.testDay).toBe(6);
    const L = world.impressions;
    expect(s.train.every((i) => L.day[i]! >= 1 && L.day[i]! <= 4)).toBe(true);
    expect(s.calibration.every((i) => L.day[i] === 5)).toBe(true);
    expect(s.test.every((i) => L.day[i] === 6)).toBe(true);
    expect(s.test.length).toBe(L.dayStart[7]! - L.dayStart[6]!);
    expect(splitByDay(world, { trainWindow: 1 }).trainDays).toEqual([4]);
    expect(() => splitByDay(generateWorld({ ...OPTS, days: 3 }))).toThrow(RangeError);
  });
});

describe('ad-click features: tables', () => {
  it('DCN-V2 table: one Int32 column per field within its vocabulary, dense, click', () => {
    const rows = rowsOfDays(world, [5]).subarray(0, 2_000);
    const d = pipe.dcn(rows);
    expect(numRows(d.table)).toBe(2_000);
    expect(d.groups).toEqual(DEFAULT_GROUPS.dcn);
    expect(d.fields.map((f) => f.name)).toContain('ad_id');
    expect(d.fields.map((f) => f.name)).not.toContain('user_id');
    expect(pipe.dcn(rows, { groups: ['user_id'] }).fields.map((f) => f.name)).toEqual(['user_id']);
    expect(d.fields.some((f) => f.group === 'crosses')).toBe(false);
    for (const f of d.fields) {
      const col = d.table[f.name];
      expect(col).toBeInstanceOf(Int32Array);
      expect((col as Int32Array).every((v) => v >= 0 && v < f.vocabSize)).toBe(true);
    }
    expect(d.denseDim).toBe(12 + 4);
    expect((d.table.dense as DenseColumn).width).toBe(d.denseDim);
    const click = d.table.click as Float32Array;
    expect(rows.every((i, r) => click[r] === world.impressions.click[i])).toBe(true);
    expect(d.table.target).toBeInstanceOf(Float32Array);
    expect(dcnFields(d, 8).every((f) => f.dim === 8)).toBe(true);
  });

  it('drops a named group (ablation)', () => {
    const rows = rowsOfDays(world, [5]).subarray(0, 500);
    const d = pipe.dcn(rows, { drop: ['ad_ids', 'history'] });
    expect(d.fields.some((f) => f.group === 'ad_ids' || f.group === 'history')).toBe(false);
    expect('ad_id' in d.table).toBe(false);
    expect(d.denseDim).toBe(12);
    const lr = pipe.lr(rows, { drop: ['crosses'] });
    expect(lr.featureNames.some((n) => n.startsWith('age_x_category'))).toBe(false);
    expect(() => pipe.dcn(rows, { drop: ['nope' as 'ad_ids'] })).toThrow(RangeError);
    expect(FEATURE_GROUPS.map((g) => g.id)).toContain('crosses');
  });

  it('one-hot tables for LR and the MLP: one 1 per categorical field, crosses only in LR', () => {
    const rows = rowsOfDays(world, [5]).subarray(0, 1_000);
    const lr = pipe.lr(rows);
    const mlp = pipe.mlp(rows);
    for (const t of [lr, mlp]) {
      const f = t.table.features!;
      expect(isDense(f)).toBe(true);
      expect((f as DenseColumn).width).toBe(t.width);
      expect(t.featureNames.length).toBe(t.width);
      expect(t.table.label).toBeInstanceOf(Float32Array);
    }
    const lrCross = lr.featureNames.filter((n) => n.includes('_x_'));
    expect(lrCross.length).toBe(72 + 16 + 16 + 13);
    expect(mlp.featureNames.some((n) => n.includes('_x_'))).toBe(false);

    // Row 0: exactly one 1 in each categorical block, and the right age × category cell.
    const data = (lr.table.features as DenseColumn).data;
    const row0 = Array.from(data.subarray(0, lr.width));
    const catWidth = lr.featureNames.filter((n) => n.includes('=')).length;
    const fields = new Set(lr.featureNames.slice(0, catWidth).map((n) => n.split('=')[0]));
    expect(row0.slice(0, catWidth).reduce((s, v) => s + v, 0)).toBe(fields.size);
    const i = rows[0]!;
    const { users, ads, impressions: L } = world;
    const cell = `age_x_category=${AGE_BUCKETS[users.age[L.user[i]!]!]}|${CATEGORIES[ads.category[L.ad[i]!]!]}`;
    const on = lr.featureNames.filter((n, k) => n.startsWith('age_x_category=') && row0[k] === 1);
    expect(on).toEqual([cell]);
  });

  it('ids go into one-hot tables only when asked, through small hash buckets', () => {
    const rows = rowsOfDays(world, [5]).subarray(0, 200);
    const p = createFeaturePipeline(world, { oneHotIdBuckets: 16 });
    const t = p.mlp(rows, { groups: ['user_id', 'ad_ids', 'ad'] });
    expect(t.width).toBe(3 * 16 + 12 + 4);
  });

  it('serving uses a fixed position', () => {
    const rows = rowsOfDays(world, [5]).subarray(0, 500);
    const d = pipe.dcn(rows, { fixedPosition: 1 });
    expect((d.table.position as Int32Array).every((v) => v === positionBucket(1))).toBe(true);
    const logged = pipe.dcn(rows).table.position as Int32Array;
    expect(new Set(logged).size).toBeGreaterThan(3);
  });
});

describe('ad-click features: downsampling and recalibration', () => {
  it('keeps every click and the expected share of the rest', () => {
    const rows = rowsOfDays(world, [1, 2, 3, 4]);
    const y = world.impressions.click;
    const rate = 0.1;
    const kept = downsampleNegatives(y, rows, rate, 5);
    let pos = 0;
    for (const i of rows) pos += y[i]!;
    let keptPos = 0;
    for (const i of kept) keptPos += y[i]!;
    expect(keptPos).toBe(pos);
    const neg = rows.length - pos;
    const keptNeg = kept.length - keptPos;
    const sd = Math.sqrt(neg * rate * (1 - rate));
    expect(Math.abs(keptNeg - neg * rate)).toBeLessThan(4 * sd);
    expect(same(downsampleNegatives(y, rows, rate, 5), kept)).toBe(true);
    expect(same(downsampleNegatives(y, rows, rate, 6), kept)).toBe(false);
    expect(downsampleNegatives(y, rows, 1, 5).length).toBe(rows.length);
    expect(() => downsampleNegatives(y, rows, 0, 5)).toThrow(RangeError);
  });

  it('recalibrate inverts downsampling', () => {
    // The lesson's example: 1% CTR, keep 5% of negatives → about 16.8% positives in training.
    const p = downsampledProbability(0.01, 0.05);
    expect(p).toBeCloseTo(0.01 / (0.01 + 0.99 * 0.05), 12);
    expect(recalibrate(p, 0.05)).toBeCloseTo(0.01, 12);
    expect(recalibrate(0.3, 1)).toBeCloseTo(0.3, 12);
    for (const q of [1e-4, 0.02, 0.5, 0.97]) {
      for (const w of [0.01, 0.1, 0.5]) {
        expect(recalibrate(downsampledProbability(q, w), w)).toBeCloseTo(q, 10);
      }
    }
    // On the log: the true probabilities, mapped as a perfect model trained on the downsampled
    // rows would predict them, match the downsampled CTR; recalibrated they match the real CTR.
    const rows = rowsOfDays(world, [1, 2, 3, 4, 5]);
    const L = world.impressions;
    const rate = 0.05;
    const kept = downsampleNegatives(L.click, rows, rate, 9);
    let clicks = 0;
    const pd = new Float32Array(kept.length);
    kept.forEach((i, r) => {
      clicks += L.click[i]!;
      pd[r] = downsampledProbability(L.pClick[i]!, rate);
    });
    const mean = (a: ArrayLike<number>): number => {
      let s = 0;
      for (let i = 0; i < a.length; i++) s += a[i]!;
      return s / a.length;
    };
    expect(mean(pd) / (clicks / kept.length)).toBeGreaterThan(0.93);
    expect(mean(pd) / (clicks / kept.length)).toBeLessThan(1.07);
    const back = recalibrateAll(pd, rate);
    let maxErr = 0;
    kept.forEach((i, r) => (maxErr = Math.max(maxErr, Math.abs(back[r]! - L.pClick[i]!))));
    expect(maxErr).toBeLessThan(1e-5);
  });
});

function same(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
