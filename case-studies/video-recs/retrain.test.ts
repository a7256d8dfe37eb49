/**
 * Retraining with the learner's clicks: click rows carry the same point-in-time features as
 * the store, unusable clicks are counted, the run is deterministic, and the exported towers
 * served by onnxruntime-web score exactly like the TF.js model they came from (retrain twice
 * with one seed; the second run's "shipped" model is the first run's ONNX export).
 */
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTfNode } from '../../lib/ml/backend.node.js';
import type { DenseColumn } from '../../lib/ml/data';
import { memoryBlobStore } from '../../lib/registry/blob-store';
import { createRegistry } from '../../lib/registry/registry';
import { clickRows, type ClickEvent } from './clicks';
import { buildTwoTowerTable, createOnlineStore } from './features';
import { SMALL_VIDEO_MODELS_CONFIG } from './models';
import {
  RETRAIN_KS,
  ortTowerRunner,
  retrainTwoTower,
  retrainWorldOptions,
  towerEmbedder,
  type RetrainResult,
} from './retrain';
import { TWO_TOWER_MODEL, TWO_TOWER_PARTS, shippedTwoTowerManifest } from './serving';
import { generateWorld } from './world';

const world = generateWorld({ seed: 3, users: 2000, videos: 4000, days: 12 });
const settings = SMALL_VIDEO_MODELS_CONFIG.twoTower;
const old = (n: number) => {
  const ids: number[] = [];
  for (let v = 0; ids.length < n; v++)
    if (world.videos.uploadDay[v]! < world.split.trainEnd) ids.push(v);
  return ids;
};
const clicks: ClickEvent[] = old(30).map((videoId, i) => ({
  userId: (i * 37) % world.users.count,
  videoId,
  position: i % 20,
  time: 1_700_000_000_000 + i,
}));

beforeAll(async () => {
  expect((await initTfNode()).backend).toBe('wasm');
  ort.env.wasm.numThreads = 1;
});

describe('clickRows', () => {
  it('builds one row per usable click with the features of the first validation day', () => {
    const newVideo = world.videos.uploadDay.findIndex((d) => d >= world.split.trainEnd);
    expect(newVideo).toBeGreaterThan(-1);
    const rows = clickRows(world, [
      ...clicks,
      { userId: world.users.count, videoId: 0, position: 0, time: 0 },
      { userId: 0, videoId: -1, position: 0, time: 0 },
      { userId: 1.5, videoId: 0, position: 0, time: 0 },
      { userId: 0, videoId: newVideo, position: 0, time: 0 },
    ]);
    expect(rows).toMatchObject({ used: clicks.length, unknownIds: 3, tooNew: 1 });
    const store = createOnlineStore(world, world.split.trainEnd);
    const user = rows.table.userFeatures as DenseColumn;
    const item = rows.table.itemFeatures as DenseColumn;
    expect(Array.from(user.data.subarray(5 * user.width, 6 * user.width))).toEqual(
      Array.from(store.userFeatures(clicks[5]!.userId)),
    );
    expect(Array.from(item.data.subarray(7 * item.width, 8 * item.width))).toEqual(
      Array.from(store.videoFeatures([clicks[7]!.videoId])),
    );
    expect(Array.from(rows.table.itemId as Int32Array)).toEqual(clicks.map((c) => c.videoId));
  });
});

describe('retrainTwoTower', () => {
  let first: RetrainResult;
  let second: RetrainResult;
  beforeAll(async () => {
    // A constant "shipped" model for the first run: every video scores the same.
    const constant = towerEmbedder({ numUsers: 1, numItems: 1 }, 2, (_side, ids) =>
      Promise.resolve(new Float32Array(ids.length * 2).fill(1)),
    );
    first = await retrainTwoTower(world, clicks, {
      seed: 5,
      settings,
      shipped: constant,
      resamples: 200,
    });
    const runner = await ortTowerRunner(ort, first.userTower, first.itemTower);
    const dim = settings.towerUnits.at(-1)!;
    second = await retrainTwoTower(world, clicks, {
      seed: 5,
      settings,
      shipped: towerEmbedder(first.config, dim, runner.run),
      resamples: 200,
    });
    await runner.release();
  }, 240_000);

  it('uses the clicks as extra training rows and is deterministic', () => {
    expect(first.clicks.used).toBe(clicks.length);
    expect(second.trainRows).toBe(first.trainRows);
    expect(second.history.map((h) => h.trainLoss)).toEqual(first.history.map((h) => h.trainLoss));
    const logged = buildTwoTowerTable(world, { split: 'train' }).impression.length;
    expect(first.trainRows).toBe(logged + clicks.length);
    expect(clickRows(world, []).used).toBe(0);
  });

  it('learns: recall grows with K and beats popularity at 100', () => {
    const [retrained, , popularity] = first.comparison.models;
    const r = retrained!.recall.map((b) => b.estimate);
    expect(r).toEqual([...r].sort((a, b) => a - b));
    const k100 = RETRAIN_KS.indexOf(100);
    expect(r[k100]!).toBeGreaterThan(popularity!.recall[k100]!.estimate);
  });

  it('the ONNX export served by onnxruntime-web scores like the TF.js model', () => {
    const [retrained, shipped] = second.comparison.models;
    const a = retrained!.recall.map((b) => b.estimate);
    const b = shipped!.recall.map((x) => x.estimate);
    for (let j = 0; j < a.length; j++) expect(b[j]!).toBeCloseTo(a[j]!, 2);
    expect(Math.abs(second.comparison.diff100.estimate)).toBeLessThan(0.01);
    // The constant model of the first run retrieves by id order: far below.
    expect(first.comparison.diff100.estimate).toBeGreaterThan(0.05);
  });
});

describe('retrainWorldOptions', () => {
  it('maps a catalogue size to its preset with the page seed, and refuses others', () => {
    expect(retrainWorldOptions(9, 100_000)).toMatchObject({ seed: 9, videos: 100_000 });
    expect(() => retrainWorldOptions(1, 1234)).toThrow(/10000, 100000, 1000000/);
  });
});

describe('shippedTwoTowerManifest', () => {
  it('lists the shipped towers in the registry with their metrics and parts', async () => {
    const metrics = JSON.parse(readFileSync('public/models/video-recs/metrics.json', 'utf8'));
    const files = new Map([
      [
        '/models/video-recs/user-tower.onnx',
        readFileSync('public/models/video-recs/user-tower.onnx'),
      ],
      [
        '/models/video-recs/item-tower.onnx',
        readFileSync('public/models/video-recs/item-tower.onnx'),
      ],
    ]);
    const registry = createRegistry(memoryBlobStore(), {
      loadShipped: (path) => Promise.resolve(new Uint8Array(files.get(path)!)),
    });
    const report = registry.mergeShipped(shippedTwoTowerManifest(metrics));
    expect(report).toEqual({ merged: 1, rejected: [] });
    const active = await registry.active(TWO_TOWER_MODEL);
    expect(active).toMatchObject({ source: 'shipped', version: 1 });
    expect(active!.metrics.split).toBe('world 1/10k, test days 12–13');
    expect(active!.metrics.values['recall@100']).toBeCloseTo(0.6737, 3);
    const user = await registry.loadOnnx(active!.id, TWO_TOWER_PARTS.user);
    expect(user.ok && user.value.byteLength).toBe(
      files.get('/models/video-recs/user-tower.onnx')!.length,
    );
    expect(() => shippedTwoTowerManifest({ seed: 1 })).toThrow(/lacks the two-tower/);
  });
});
