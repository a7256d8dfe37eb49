/**
 * Parity of the two-tower exports: user and item towers trained a few steps with a fixed seed
 * give the same embeddings in TF.js and onnxruntime-web (max |diff| ≤ 1e-4), with int32 and
 * int64 ids, with and without dense features.
 */
import * as ort from 'onnxruntime-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initTfNode } from '../ml/backend.node.js';
import type { DataTable } from '../ml/data';
import { disposeModel, extractWeights } from '../ml/model';
import { syntheticWorld } from '../ml/synthetic';
import { fit } from '../ml/train';
import { createTwoTower, withItemLogQ, type TwoTowerConfig } from '../ml/two-tower';
import { exportItemTower, exportUserTower } from './export-two-tower';
import { diffs, expectParity, ids, normals } from './parity-harness';

beforeAll(async () => {
  expect((await initTfNode()).backend).toBe('wasm');
  ort.env.wasm.numThreads = 1;
});

afterAll(() => {
  // Printed so the measured parity is visible in the test log, not just pass/fail.
  console.log('ONNX parity, max |TF.js − ORT| per output:', diffs);
});

describe('two-tower towers', () => {
  for (const featureDim of [0, 5]) {
    it(`user and item towers match (feature dim ${featureDim})`, async () => {
      const config: TwoTowerConfig = {
        numUsers: 40,
        numItems: 90,
        embeddingDim: 8,
        userFeatureDim: featureDim,
        itemFeatureDim: featureDim,
        userTower: { units: [16, 8], l2Normalize: true },
        itemTower: { units: [12, 8], l2Normalize: featureDim > 0 },
        seed: 31,
      };
      const model = createTwoTower(config);
      const world = syntheticWorld({
        numUsers: 40,
        numItems: 90,
        interactions: 640,
        featureDim,
        seed: 3,
      });
      await fit(model, withItemLogQ(world.table, 90), {
        epochs: 1,
        batchSize: 64,
        learningRate: 0.01,
      });
      const weights = extractWeights(model);
      const side =
        (s: 'user' | 'item', vocab: number) =>
        (b: number): DataTable => ({
          [`${s}Id`]: ids(b, vocab),
          ...(featureDim > 0
            ? { [`${s}Features`]: { data: normals(b * featureDim), width: featureDim } }
            : {}),
        });
      const userInputs = { userId: 'user_id', userFeatures: 'user_features' };
      const itemInputs = { itemId: 'item_id', itemFeatures: 'item_features' };
      if (featureDim === 0) {
        delete (userInputs as Partial<typeof userInputs>).userFeatures;
        delete (itemInputs as Partial<typeof itemInputs>).itemFeatures;
      }
      await expectParity(
        'user_tower',
        model,
        exportUserTower(config, weights),
        side('user', 40),
        userInputs,
        ['user_embedding'],
      );
      await expectParity(
        'item_tower',
        model,
        exportItemTower(config, weights),
        side('item', 90),
        itemInputs,
        ['item_embedding'],
      );
      // int64 ids (the usual ONNX convention) work as well.
      await expectParity(
        'user_tower_int64',
        model,
        exportUserTower(config, weights, { idType: 'int64' }),
        side('user', 40),
        userInputs,
        ['user_embedding'],
        'int64',
      );
      disposeModel(model);
    });
  }
});
