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
  ALL_GROUPS,
  DEFAULT_GROUPS,
  FEATURE_GROUPS,
  createFeaturePipeline,
  downsampleNegatives,
  splitByDay,
  type FeatureGroup,
  type FeaturePipeline,
  type ModelKind,
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
import type { JsonValue, NewModelVersion } from '@/lib/registry/types';
import {
  AD_RANKER_MODEL,
  rankerMetricValues,
  testDayLabel,
  type RankerServingConfig,
} from './ranker-registry';
import { rowsOfDays, trueProbabilities, type AdWorld } from './world';

export type TrainWindow = 'older' | 'latest';

export interface AdVariantSpec {
  ranker: ModelKind;
  /** Cross layers of DCN-V2, 0–3 (ignored by the MLP and LR). */
  crossLayers: number;
  /** Feature groups of the ranker's defaults left out (ablation). */
  drop: FeatureGroup[];
  /** Share of negative training rows kept, (0, 1]. */
  downsampleRate: number;
  /** Undo the downsampling and calibrate on the calibration day; off serves the raw output. */
  recalibrate: boolean;
  /** The earliest days after the warm-up, or the days just before the calibration day. */
  window: TrainWindow;
}

export const DEFAULT_VARIANT: AdVariantSpec = {
  ranker: 'dcn',
  crossLayers: 2,
  drop: [],
  downsampleRate: 0.1,
  recalibrate: true,
  window: 'latest',
};

export const MAX_CROSS_LAYERS = 3;

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
  windowDays: 2,
  exampleBudget: 200_000,
  resamples: 100,
};

/** The spec with its problems named, or the first problem as a sentence. */
export function checkVariant(
  spec: AdVariantSpec,
): { ok: true; value: AdVariantSpec } | { ok: false; message: string } {
  const bad = (message: string) => ({ ok: false as const, message });
  if (!['dcn', 'mlp', 'lr'].includes(spec.ranker)) return bad(`Unknown ranker "${spec.ranker}".`);
  const layers = spec.crossLayers;
  if (!Number.isInteger(layers) || layers < 0 || layers > MAX_CROSS_LAYERS) {
    return bad(`Cross layers must be a whole number from 0 to ${MAX_CROSS_LAYERS}.`);
  }
  const rate = spec.downsampleRate;
  if (!(rate > 0 && rate <= 1)) return bad('The share of negatives kept must be above 0 and ≤ 1.');
  const unknown = spec.drop.find((g) => !ALL_GROUPS.includes(g));
  if (unknown) return bad(`Unknown feature group "${unknown}".`);
  const left = variantGroups(spec);
  if (left.length === 0) return bad('Keep at least one feature group: a model needs some input.');
  if (spec.window !== 'older' && spec.window !== 'latest') {
    return bad(`The training window must be "older" or "latest".`);
  }
  return { ok: true, value: { ...spec, drop: [...new Set(spec.drop)] } };
}

/** The feature groups the variant trains with. */
export function variantGroups(spec: AdVariantSpec): FeatureGroup[] {
  return DEFAULT_GROUPS[spec.ranker].filter((g) => !spec.drop.includes(g));
}

/**
 * Training days of a window in a world of `days` days: after the warm-up day (0), before the
 * calibration and test days (the last two), as splitByDay splits.
 */
export function trainingWindow(days: number, window: TrainWindow, size: number): number[] {
  const trainDays = Array.from({ length: Math.max(0, days - 3) }, (_, k) => 1 + k);
  const n = Math.min(size, trainDays.length);
  return window === 'older' ? trainDays.slice(0, n) : trainDays.slice(trainDays.length - n);
}

/** trainingWindow of a world, checked against its split. */
export function windowDays(world: AdWorld, window: TrainWindow, size: number): number[] {
  const days = trainingWindow(world.options.days, window, size);
  const { trainDays } = splitByDay(world);
  if (days.length === 0 || days.some((d) => !trainDays.includes(d))) {
    throw new RangeError(`This world's ${world.options.days} days leave no training window.`);
  }
  return days;
}

const groupLabel = (g: FeatureGroup) => FEATURE_GROUPS.find((x) => x.id === g)?.label ?? g;
export const daysLabel = (days: readonly number[]) =>
  days.length > 1 ? `days ${days[0]}–${days.at(-1)}` : `day ${days[0]}`;

/** "DCN-V2, 2 cross layers, without Historical CTR; 10% of negatives, re-calibrated; latest days" */
export function variantLabel(spec: AdVariantSpec): string {
  const model =
    spec.ranker === 'dcn'
      ? `DCN-V2, ${spec.crossLayers} cross layer${spec.crossLayers === 1 ? '' : 's'}`
      : spec.ranker === 'mlp'
        ? 'MLP'
        : spec.drop.includes('crosses')
          ? 'LR without crosses'
          : 'LR with hand-made crosses';
  const dropped = spec.drop.filter((g) => !(spec.ranker === 'lr' && g === 'crosses'));
  const without = dropped.length ? `, without ${dropped.map(groupLabel).join(', ')}` : '';
  const rate =
    spec.downsampleRate < 1
      ? `${+(spec.downsampleRate * 100).toFixed(1)}% of negatives, ${spec.recalibrate ? 're-calibrated' : 'not re-calibrated'}`
      : `all negatives, ${spec.recalibrate ? 'calibrated' : 'raw output'}`;
  return `${model}${without}; ${rate}; ${spec.window} days`;
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

/** The registry entry of a trained variant: serving config, recipe and test-day metrics. */
export function variantVersion(r: AdVariantResult, parentId: string | null): NewModelVersion {
  const serving: RankerServingConfig = {
    kind: r.spec.ranker,
    groups: r.groups,
    onnxOutput: r.onnxOutput,
    calibration: r.calibration,
  };
  const config = {
    ...serving,
    calibrationMethod: r.calibrationMethod,
    spec: r.spec,
    model: r.modelConfig,
    inputs: r.inputs,
    world: { seed: r.worldSeed },
    training: {
      days: r.trainDays,
      rows: r.trainRows,
      rowsKept: r.trainRowsKept,
      epochsAllowed: r.epochsAllowed,
      epochs: r.history.length,
      bestEpoch: r.bestEpoch,
    },
  };
  const d = r.vsShipped;
  return {
    name: AD_RANKER_MODEL,
    seed: r.modelSeed,
    config: JSON.parse(JSON.stringify(config)) as JsonValue,
    metrics: {
      split: r.split,
      values: {
        ...rankerMetricValues(r.served),
        'auc − shipped': d.estimate,
        'auc − shipped, 95% lower': d.lower,
        'auc − shipped, 95% upper': d.upper,
      },
    },
    parentId,
    note: `trained in this browser: ${r.label}`,
  };
}

const phaseLabel = {
  features: 'Building the feature tables',
  training: 'Training',
  calibrating: 'Calibrating on the calibration day',
  evaluating: 'Evaluating on the test day',
  exporting: 'Exporting to ONNX',
} as const;

// ---------------------------------------------------------------------------------------------
// The variant in the URL (prefixed keys, so the host page's own settings do not collide)

export const VARIANT_PARAMS = {
  ranker: 'vranker',
  crossLayers: 'vcross',
  drop: 'vdrop',
  downsampleRate: 'vneg',
  recalibrate: 'vrecal',
  window: 'vdays',
} as const;

/** The variant's non-default settings as URL parameters. */
export function variantToParams(spec: AdVariantSpec): Record<string, string> {
  const d = DEFAULT_VARIANT;
  const out: Record<string, string> = {};
  if (spec.ranker !== d.ranker) out[VARIANT_PARAMS.ranker] = spec.ranker;
  if (spec.crossLayers !== d.crossLayers) out[VARIANT_PARAMS.crossLayers] = `${spec.crossLayers}`;
  if (spec.drop.length > 0) out[VARIANT_PARAMS.drop] = spec.drop.join(',');
  if (spec.downsampleRate !== d.downsampleRate) {
    out[VARIANT_PARAMS.downsampleRate] = `${spec.downsampleRate}`;
  }
  if (spec.recalibrate !== d.recalibrate)
    out[VARIANT_PARAMS.recalibrate] = spec.recalibrate ? '1' : '0';
  if (spec.window !== d.window) out[VARIANT_PARAMS.window] = spec.window;
  return out;
}

/**
 * A variant from URL parameters: each missing or bad value falls back to the default, and each
 * bad one is named in `notices`, so a mangled link still opens.
 */
export function variantFromParams(get: (key: string) => string | null): {
  spec: AdVariantSpec;
  notices: string[];
} {
  const notices: string[] = [];
  const spec: AdVariantSpec = { ...DEFAULT_VARIANT, drop: [] };
  const read = <K extends keyof AdVariantSpec>(
    key: K,
    parse: (raw: string) => AdVariantSpec[K] | undefined,
  ) => {
    const raw = get(VARIANT_PARAMS[key]);
    if (raw === null) return;
    const value = parse(raw);
    if (value === undefined)
      notices.push(`Ignored ${VARIANT_PARAMS[key]}=${raw}: not a valid value.`);
    else spec[key] = value;
  };
  read('ranker', (r) => (['dcn', 'mlp', 'lr'] as const).find((k) => k === r));
  read('crossLayers', (r) => {
    const n = Number(r);
    return Number.isInteger(n) && n >= 0 && n <= MAX_CROSS_LAYERS ? n : undefined;
  });
  read('downsampleRate', (r) => {
    const n = Number(r);
    return n > 0 && n <= 1 ? n : undefined;
  });
  read('recalibrate', (r) => (r === '1' ? true : r === '0' ? false : undefined));
  read('window', (r) => (r === 'older' || r === 'latest' ? r : undefined));
  read('drop', (r) => {
    const groups = r.split(',').filter(Boolean) as FeatureGroup[];
    return groups.every((g) => DEFAULT_GROUPS[spec.ranker].includes(g)) ? groups : undefined;
  });
  const checked = checkVariant(spec);
  if (!checked.ok) {
    notices.push(`Ignored the link's variant: ${checked.message}`);
    return { spec: { ...DEFAULT_VARIANT }, notices };
  }
  return { spec: checked.value, notices };
}
