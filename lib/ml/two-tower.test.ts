/**
 * The two-tower model learns a planted structure (recall far above random and above
 * popularity), and training is bit-for-bit deterministic under a seed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { initTfNode } from './backend.node.js';
import { range, takeRows } from './data';
import { recallAtK } from './metrics';
import * as tf from '@tensorflow/tfjs';
import { extractWeights, disposeModel, toTensors } from './model';
import { syntheticWorld } from './synthetic';
import { predictArrays } from './predict';
import { fit } from './train';
import { createTwoTower, itemLogQ, withItemLogQ, type TwoTowerConfig } from './two-tower';

const USERS = 300;
const ITEMS = 600;
const FEATURES = 4;
const world = syntheticWorld({
  numUsers: USERS,
  numItems: ITEMS,
  interactions: 24_000,
  topics: 12,
  featureDim: FEATURES,
  seed: 5,
});
const table = withItemLogQ(world.table, ITEMS);
const trainRows = takeRows(table, range(22_000));
const testRows = takeRows(table, range(24_000).subarray(22_000));

const config = (seed: number): TwoTowerConfig => ({
  numUsers: USERS,
  numItems: ITEMS,
  embeddingDim: 16,
  userFeatureDim: FEATURES,
  itemFeatureDim: FEATURES,
  userTower: { units: [32, 16], l2Normalize: true },
  itemTower: { units: [32, 16], l2Normalize: true },
  temperature: 0.1,
  seed,
});

beforeAll(async () => {
  expect((await initTfNode()).backend).toBe('wasm');
});

describe('two-tower', () => {
  it('beats random and popularity retrieval on a planted-topic world', async () => {
    const model = createTwoTower(config(1));
    const result = await fit(model, trainRows, { epochs: 3, batchSize: 256, learningRate: 0.01 });
    expect(result.history[2]!.trainLoss).toBeLessThan(result.history[0]!.trainLoss);

    const users = predictArrays(model, {
      userId: testRows.userId!,
      userFeatures: testRows.userFeatures!,
    }).user_embedding!;
    const items = predictArrays(model, {
      itemId: range(ITEMS),
      itemFeatures: { data: world.itemFeatures, width: FEATURES },
    }).item_embedding!;
    const targets = testRows.itemId as Int32Array;
    const k = 30;
    const recall = recallAtK(users.data, items.data, 16, targets, k);

    // Popularity baseline: the k most frequent training items for everyone.
    const counts = new Float32Array(ITEMS);
    for (const id of trainRows.itemId as Int32Array) counts[id]! += 1;
    const popRecall = recallAtK(new Float32Array(targets.length).fill(1), counts, 1, targets, k);
    const randomRecall = k / ITEMS;
    expect(recall).toBeGreaterThan(5 * randomRecall);
    expect(recall).toBeGreaterThan(1.5 * popRecall);
    disposeModel(model);
  });

  it('is bit-identical for the same seed and different for another', async () => {
    const run = async (seed: number) => {
      const model = createTwoTower(config(seed));
      const losses: number[] = [];
      const small = takeRows(trainRows, range(3000));
      const result = await fit(model, small, {
        epochs: 2,
        batchSize: 128,
        learningRate: 0.01,
        validationFraction: 0.1,
        onProgress: (p) => losses.push(p.loss),
      });
      const weights = extractWeights(model);
      disposeModel(model);
      const valLosses = result.history.map((h) => h.valLoss);
      return { weights, losses, valLosses };
    };
    const a = await run(3);
    const b = await run(3);
    const c = await run(4);
    expect(b.losses).toEqual(a.losses);
    expect(b.valLosses).toEqual(a.valLosses);
    expect(Object.keys(b.weights)).toEqual(Object.keys(a.weights));
    for (const [name, w] of Object.entries(a.weights)) {
      expect(Buffer.from(b.weights[name]!.data.buffer).equals(Buffer.from(w.data.buffer))).toBe(
        true,
      );
    }
    expect(c.losses).not.toEqual(a.losses);
    expect(c.weights['user/embedding']!.data).not.toEqual(a.weights['user/embedding']!.data);
  });

  it('logQ is the log share of interactions', () => {
    const q = itemLogQ(Int32Array.from([0, 0, 1, 3]), 4);
    expect(Array.from(q, Math.exp)).toEqual(
      [0.5, 0.25, 0.125, 0.25].map((x) => expect.closeTo(x, 6)),
    );
  });

  it('rejects towers of different output widths', () => {
    expect(() => createTwoTower({ ...config(1), itemTower: { units: [32, 8] } })).toThrow(
      /same width/,
    );
  });
});

describe('full-softmax negatives', () => {
  it('the loss is the cross-entropy of the true item against every item', () => {
    const cfg: TwoTowerConfig = {
      numUsers: 7,
      numItems: 11,
      embeddingDim: 4,
      userFeatureDim: 0,
      itemFeatureDim: 0,
      userTower: { units: [3], l2Normalize: true },
      itemTower: { units: [3], l2Normalize: true },
      temperature: 0.2,
      negatives: 'full',
      seed: 3,
    };
    const model = createTwoTower(cfg);
    const users = Int32Array.from([0, 3, 6, 3]);
    const items = Int32Array.from([10, 2, 2, 5]);
    const u = predictArrays(model, { userId: users }).user_embedding!.data;
    const v = predictArrays(model, { itemId: range(11) }).item_embedding!.data;
    let expected = 0;
    users.forEach((_, r) => {
      const logits = Array.from({ length: 11 }, (_, i) => {
        let s = 0;
        for (let j = 0; j < 3; j++) s += u[r * 3 + j]! * v[i * 3 + j]!;
        return s / 0.2;
      });
      const max = Math.max(...logits);
      const lse = max + Math.log(logits.reduce((a, l) => a + Math.exp(l - max), 0));
      expected += (lse - logits[items[r]!]!) / users.length;
    });
    const loss = tf.tidy(
      () => model.loss(toTensors({ userId: users, itemId: items })).dataSync()[0]!,
    );
    expect(loss).toBeCloseTo(expected, 4);
    expect(model.trainColumns).not.toContain('itemLogQ');
    disposeModel(model);
    expect(() => createTwoTower({ ...cfg, itemFeatureDim: 2 })).toThrow(/id-only items/);
  });

  it('history tower: a user is its history (no id table), and a row leaves its own item out', async () => {
    // Users 0 and 1 share a history; user 2 has item 7 only; user 3 has none.
    const L = 3;
    const items = new Int32Array([1, 2, 3, 1, 2, 3, 7, -1, -1, -1, -1, -1]);
    const cfg: TwoTowerConfig = {
      numUsers: 4,
      numItems: 10,
      embeddingDim: 8,
      userFeatureDim: 0,
      itemFeatureDim: 0,
      userTower: { units: [8], l2Normalize: false },
      itemTower: { units: [8], l2Normalize: false },
      userHistory: { items, length: L, userId: false },
      seed: 3,
    };
    const model = createTwoTower(cfg);
    expect(model.params.names()).not.toContain('user/embedding');
    const u = predictArrays(model, { userId: new Int32Array([0, 1, 2, 3]) }).user_embedding!.data;
    expect(u.subarray(0, 8)).toEqual(u.subarray(8, 16));
    expect(u.subarray(0, 8)).not.toEqual(u.subarray(16, 24));
    const emb = (ids: number[], exclude: number[]) =>
      tf.tidy(() =>
        Array.from(
          model
            .userEmbedding(tf.tensor1d(ids, 'int32'), undefined, tf.tensor1d(exclude, 'int32'))
            .dataSync(),
        ),
      );
    // Leaving item 7 out of user 2's history leaves nothing, like user 3; leaving out an item
    // not in the history changes nothing; leaving out item 1 changes user 0.
    expect(emb([2], [7])).toEqual(emb([3], [0]));
    expect(emb([2], [5])).toEqual(Array.from(u.subarray(16, 24)));
    expect(emb([2], [5])).not.toEqual(emb([3], [0]));
    expect(emb([0], [1])).not.toEqual(Array.from(u.subarray(0, 8)));
    disposeModel(model);
    expect(() =>
      createTwoTower({ ...cfg, userHistory: { items: items.subarray(1), length: L } }),
    ).toThrow(/history has/);
  });
});
