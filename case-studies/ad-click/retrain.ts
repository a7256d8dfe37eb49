/**
 * What-ifs by training: one ranker variant (model, cross layers, dropped feature groups, negative
 * downsampling with or without re-calibration, older or latest training days), trained in a
 * browser-sized configuration, evaluated on the world's test day beside the shipped ranker and
 * the Bayes-optimal reference, and exported to ONNX with its serving calibration.
 *
 * The browser size, and why: a run should take 10–40 s in a web worker on a 2-core laptop. The
 * shipped models train on four days (792,000 impressions) for up to 12 epochs (about a minute
 * for DCN-V2 in Node). Here a variant trains on a window of two days (about 400,000 impressions;
 * ~48,000 rows after keeping 10% of the negatives) with a fixed budget of 200,000 example-passes:
 * 4 epochs at 10%, one epoch of all 400,000 rows at 100%. A fixed budget is the honest comparison
 * for downsampling, whose point is to buy more passes over the clicks for the same compute.
 * Measured on the default world (seed 1, Node, WASM): DCN-V2 at 10% reaches test AUC 0.7575 in
 * 4 epochs and 0.7608 in 6 (shipped: 0.7697), and its validation loss had stopped improving by
 * epoch 5 in the browser; 4 epochs take about two thirds of the time, which a live what-if needs
 * more than the last 0.003 of AUC.
 * Two days also leave room for the staleness what-if: days 1–2 ("older", the model is 4–5 days
 * old on the test day) against days 3–4 ("latest"), with the same amount of data.
 *
 * "Re-calibrate" off serves the model's raw output: after downsampling it over-predicts the CTR
 * about 1/rate-fold. On, it undoes the downsampling and fits Platt scaling on the calibration
 * day (what the shipped models do). Everything random derives from the seed.
 */
import { pairedBootstrapMetricDiffs, type PairedBootstrapResult } from '@/lib/metrics';
import type { ReliabilityBin } from '@/lib/metrics';
import type { EpochLog } from '@/lib/ml/train';
import { identityCalibrator } from '@/lib/calibration';
import { adCalibration, type AdCalibration, type AdCalibrationJson } from './calibration';
import {
  createFeaturePipeline,
  downsampleNegatives,
  splitByDay,
  type FeatureGroup,
  type FeaturePipeline,
} from './features';
import {
  BROWSER_AD_MODELS_CONFIG,
  labelsOf,
  resampleAuc,
  stage,
  trainAdModels,
  type AdModelsConfig,
  type OracleResult,
  type ProbabilityMetrics,
} from './models';
import type { AdRanker, RankerInput } from './pipeline';
import { testDayLabel } from './serving';
import {
  BROWSER_WINDOW_DAYS,
  checkVariant,
  trainingWindow,
  variantLabel,
  type AdVariantSpec,
  type TrainWindow,
} from './variant';
import { rowsOfDays, trueProbabilities, type AdWorld } from './world';

export interface AdRetrainSettings {
  config: AdModelsConfig;
  /** Days in a training window. */
  windowDays: number;
  /** Training rows × epochs (after downsampling) a variant may spend; at least one epoch. */
  exampleBudget: number;
  /** Resamples of each paired bootstrap (each costs two AUCs over the test day). */
  resamples: number;
}

export const BROWSER_RETRAIN: AdRetrainSettings = {
  config: BROWSER_AD_MODELS_CONFIG,
  windowDays: BROWSER_WINDOW_DAYS,
  exampleBudget: 200_000,
  resamples: 100,
};

/** trainingWindow of a world, checked against its split. */
export function windowDays(world: AdWorld, window: TrainWindow, size: number): number[] {
  const days = trainingWindow(world.options.days, window, size);
  const { trainDays } = splitByDay(world);
  if (days.length === 0 || days.some((d) => !trainDays.includes(d))) {
    throw new RangeError(`This world's ${world.options.days} days leave no training window.`);
  }
  return days;
}

export interface ServedMetrics extends ProbabilityMetrics {
  reliability: ReliabilityBin[];
}

export interface AdVariantResult {
  spec: AdVariantSpec;
  label: string;
  worldSeed: number;
  modelSeed: number;
  /** e.g. 'ad world 1, test day 6' (the registry's split label). */
  split: string;
  trainDays: number[];
  trainRows: number;
  trainRowsKept: number;
  testRows: number;
  groups: FeatureGroup[];
  parameters: number;
  epochsAllowed: number;
  history: EpochLog[];
  bestEpoch: number;
  /** What serving returns: calibrated when re-calibrating, the raw output otherwise. */
  served: ServedMetrics;
  /** The variant's stages, whatever is served: raw output, downsampling undone, calibrated. */
  stages: {
    raw: ProbabilityMetrics;
    recalibrated: ProbabilityMetrics;
    calibrated: ProbabilityMetrics;
  };
  shipped: ServedMetrics & { label: string };
  bayes: OracleResult;
  /** AUC(variant) − AUC(shipped) and − AUC(Bayes-optimal), paired bootstrap over test rows. */
  vsShipped: PairedBootstrapResult;
  vsBayes: PairedBootstrapResult;
  onnx: Uint8Array;
  onnxOutput: string;
  /** The serving calibration (identity when not re-calibrating). */
  calibration: AdCalibrationJson;
  calibrationMethod: 'platt' | 'identity';
  inputs: { fields?: { name: string; vocabSize: number; dim: number }[]; features: string[] };
  modelConfig: unknown;
  /** Raw TF.js outputs on the test rows (only with keepPredictions). */
  testPredictions?: Float32Array;
  seconds: { train: number; total: number };
}

export interface AdRetrainProgress {
  label: string;
  /** Share of the run done, 0–1. */
  fraction: number;
  loss?: number;
  valLoss?: number;
}

/** The shipped ranker on the test day: what each variant is compared with. */
export interface ShippedReference {
  label: string;
  calibration: AdCalibration;
  /** Raw scores of the test day's rows, in split order (they do not depend on the variant). */
  testScores: Float32Array;
}

/** Scores the world's test day with a ranker, once for any number of variants. */
export async function shippedReference(
  world: AdWorld,
  pipe: FeaturePipeline,
  ranker: AdRanker,
  label: string,
): Promise<ShippedReference> {
  const testScores = await scoreLogRows(ranker, pipe, splitByDay(world).test);
  return { label, calibration: ranker.calibration, testScores };
}

export interface RetrainAdVariantOptions {
  seed: number;
  /** The shipped ranker's scores of the same test rows. */
  shipped: ShippedReference;
  settings?: AdRetrainSettings;
  pipeline?: FeaturePipeline;
  keepPredictions?: boolean;
  onProgress?: (p: AdRetrainProgress) => void;
  /** Yield to the event loop every N batches (a worker; default 0). */
  yieldEvery?: number;
}

const CHUNK = 16_384;

/** A ranker's raw scores of log rows, a chunk of rows at a time. */
export async function scoreLogRows(
  ranker: AdRanker,
  pipe: FeaturePipeline,
  rows: Int32Array,
): Promise<Float32Array> {
  const out = new Float32Array(rows.length);
  const groups = [...ranker.groups];
  for (let a = 0; a < rows.length; a += CHUNK) {
    const part = rows.subarray(a, Math.min(rows.length, a + CHUNK));
    const input: RankerInput =
      ranker.kind === 'dcn'
        ? { kind: 'dcn', data: pipe.dcn(part, { groups }) }
        : { kind: ranker.kind, data: pipe[ranker.kind](part, { groups }) };
    const scores = await ranker.score(input);
    if (scores.length !== part.length) {
      throw new Error(`the ranker returned ${scores.length} scores for ${part.length} rows`);
    }
    out.set(scores, a);
  }
  return out;
}

function strip(s: ServedMetrics): ProbabilityMetrics {
  const { reliability: _bins, ...metrics } = s;
  return metrics;
}

/** Trains one variant and compares it with the shipped ranker and the truth on the test day. */
export async function retrainAdVariant(
  world: AdWorld,
  specIn: AdVariantSpec,
  opts: RetrainAdVariantOptions,
): Promise<AdVariantResult> {
  const checked = checkVariant(specIn);
  if (!checked.ok) throw new RangeError(checked.message);
  const spec = checked.value;
  const settings = opts.settings ?? BROWSER_RETRAIN;
  const report = opts.onProgress ?? (() => {});
  const t0 = performance.now();
  const pipe = opts.pipeline ?? createFeaturePipeline(world, settings.config.features);
  const split = splitByDay(world);
  const days = windowDays(world, spec.window, settings.windowDays);
  const rate = spec.downsampleRate;
  const kept = downsampleNegatives(
    world.impressions.click,
    rowsOfDays(world, days),
    rate,
    opts.seed,
  );
  const base = settings.config;
  const maxEpochs = base[spec.ranker].maxEpochs;
  const epochs = Math.max(1, Math.min(maxEpochs, Math.floor(settings.exampleBudget / kept.length)));
  const config: AdModelsConfig = {
    ...base,
    dcn: { ...base.dcn, crossLayers: spec.crossLayers },
    calibration: 'platt',
  };

  // Training and evaluation are 0.02–0.8 of the run; the bootstraps the rest.
  const run = await trainAdModels(world, {
    seed: opts.seed,
    config,
    models: [spec.ranker],
    pipeline: pipe,
    trainDays: days,
    downsampleRate: rate,
    epochs,
    drop: spec.drop,
    keepPredictions: true,
    yieldEvery: opts.yieldEvery,
    onProgress: (p) => {
      const fraction = 0.02 + 0.78 * p.fraction;
      if (p.phase !== 'training') {
        report({ label: phaseLabel[p.phase], fraction });
      } else if (p.valLoss !== undefined) {
        report({
          label: `Epoch ${p.epoch} done: validation loss ${p.valLoss.toFixed(4)}`,
          fraction,
          valLoss: p.valLoss,
        });
      } else {
        report({
          label: `Training: epoch ${p.epoch} of ${epochs}, batch ${p.batch}/${p.batches}`,
          fraction,
          loss: p.loss,
        });
      }
    },
  });
  const m = run.models[spec.ranker]!;
  const raw = m.testPredictions!;
  const yTest = labelsOf(world, split.test);
  const eceBins = config.evaluation.eceBins;

  const shippedRaw = opts.shipped.testScores;
  if (shippedRaw.length !== split.test.length) {
    throw new RangeError(
      `The shipped scores cover ${shippedRaw.length} rows; the test day has ${split.test.length}.`,
    );
  }
  const shippedServed = opts.shipped.calibration.applyAll(shippedRaw);

  report({ label: 'Bootstrapping the AUC differences', fraction: 0.85 });
  const units = Array.from({ length: split.test.length }, (_, r) => r);
  const boot = { seed: opts.seed + 101, resamples: settings.resamples };
  const bayesProbs = Float32Array.from(trueProbabilities(world, split.test));
  // One set of resamples for both references: each resample's variant AUC is computed once.
  const [vsShipped, vsBayes] = pairedBootstrapMetricDiffs(
    units,
    resampleAuc(yTest, raw),
    [resampleAuc(yTest, shippedRaw), resampleAuc(yTest, bayesProbs)],
    boot,
  ) as [PairedBootstrapResult, PairedBootstrapResult];

  const calibration = spec.recalibrate
    ? (({ method: _m, ...c }) => c)(m.calibration)
    : adCalibration(1, identityCalibrator).toJSON();
  const served = spec.recalibrate ? m.test.calibrated : m.test.raw;
  report({ label: 'Done', fraction: 1 });
  return {
    spec,
    label: variantLabel(spec),
    worldSeed: world.options.seed,
    modelSeed: opts.seed,
    split: testDayLabel(world.options.seed, split.testDay),
    trainDays: days,
    trainRows: run.split.trainRows,
    trainRowsKept: run.split.trainRowsKept,
    testRows: split.test.length,
    groups: m.groups,
    parameters: m.parameters,
    epochsAllowed: epochs,
    history: m.training.history,
    bestEpoch: m.training.bestEpoch,
    served,
    stages: {
      raw: strip(m.test.raw),
      recalibrated: strip(m.test.recalibrated),
      calibrated: strip(m.test.calibrated),
    },
    shipped: { ...stage(yTest, shippedServed, eceBins), label: opts.shipped.label },
    bayes: run.bayes.optimal,
    vsShipped,
    vsBayes,
    onnx: m.onnx!,
    onnxOutput: m.onnxOutput,
    calibration,
    calibrationMethod: spec.recalibrate ? 'platt' : 'identity',
    inputs: m.inputs,
    modelConfig: m.config,
    ...(opts.keepPredictions ? { testPredictions: raw } : {}),
    seconds: { train: m.training.seconds, total: (performance.now() - t0) / 1000 },
  };
}

const phaseLabel = {
  features: 'Building the feature tables',
  training: 'Training',
  calibrating: 'Calibrating on the calibration day',
  evaluating: 'Evaluating on the test day',
  exporting: 'Exporting to ONNX',
} as const;
