import { describe, expect, it } from 'vitest';
import { isDense, numRows, type Column, type DataTable } from '../../lib/ml/data';
import {
  RANKER_DENSE_FEATURES,
  USER_FEATURES,
  VIDEO_FEATURES,
  buildRankerTable,
  buildTwoTowerTable,
  createFeatureStore,
  createOnlineStore,
  rankerFields,
  twoTowerShape,
  userFeatureTable,
  videoFeatureTable,
} from './features';
import {
  buildWatchHistory,
  dayImpressionRange,
  generateWorld,
  impressionDay,
  impressionPosition,
  impressionUser,
  splitDays,
  type World,
} from './world';

const OPTIONS = { seed: 11, users: 4000, videos: 8000, days: 10, validationDays: 2, testDays: 2 };
const world = generateWorld(OPTIONS);
const RANKER = { split: 'train' as const, negativeRate: 0.2, seed: 3 };

function columnBytes(c: Column): Buffer {
  const a = isDense(c) ? c.data : c;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

function tablesEqual(a: DataTable, b: DataTable): boolean {
  const keys = Object.keys(a);
  if (keys.join() !== Object.keys(b).join()) return false;
  return keys.every((k) => columnBytes(a[k]!).equals(columnBytes(b[k]!)));
}

/** A copy of the world whose log from `fromDay` on is scrambled (clicks, watch time, videos). */
function withScrambledFuture(w: World, fromDay: number): World {
  const copy = structuredClone(w);
  const [a] = dayImpressionRange(copy, fromDay, copy.split.days);
  const imp = copy.impressions;
  for (let i = a; i < imp.count; i++) {
    imp.click[i] = 1 - imp.click[i]!;
    imp.watchSec[i] = imp.click[i] ? 30 + (i % 100) : 0;
    imp.video[i] = (imp.video[i]! * 7 + 1) % copy.videos.count;
  }
  copy.history = buildWatchHistory(copy.users.count, copy.sessions, imp);
  return copy;
}

describe('feature tables', () => {
  const twoTower = buildTwoTowerTable(world, { split: 'train' });
  const ranker = buildRankerTable(world, RANKER);

  it('have the shapes the two-tower and DCN-V2 configs expect', () => {
    const shape = twoTowerShape(world);
    const t = twoTower.table;
    expect(numRows(t)).toBe(twoTower.impression.length);
    expect(numRows(t)).toBeGreaterThan(5000);
    expect(t.userId).toBeInstanceOf(Int32Array);
    expect(t.itemId).toBeInstanceOf(Int32Array);
    expect((t.userFeatures as { width: number }).width).toBe(shape.userFeatureDim);
    expect((t.itemFeatures as { width: number }).width).toBe(shape.itemFeatureDim);
    expect(shape.userFeatureDim).toBe(USER_FEATURES.length);
    expect(shape.itemFeatureDim).toBe(VIDEO_FEATURES.length);
    expect(Math.max(...(t.itemId as Int32Array))).toBeLessThan(shape.numItems);

    const r = ranker.table;
    expect(numRows(r)).toBe(ranker.impression.length);
    for (const f of rankerFields(world)) {
      const col = r[f.name] as Int32Array;
      expect(col, f.name).toBeInstanceOf(Int32Array);
      expect(Math.max(...col), f.name).toBeLessThan(f.vocabSize);
      expect(Math.min(...col), f.name).toBeGreaterThanOrEqual(0);
    }
    expect((r.dense as { width: number }).width).toBe(RANKER_DENSE_FEATURES.length);
    expect(r.click).toBeInstanceOf(Float32Array);
    expect(r.target).toBeInstanceOf(Float32Array);
    const dense = (r.dense as { data: Float32Array }).data;
    expect(dense.every(Number.isFinite)).toBe(true);
  });

  it('are deterministic, and differ for another world', () => {
    expect(tablesEqual(buildTwoTowerTable(world, { split: 'train' }).table, twoTower.table)).toBe(
      true,
    );
    expect(tablesEqual(buildRankerTable(world, RANKER).table, ranker.table)).toBe(true);
    const other = generateWorld({ ...OPTIONS, seed: 12 });
    expect(tablesEqual(buildTwoTowerTable(other, { split: 'train' }).table, twoTower.table)).toBe(
      false,
    );
  });

  it('take rows only from their split, positives only for the two-tower', () => {
    for (const split of ['train', 'validation', 'test'] as const) {
      const [d0, d1] = splitDays(world, split);
      const tt = buildTwoTowerTable(world, { split, minWatchSec: 10 });
      for (const i of tt.impression) {
        const d = impressionDay(world, i);
        if (d < d0 || d >= d1) throw new Error(`${split}: row from day ${d}`);
        if (!world.impressions.click[i] || world.impressions.watchSec[i]! < 10) {
          throw new Error(`${split}: impression ${i} is not a positive`);
        }
      }
      const [a, b] = dayImpressionRange(world, d0, d1);
      const all = buildRankerTable(world, { split });
      expect(all.impression[0]).toBe(a);
      expect(all.impression.length).toBe(b - a);
    }
    // Negative sampling keeps every click; maxRows caps the rows.
    const [a, b] = dayImpressionRange(world, ...splitDays(world, 'train'));
    let clicks = 0;
    for (let i = a; i < b; i++) clicks += world.impressions.click[i]!;
    const click = ranker.table.click as Float32Array;
    expect(click.reduce((s, x) => s + x, 0)).toBe(clicks);
    expect(buildRankerTable(world, { ...RANKER, maxRows: 1000 }).impression.length).toBe(1000);
  });

  it('label rows with the logged click, watch time and slot', () => {
    const r = ranker.table;
    for (let row = 0; row < 2000; row++) {
      const i = ranker.impression[row]!;
      expect((r.click as Float32Array)[row]).toBe(world.impressions.click[i]);
      expect((r.target as Float32Array)[row]).toBe(world.impressions.watchSec[i]);
      expect((r.position as Int32Array)[row]).toBe(impressionPosition(world, i));
      expect((r.user as Int32Array)[row]).toBe(impressionUser(world, i));
    }
  });

  it('carry signal: clicked rows match the user’s history and language more often', () => {
    const dense = ranker.table.dense as { data: Float32Array; width: number };
    const click = ranker.table.click as Float32Array;
    const aff = RANKER_DENSE_FEATURES.indexOf('user_genre_affinity');
    const lang = RANKER_DENSE_FEATURES.indexOf('same_language');
    const mean = (col: number, label: number): number => {
      let s = 0;
      let c = 0;
      for (let r = 0; r < click.length; r++) {
        if (click[r] !== label) continue;
        s += dense.data[r * dense.width + col]!;
        c++;
      }
      return s / c;
    };
    expect(mean(aff, 1)).toBeGreaterThan(1.3 * mean(aff, 0));
    expect(mean(lang, 1)).toBeGreaterThan(mean(lang, 0) + 0.05);
  });
});

describe('no leakage', () => {
  const trainEnd = world.split.trainEnd;

  it('training tables and the store at the split do not change when the future does', () => {
    const scrambled = withScrambledFuture(world, trainEnd);
    expect(
      tablesEqual(
        buildTwoTowerTable(scrambled, { split: 'train' }).table,
        buildTwoTowerTable(world, { split: 'train' }).table,
      ),
    ).toBe(true);
    expect(
      tablesEqual(buildRankerTable(scrambled, RANKER).table, buildRankerTable(world, RANKER).table),
    ).toBe(true);
    const a = createOnlineStore(world, trainEnd);
    const b = createOnlineStore(scrambled, trainEnd);
    const ids = Int32Array.from({ length: world.videos.count }, (_, v) => v);
    expect(
      Buffer.from(a.videoFeatures(ids).buffer).equals(Buffer.from(b.videoFeatures(ids).buffer)),
    ).toBe(true);
    for (let u = 0; u < world.users.count; u += 7) {
      expect(Array.from(b.userFeatures(u))).toEqual(Array.from(a.userFeatures(u)));
    }
  });

  it('the same check has power: scrambling the last training day changes the tables', () => {
    const scrambled = withScrambledFuture(world, trainEnd - 1);
    expect(
      tablesEqual(buildRankerTable(scrambled, RANKER).table, buildRankerTable(world, RANKER).table),
    ).toBe(false);
    // …but not the rows of earlier days: the first day's rows only see day-0 state.
    const first = buildRankerTable(world, { split: 'train' });
    const firstScr = buildRankerTable(scrambled, { split: 'train' });
    const [, b0] = dayImpressionRange(world, 0, trainEnd - 1);
    const w = RANKER_DENSE_FEATURES.length;
    const head = (t: DataTable): Buffer =>
      columnBytes({ data: (t.dense as { data: Float32Array }).data.subarray(0, b0 * w), width: w });
    expect(b0).toBeGreaterThan(0);
    expect(head(first.table).equals(head(firstScr.table))).toBe(true);
    expect(columnBytes(first.table.dense!).equals(columnBytes(firstScr.table.dense!))).toBe(false);
  });

  it('counters equal a recount of the log over [day − window, day) and [0, day)', () => {
    const store = createFeatureStore(world, { windowDays: 3 });
    for (const day of [0, 2, 5, 9]) {
      store.advanceTo(day);
      const impr = new Int32Array(world.videos.count);
      const clk = new Int32Array(world.videos.count);
      const all = new Int32Array(world.videos.count);
      const frac = new Float64Array(world.videos.count);
      const [a, b] = dayImpressionRange(world, 0, day);
      for (let i = a; i < b; i++) {
        const v = world.impressions.video[i]!;
        const inWindow = impressionDay(world, i) >= day - 3;
        all[v]! += world.impressions.click[i]!;
        if (!inWindow) continue;
        impr[v]! += 1;
        clk[v]! += world.impressions.click[i]!;
        if (world.impressions.click[i]) {
          frac[v]! += Math.min(1, world.impressions.watchSec[i]! / world.videos.durationSec[v]!);
        }
      }
      expect(Array.from(store.counters.impressionsWindow)).toEqual(Array.from(impr));
      expect(Array.from(store.counters.clicksWindow)).toEqual(Array.from(clk));
      expect(Array.from(store.counters.clicksAllTime)).toEqual(Array.from(all));
      for (let v = 0; v < world.videos.count; v++) {
        if (Math.abs(store.counters.watchFractionWindow[v]! - frac[v]!) > 1e-9) {
          throw new Error(
            `day ${day} video ${v}: ${store.counters.watchFractionWindow[v]} vs ${frac[v]}`,
          );
        }
      }
    }
    // Moving back replays from day 0.
    store.advanceTo(2);
    const fresh = createOnlineStore(world, 2, { windowDays: 3 });
    expect(Array.from(store.counters.impressionsWindow)).toEqual(
      Array.from(fresh.counters.impressionsWindow),
    );
  });

  it('user features only use history from before the day', () => {
    const scrambled = withScrambledFuture(world, 5);
    const a = createOnlineStore(world, 5);
    const b = createOnlineStore(scrambled, 5);
    for (let u = 0; u < world.users.count; u += 3) {
      expect(Array.from(b.userFeatures(u))).toEqual(Array.from(a.userFeatures(u)));
    }
  });
});

describe('online lookups', () => {
  it('equal the offline rows of the same day', () => {
    const test = buildRankerTable(world, { split: 'test' });
    const tt = buildTwoTowerTable(world, { split: 'test' });
    const rw = RANKER_DENSE_FEATURES.length;
    for (const day of splitDays(world, 'test')
      .slice(0, 1)
      .concat(world.split.days - 1)) {
      const store = createOnlineStore(world, day);
      let checked = 0;
      for (let row = 0; row < test.impression.length; row++) {
        const i = test.impression[row]!;
        if (impressionDay(world, i) !== day || row % 5 !== 0) continue;
        const u = impressionUser(world, i);
        const v = world.impressions.video[i]!;
        const online = store.rankerInput(u, [v], impressionPosition(world, i));
        for (const f of rankerFields(world)) {
          expect((online[f.name] as Int32Array)[0]).toBe((test.table[f.name] as Int32Array)[row]);
        }
        const offline = (test.table.dense as { data: Float32Array }).data.subarray(
          row * rw,
          row * rw + rw,
        );
        expect(Array.from((online.dense as { data: Float32Array }).data)).toEqual(
          Array.from(offline),
        );
        checked++;
      }
      expect(checked).toBeGreaterThan(100);
      const uw = USER_FEATURES.length;
      const vw = VIDEO_FEATURES.length;
      for (let row = 0; row < tt.impression.length; row++) {
        if (impressionDay(world, tt.impression[row]!) !== day) continue;
        const user = store.twoTowerUserInput((tt.table.userId as Int32Array)[row]!);
        const item = store.twoTowerItemInput([(tt.table.itemId as Int32Array)[row]!]);
        const uOff = (tt.table.userFeatures as { data: Float32Array }).data.subarray(
          row * uw,
          row * uw + uw,
        );
        const vOff = (tt.table.itemFeatures as { data: Float32Array }).data.subarray(
          row * vw,
          row * vw + vw,
        );
        expect(Array.from((user.userFeatures as { data: Float32Array }).data)).toEqual(
          Array.from(uOff),
        );
        expect(Array.from((item.itemFeatures as { data: Float32Array }).data)).toEqual(
          Array.from(vOff),
        );
      }
    }
  });

  it('serve ranker batches at position 0 and snapshot tables for the index', () => {
    const day = world.split.validationEnd;
    const store = createOnlineStore(world, day);
    const ids = [5, 17, 4000];
    const batch = store.rankerInput(2, ids);
    expect(numRows(batch)).toBe(3);
    expect(Array.from(batch.position as Int32Array)).toEqual([0, 0, 0]);
    expect(Array.from(batch.video as Int32Array)).toEqual(ids);
    const items = videoFeatureTable(world, day);
    const n = numRows(items);
    expect(n).toBeLessThanOrEqual(world.videos.count);
    expect(n).toBe(world.videos.uploadDay.filter((d) => d <= day).length);
    const someIds = (items.itemId as Int32Array).subarray(0, 3);
    expect(
      Array.from(
        (items.itemFeatures as { data: Float32Array }).data.subarray(0, 3 * VIDEO_FEATURES.length),
      ),
    ).toEqual(Array.from(store.videoFeatures(someIds)));
    const users = userFeatureTable(world, day);
    expect(numRows(users)).toBe(world.users.count);
    expect(
      Array.from(
        (users.userFeatures as { data: Float32Array }).data.subarray(0, USER_FEATURES.length),
      ),
    ).toEqual(Array.from(store.userFeatures(0)));
  });
});
