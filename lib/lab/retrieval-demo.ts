import { range, takeRows } from '../ml/data';
import { recallAtK } from '../ml/metrics';
import { disposeModel, extractWeights } from '../ml/model';
import { predictArrays } from '../ml/predict';
import { syntheticWorld, type SyntheticWorld } from '../ml/synthetic';
import { fit, type Progress } from '../ml/train';
import { createTwoTower, withItemLogQ, type TwoTowerConfig } from '../ml/two-tower';
import { exportItemTower, exportUserTower } from '../onnx/export-two-tower';

/**
 * The engine room's end-to-end demo: train a small two-tower retriever in the browser, evaluate
 * it on held-out interactions, and export both towers to ONNX for the registry and the server.
 * The world is a function of the seed alone, so any version can be re-evaluated later.
 */
export const DEMO_MODEL_NAME = 'lab/two-tower';
export const DEMO_WORLD = {
  numUsers: 500,
  numItems: 2000,
  interactions: 32_000,
  heldOut: 2000,
  featureDim: 8,
} as const;

export function demoWorld(seed: number): SyntheticWorld {
  const { numUsers, numItems, interactions, featureDim } = DEMO_WORLD;
  return syntheticWorld({ numUsers, numItems, interactions, featureDim, seed });
}

export function demoConfig(seed: number, embeddingDim = 32): TwoTowerConfig {
  return {
    numUsers: DEMO_WORLD.numUsers,
    numItems: DEMO_WORLD.numItems,
    embeddingDim,
    userFeatureDim: DEMO_WORLD.featureDim,
    itemFeatureDim: DEMO_WORLD.featureDim,
    userTower: { units: [64, 32], l2Normalize: true },
    itemTower: { units: [64, 32], l2Normalize: true },
    temperature: 0.05,
    seed,
  };
}

export interface DemoResult {
  config: TwoTowerConfig;
  epochs: number;
  userTower: Uint8Array;
  itemTower: Uint8Array;
  metrics: { 'recall@100': number; 'popularity recall@100': number; 'final train loss': number };
  losses: number[];
}

/** Share of held-out interactions whose item is among the K most popular training items. */
function popularityRecall(
  train: Int32Array,
  test: Int32Array,
  numItems: number,
  k: number,
): number {
  const counts = new Float64Array(numItems);
  for (const i of train) counts[i]!++;
  const top = new Set(
    range(numItems)
      .sort((a, b) => counts[b]! - counts[a]! || a - b)
      .subarray(0, k),
  );
  return test.filter((i) => top.has(i)).length / test.length;
}

export async function trainRetrievalDemo(opts: {
  seed: number;
  epochs: number;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}): Promise<DemoResult> {
  const world = demoWorld(opts.seed);
  const n = DEMO_WORLD.interactions - DEMO_WORLD.heldOut;
  const all = withItemLogQ(world.table, DEMO_WORLD.numItems);
  const train = takeRows(all, range(n));
  const test = takeRows(all, range(DEMO_WORLD.interactions).subarray(n));
  const config = demoConfig(opts.seed);
  const model = createTwoTower(config);
  const losses: number[] = [];
  try {
    const result = await fit(model, train, {
      epochs: opts.epochs,
      batchSize: 256,
      learningRate: 0.005,
      yieldEvery: 5,
      signal: opts.signal,
      onProgress: (p) => {
        losses.push(p.loss);
        opts.onProgress?.(p);
      },
    });
    const width = DEMO_WORLD.featureDim;
    const users = predictArrays(model, { userId: test.userId!, userFeatures: test.userFeatures! });
    const items = predictArrays(model, {
      itemId: range(DEMO_WORLD.numItems),
      itemFeatures: { data: world.itemFeatures, width },
    });
    const dim = config.userTower.units.at(-1)!;
    const weights = extractWeights(model);
    return {
      config,
      epochs: result.history.length,
      userTower: exportUserTower(config, weights),
      itemTower: exportItemTower(config, weights),
      metrics: {
        'recall@100': recallAtK(
          users.user_embedding!.data,
          items.item_embedding!.data,
          dim,
          test.itemId as Int32Array,
          100,
        ),
        'popularity recall@100': popularityRecall(
          train.itemId as Int32Array,
          test.itemId as Int32Array,
          DEMO_WORLD.numItems,
          100,
        ),
        'final train loss': result.history.at(-1)?.trainLoss ?? NaN,
      },
      losses,
    };
  } finally {
    disposeModel(model);
  }
}
