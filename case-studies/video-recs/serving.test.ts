import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseShippedManifest } from '../../lib/registry/schema';
import {
  TWO_TOWER_MODEL,
  dcnFeeds,
  feedWorldOptions,
  parseVideoMetrics,
  shippedTwoTowerManifest,
  towerFeeds,
} from './serving';

const metrics: unknown = JSON.parse(readFileSync('public/models/video-recs/metrics.json', 'utf8'));

describe('serving metadata', () => {
  it('reads the vocabularies and negative rates of the shipped models', () => {
    const meta = parseVideoMetrics(metrics);
    expect(meta.vocab).toEqual({ users: 5000, videos: 10000, creators: 400 });
    expect(meta.negativeRate).toEqual({ dcn: 0.25, logreg: 0.25 });
    expect(meta.dim).toBe(64);
    expect(() => parseVideoMetrics({ models: {} })).toThrow('models.twoTower.numUsers');
  });

  it('lists the shipped towers as a valid registry version with two parts', () => {
    const { models, rejected } = parseShippedManifest(shippedTwoTowerManifest(metrics));
    expect(rejected).toEqual([]);
    expect(models).toHaveLength(1);
    expect(models[0]!.name).toBe(TWO_TOWER_MODEL);
    expect(Object.keys(models[0]!.onnx).sort()).toEqual(['item-tower', 'user-tower']);
    expect(models[0]!.onnx['user-tower']!.key).toBe('/models/video-recs/user-tower.onnx');
  });

  it('builds the ONNX feeds, folding tower ids into the vocabulary', () => {
    const t = towerFeeds('item', Int32Array.of(3, 10_003), new Float32Array(2 * 40), 10_000);
    expect(Array.from(t.item_id!.data as Int32Array)).toEqual([3, 3]);
    expect(t.item_features!.dims).toEqual([2, 40]);
    const table = {
      creator: Int32Array.of(1, 2),
      genre: Int32Array.of(0, 4),
      dense: { data: new Float32Array(6), width: 3 },
    };
    const feeds = dcnFeeds(table, ['creator_id', 'genre_id', 'dense']);
    expect(feeds.dense!.dims).toEqual([2, 3]);
    expect(Array.from(feeds.genre_id!.data as Int32Array)).toEqual([0, 4]);
    expect(() => dcnFeeds(table, ['device_id'])).toThrow('"device_id"');
    expect(feedWorldOptions(9, 1_000_000)).toMatchObject({ seed: 9, videos: 1_000_000 });
  });
});
