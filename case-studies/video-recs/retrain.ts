/**
 * Retraining the two-tower in the browser: the world's training log (regenerated from seed and
 * catalogue size, so the same data every time) plus the learner's clicks, the browser settings
 * (BROWSER_TWO_TOWER), and a side-by-side evaluation against the shipped model on the same
 * held-out test days. Pure TypeScript: the shipped towers come in as a `TowerRunner` (ONNX
 * sessions in the worker, anything in tests).
 */
import { pairedBootstrapDiff, type BootstrapInterval } from '../../lib/metrics';
import { disposeModel, extractWeights } from '../../lib/ml/model';
import type { EpochLog } from '../../lib/ml/train';
import type { TwoTowerConfig } from '../../lib/ml/two-tower';
import { exportItemTower, exportUserTower } from '../../lib/onnx/export-two-tower';
import type { Ort } from '../../lib/runtime/engine';
import { clickRows, type ClickEvent } from './clicks';
import {
  embeddingRetriever,
  evaluateRetrieval,
  evaluationUnits,
  popularityRetriever,
  positiveCounts,
  type EmbeddingModel,
} from './evaluate';
import { twoTowerShape, type FeatureStore } from './features';
import {
  BROWSER_TWO_TOWER,
  trainTwoTower,
  twoTowerEmbedder,
  type TrainOptions,
  type TwoTowerSettings,
} from './models';
import { CATALOGUE_SIZES, feedWorldOptions, testSplitLabel } from './serving';
import type { WorldOptions, World } from './world';

/** Registry name and part names of the two-tower versions (shipped and retrained). */

/** Ks of the comparison; the table shows 10 / 50 / 100, the chart all of them. */
export const RETRAIN_KS = [10, 20, 50, 100, 200] as const;
/** Test units evaluated at most (a seeded sample on big worlds keeps the page responsive). */
export const RETRAIN_MAX_UNITS = 2000;
/** The world of a catalogue size (the live page's) with the page's seed. */
export function retrainWorldOptions(seed: number, catalogueSize: number): WorldOptions {
  const size = CATALOGUE_SIZES.find((s) => s === catalogueSize);
  if (!size) {
    throw new Error(
      `There is no world of ${catalogueSize.toLocaleString('en')} videos; choose one of ${CATALOGUE_SIZES.join(', ')}.`,
    );
  }
  return feedWorldOptions(seed, size);
}

/** Runs one tower on a batch: ids and row-major features in, row-major embeddings out. */
export type TowerRunner = (
  side: 'user' | 'item',
  ids: Int32Array,
  features: Float32Array,
) => Promise<Float32Array>;

/**
 * An EmbeddingModel over exported towers. Ids beyond the towers' vocabularies (a bigger world
 * than the one they were trained on) are folded into it (id mod vocabulary): those id
 * embeddings are shared noise and the features carry the model.
 */
export function towerEmbedder(
  config: Pick<TwoTowerConfig, 'numUsers' | 'numItems'>,
  dim: number,
  run: TowerRunner,
  batch = 65_536,
): EmbeddingModel {
  const embed = async (
    side: 'user' | 'item',
    ids: Int32Array,
    features: Float32Array,
    width: number,
  ) => {
    const vocab = side === 'user' ? config.numUsers : config.numItems;
    const out = new Float32Array(ids.length * dim);
    for (let a = 0; a < ids.length; a += batch) {
      const b = Math.min(ids.length, a + batch);
      const folded = ids.subarray(a, b).map((id) => id % vocab);
      out.set(await run(side, folded, features.subarray(a * width, b * width)), a * dim);
    }
    return out;
  };
  return {
    dim,
    userEmbeddings(store: FeatureStore, users: Int32Array) {
      const w = twoTowerShape(store.world).userFeatureDim;
      const data = new Float32Array(users.length * w);
      users.forEach((u, r) => store.userFeatures(u, data, r * w));
      return embed('user', users, data, w);
    },
    itemEmbeddings(store: FeatureStore, ids: Int32Array) {
      const w = twoTowerShape(store.world).itemFeatureDim;
      return embed('item', ids, store.videoFeatures(ids), w);
    },
  };
}

/** A TowerRunner over two onnxruntime-web sessions (the exported user and item towers). */
export async function ortTowerRunner(
  ort: Ort,
  userTower: Uint8Array,
  itemTower: Uint8Array,
): Promise<{ run: TowerRunner; release: () => Promise<void> }> {
  const sessions = {
    user: await ort.InferenceSession.create(userTower, { executionProviders: ['wasm'] }),
    item: await ort.InferenceSession.create(itemTower, { executionProviders: ['wasm'] }),
  };
  const run: TowerRunner = async (side, ids, features) => {
    const width = features.length / Math.max(1, ids.length);
    const out = await sessions[side].run({
      [`${side}_id`]: new ort.Tensor('int32', ids, [ids.length]),
      [`${side}_features`]: new ort.Tensor('float32', features, [ids.length, width]),
    });
    return out[`${side}_embedding`]!.data as Float32Array;
  };
  return {
    run,
    release: async () => {
      await sessions.user.release();
      await sessions.item.release();
    },
  };
}

export interface ModelRecall {
  name: 'retrained' | 'shipped' | 'popularity';
  /** recall[j] at RETRAIN_KS[j], with a 95 % bootstrap CI over test units. */
  recall: BootstrapInterval[];
}

export interface RetrainComparison {
  /** 'test days 12–13 of world seed 1, 10,000 videos (1,792 user-days)' */
  split: string;
  units: number;
  ks: number[];
  models: ModelRecall[];
  /** Retrained − shipped recall@100, paired over units. */
  diff100: BootstrapInterval;
}

export interface RetrainResult {
  worldSeed: number;
  catalogueSize: number;
  modelSeed: number;
  settings: TwoTowerSettings;
  config: TwoTowerConfig;
  clicks: { used: number; unknownIds: number; tooNew: number };
  trainRows: number;
  history: EpochLog[];
  bestEpoch: number;
  comparison: RetrainComparison;
  userTower: Uint8Array;
  itemTower: Uint8Array;
  seconds: { train: number; evaluate: number };
}

export interface RetrainOptions extends TrainOptions {
  /** The shipped model's towers, evaluated on the same units. */
  shipped: EmbeddingModel;
  settings?: TwoTowerSettings;
  resamples?: number;
  /** Called when training is over and the evaluation starts. */
  onEvaluate?: () => void;
}

/** Retrains, evaluates next to the shipped model and popularity, and exports both towers. */
export async function retrainTwoTower(
  world: World,
  clicks: readonly ClickEvent[],
  opts: RetrainOptions,
): Promise<RetrainResult> {
  const settings = opts.settings ?? BROWSER_TWO_TOWER;
  const extra = clickRows(world, clicks);
  const t0 = performance.now();
  const trained = await trainTwoTower(world, settings, { ...opts, extra: extra.table });
  try {
    const t1 = performance.now();
    opts.onEvaluate?.();
    const comparison = await compareWithShipped(world, twoTowerEmbedder(trained), opts);
    const weights = extractWeights(trained.model);
    return {
      worldSeed: world.options.seed,
      catalogueSize: world.videos.count,
      modelSeed: opts.seed,
      settings,
      config: trained.config,
      clicks: { used: extra.used, unknownIds: extra.unknownIds, tooNew: extra.tooNew },
      trainRows: trained.trainRows,
      history: trained.fit.history,
      bestEpoch: trained.fit.bestEpoch,
      comparison,
      userTower: exportUserTower(trained.config, weights),
      itemTower: exportItemTower(trained.config, weights),
      seconds: { train: (t1 - t0) / 1000, evaluate: (performance.now() - t1) / 1000 },
    };
  } finally {
    disposeModel(trained.model);
  }
}

/** Recall@K of the retrained model, the shipped one and popularity on the same test units. */
export async function compareWithShipped(
  world: World,
  retrained: EmbeddingModel,
  opts: { shipped: EmbeddingModel; resamples?: number; seed: number },
): Promise<RetrainComparison> {
  const units = evaluationUnits(world, { maxUnits: RETRAIN_MAX_UNITS, seed: 0 });
  const counts = new Map<number, Float64Array>();
  const popularity = (day: number) => {
    if (!counts.has(day)) counts.set(day, positiveCounts(world, 0, day));
    return counts.get(day)!;
  };
  const ks = [...RETRAIN_KS];
  const results = await evaluateRetrieval(
    world,
    units,
    [
      embeddingRetriever(world, retrained, 'retrained'),
      embeddingRetriever(world, opts.shipped, 'shipped'),
      popularityRetriever(world, popularity),
    ],
    { ks, seed: 0, resamples: opts.resamples ?? 1000 },
  );
  const names = ['retrained', 'shipped', 'popularity'] as const;
  const [d0, d1] = [world.split.validationEnd, world.split.days - 1];
  return {
    split: testSplitLabel(world.options.seed, world.videos.count, d0, d1),
    units: units.length,
    ks,
    models: results.map((r, i) => ({ name: names[i]!, recall: ks.map((k) => r.recall[k]!) })),
    diff100: pairedBootstrapDiff(results[0]!.perUnit[100]!, results[1]!.perUnit[100]!, {
      seed: 0,
      resamples: opts.resamples ?? 1000,
    }),
  };
}
