/**
 * Training what-ifs on a small world (planted crosses at twice their strength, so a fifth of the
 * data shows the effects): determinism, the hand-made crosses' worth, downsampling with and
 * without re-calibration, and ONNX parity. The "shipped" ranker of a run is another run's ONNX
 * export served by onnxruntime-web. Then the real shipped DCN-V2 through the registry, on the
 * default world, against the figures in metrics.json.
 */
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityCalibrator } from '@/lib/calibration';
import { rocAuc } from '@/lib/metrics';
import type { Ort } from '@/lib/runtime/engine';
import { initTfNode } from '../../lib/ml/backend.node.js';
import { memoryBlobStore } from '../../lib/registry/blob-store';
import { createRegistry } from '../../lib/registry/registry';
import { adCalibration, adCalibrationFromJson } from './calibration';
import { createFeaturePipeline, splitByDay, type FeaturePipeline } from './features';
import { BROWSER_AD_MODELS_CONFIG, labelsOf } from './models';
import type { AdRanker } from './pipeline';
import {
  AD_RANKER_MODEL,
  AD_RANKER_PART,
  ortAdRanker,
  rankerServingConfig,
  registerAndServe,
  variantVersion,
  shippedAdRankerManifest,
} from './serving';
import {
  retrainAdVariant,
  scoreLogRows,
  shippedReference,
  windowDays,
  type AdRetrainSettings,
  type AdVariantResult,
} from './retrain';
import {
  DEFAULT_VARIANT,
  checkVariant,
  variantFromParams,
  variantLabel,
  variantToParams,
  type AdVariantSpec,
} from './variant';
import { generateWorld, type AdWorld } from './world';

const WORLD = {
  seed: 5,
  days: 7,
  impressionsPerDay: 20_000,
  numUsers: 5_000,
  numAds: 400,
  crossStrength: { ageCategory: 2, deviceFormat: 2, hourPlacement: 2, interestCategory: 2 },
};
const SETTINGS: AdRetrainSettings = {
  config: {
    ...BROWSER_AD_MODELS_CONFIG,
    dcn: { ...BROWSER_AD_MODELS_CONFIG.dcn, batchSize: 256 },
    lr: { ...BROWSER_AD_MODELS_CONFIG.lr, batchSize: 256 },
  },
  windowDays: 3,
  exampleBudget: 60_000,
  resamples: 100,
};
const LR: AdVariantSpec = { ...DEFAULT_VARIANT, ranker: 'lr', downsampleRate: 0.2 };
const LR_NO_CROSSES: AdVariantSpec = { ...LR, drop: ['crosses'] };
const DCN: AdVariantSpec = { ...DEFAULT_VARIANT, crossLayers: 1, downsampleRate: 0.2 };

/** Every ad equally likely to be clicked: AUC 0.5. */
const constant: AdRanker = {
  kind: 'lr',
  groups: ['ad'],
  score: (input) => new Float32Array(input.data.rows.length).fill(0.02),
  calibration: adCalibration(1, identityCalibrator),
};

let world: AdWorld;
let pipe: FeaturePipeline;
const train = async (spec: AdVariantSpec, shipped: AdRanker, keepPredictions = false) =>
  retrainAdVariant(world, spec, {
    seed: 3,
    settings: SETTINGS,
    pipeline: pipe,
    shipped: await shippedReference(world, pipe, shipped, 'the reference'),
    keepPredictions,
  });
const served = async (r: AdVariantResult) =>
  ortAdRanker(ort as unknown as Ort, r.onnx, rankerServingConfig(variantVersion(r, null).config));

beforeAll(async () => {
  expect((await initTfNode()).backend).toBe('wasm');
  ort.env.wasm.numThreads = 1;
  world = generateWorld(WORLD);
  pipe = createFeaturePipeline(world);
});

describe('checkVariant and windows', () => {
  it('names what is wrong with a spec', () => {
    expect(checkVariant(DEFAULT_VARIANT).ok).toBe(true);
    const bad = (s: Partial<AdVariantSpec>) => {
      const r = checkVariant({ ...DEFAULT_VARIANT, ...s });
      return r.ok ? '' : r.message;
    };
    expect(bad({ crossLayers: 4 })).toMatch(/0 to 3/);
    expect(bad({ downsampleRate: 0 })).toMatch(/above 0/);
    expect(bad({ drop: ['nope' as never] })).toMatch(/Unknown feature group/);
    expect(
      bad({
        ranker: 'mlp',
        drop: ['user', 'interests', 'ad', 'context', 'position', 'counters', 'history'],
      }),
    ).toMatch(/at least one/);
  });

  it('older and latest windows are the first and last training days', () => {
    expect(windowDays(world, 'older', 2)).toEqual([1, 2]);
    expect(windowDays(world, 'latest', 2)).toEqual([3, 4]);
    expect(windowDays(world, 'latest', 9)).toEqual([1, 2, 3, 4]);
    expect(variantLabel(LR_NO_CROSSES)).toMatch(
      /^LR without crosses; 20% of negatives, re-calibrated/,
    );
  });
});

describe('retrainAdVariant', () => {
  let lr: AdVariantResult;
  let raw: AdVariantResult;
  let noCrosses: AdVariantResult;
  beforeAll(async () => {
    noCrosses = await train(LR_NO_CROSSES, constant);
    const reference = await served(noCrosses);
    lr = await train(LR, reference.ranker);
    raw = await train({ ...LR, recalibrate: false }, reference.ranker);
    await reference.release();
  }, 120_000);

  it('the hand-made crosses are worth AUC: dropping them loses it, with a CI above 0', () => {
    expect(lr.groups).toContain('crosses');
    expect(noCrosses.groups).not.toContain('crosses');
    expect(lr.served.auc).toBeGreaterThan(noCrosses.served.auc + 0.01);
    // "Shipped" here is the model without crosses, served from its ONNX export.
    expect(lr.shipped.auc).toBeCloseTo(noCrosses.served.auc, 4);
    expect(lr.vsShipped.lower).toBeGreaterThan(0);
    expect(noCrosses.vsShipped.estimate).toBeGreaterThan(0.1); // against AUC 0.5
    expect(lr.vsBayes.estimate).toBeLessThan(0);
    expect(lr.bayes.auc).toBeGreaterThan(lr.served.auc);
  });

  it('downsampling without re-calibration over-predicts; re-calibration fixes it', () => {
    expect(raw.trainRowsKept).toBeLessThan(raw.trainRows * 0.3);
    expect(raw.served.calibrationRatio).toBeGreaterThan(2.5);
    expect(raw.served.ece).toBeGreaterThan(5 * lr.served.ece);
    expect(Math.abs(lr.served.calibrationRatio - 1)).toBeLessThan(0.2);
    // Same training, other serving: the ranking is the same, the probabilities are not.
    expect(raw.served.auc).toBeCloseTo(lr.served.auc, 6);
    expect(raw.calibration).toEqual({ negativeRate: 1, calibrator: { kind: 'identity' } });
    expect(adCalibrationFromJson(lr.calibration).negativeRate).toBe(0.2);
  });

  it('spends the example budget: more rows, fewer epochs', () => {
    expect(lr.epochsAllowed).toBe(Math.min(10, Math.floor(60_000 / lr.trainRowsKept)));
    expect(lr.history.length).toBeLessThanOrEqual(lr.epochsAllowed);
  });
});

describe('a DCN-V2 variant', () => {
  let first: AdVariantResult;
  let second: AdVariantResult;
  beforeAll(async () => {
    first = await train(DCN, constant, true);
    const reference = await served(first);
    second = await train(DCN, reference.ranker, true);
    await reference.release();
  }, 180_000);

  it('is deterministic for a seed', () => {
    expect(second.history.map((h) => h.trainLoss)).toEqual(first.history.map((h) => h.trainLoss));
    expect(second.served).toEqual(first.served);
    expect(second.stages).toEqual(first.stages);
    expect(Array.from(second.onnx)).toEqual(Array.from(first.onnx));
  });

  it('its ONNX export scores like TF.js (to 1e-4), so "shipped" equals itself', async () => {
    const reference = await served(first);
    const onnx = await scoreLogRows(reference.ranker, pipe, splitByDay(world).test);
    await reference.release();
    const tfjs = first.testPredictions!;
    let max = 0;
    for (let i = 0; i < tfjs.length; i++) max = Math.max(max, Math.abs(onnx[i]! - tfjs[i]!));
    expect(max).toBeLessThan(1e-4);
    expect(Math.abs(second.vsShipped.estimate)).toBeLessThan(1e-4);
    expect(second.shipped.calibrationRatio).toBeCloseTo(second.served.calibrationRatio, 3);
  });

  it('a registered variant is a servable version of the ranker', async () => {
    const registry = createRegistry(memoryBlobStore());
    const v = await registry.register(variantVersion(first, null), {
      [AD_RANKER_PART]: first.onnx,
    });
    expect(v).toMatchObject({ name: AD_RANKER_MODEL, version: 1, source: 'browser' });
    expect(v.metrics.values.auc).toBeCloseTo(first.served.auc, 9);
    const serving = rankerServingConfig(v.config);
    expect(serving).toMatchObject({ kind: 'dcn', onnxOutput: 'click_prob', groups: first.groups });
    const bytes = await registry.loadOnnx(v.id, AD_RANKER_PART);
    expect(bytes.ok && bytes.value.byteLength).toBe(first.onnx.byteLength);
    expect(() => rankerServingConfig({ kind: 'svm' })).toThrow(/cannot be served.*kind/);
  });

  it('storage full: saving fails with a clear error and keeps the saved and serving version', async () => {
    const store = memoryBlobStore({}, { quotaBytes: Math.round(first.onnx.byteLength * 1.6) });
    const registry = createRegistry(store);
    const saved = await registerAndServe(registry, variantVersion(first, null), first.onnx);
    await expect(
      registerAndServe(registry, variantVersion(second, saved.id), second.onnx),
    ).rejects.toThrow(/not enough browser storage/);
    expect((await registry.list(AD_RANKER_MODEL)).map((v) => v.id)).toEqual([saved.id]);
    expect((await registry.active(AD_RANKER_MODEL))?.id).toBe(saved.id);
    const bytes = await registry.loadOnnx(saved.id, AD_RANKER_PART);
    expect(bytes.ok).toBe(true);
  });
});

describe('the shipped DCN-V2 as version 1', () => {
  it('is listed from metrics.json and scores the default world like metrics.json says', async () => {
    const dir = 'public/models/ad-click/';
    const metrics = JSON.parse(readFileSync(`${dir}metrics.json`, 'utf8'));
    const onnx = readFileSync(`${dir}dcn.onnx`);
    const registry = createRegistry(memoryBlobStore(), {
      loadShipped: (path) =>
        path === '/models/ad-click/dcn.onnx'
          ? Promise.resolve(new Uint8Array(onnx))
          : Promise.reject(new Error(`no ${path}`)),
    });
    expect(registry.mergeShipped(shippedAdRankerManifest(metrics, onnx.byteLength))).toEqual({
      merged: 1,
      rejected: [],
    });
    const active = (await registry.active(AD_RANKER_MODEL))!;
    expect(active).toMatchObject({ source: 'shipped', version: 1 });
    expect(active.metrics.split).toBe(
      `ad world ${metrics.seed}, test day ${metrics.split.testDay}`,
    );
    const bytes = await registry.loadOnnx(active.id, AD_RANKER_PART);
    if (!bytes.ok) throw new Error(bytes.message);
    const shipped = await ortAdRanker(
      ort as unknown as Ort,
      bytes.value,
      rankerServingConfig(active.config),
    );
    const big = generateWorld({ seed: metrics.seed });
    const test = splitByDay(big).test;
    const scores = await scoreLogRows(shipped.ranker, createFeaturePipeline(big), test);
    await shipped.release();
    expect(rocAuc(labelsOf(big, test), scores)).toBeCloseTo(metrics.models.dcn.test.raw.auc, 4);
    expect(active.metrics.values.auc).toBeCloseTo(metrics.models.dcn.test.raw.auc, 6);
    expect(() => shippedAdRankerManifest({ seed: 1 }, 10)).toThrow(/lacks the DCN-V2/);
  }, 120_000);
});

describe('the variant in the URL', () => {
  const parse = (query: string) => {
    const p = new URLSearchParams(query);
    return variantFromParams((k) => p.get(k));
  };

  it('round-trips a variant, and the default is an empty query', () => {
    expect(variantToParams(DEFAULT_VARIANT)).toEqual({});
    const spec: AdVariantSpec = {
      ranker: 'lr',
      crossLayers: 1,
      drop: ['crosses', 'history'],
      downsampleRate: 0.05,
      recalibrate: false,
      window: 'older',
    };
    const query = new URLSearchParams(variantToParams(spec)).toString();
    expect(parse(query)).toEqual({ spec, notices: [] });
  });

  it('falls back value by value and names what it ignored', () => {
    const r = parse('vranker=svm&vcross=7&vneg=0.2&vdays=latest&vrecal=maybe');
    expect(r.spec).toEqual({ ...DEFAULT_VARIANT, downsampleRate: 0.2 });
    expect(r.notices).toHaveLength(3);
    expect(r.notices[0]).toMatch(/vranker=svm/);
    // Groups that are not the ranker's, or none left at all.
    expect(parse('vranker=dcn&vdrop=crosses').notices[0]).toMatch(/vdrop=crosses/);
    const none = parse(
      'vranker=lr&vdrop=user,interests,ad,context,position,counters,history,crosses',
    );
    expect(none.spec).toEqual(DEFAULT_VARIANT);
    expect(none.notices[0]).toMatch(/at least one feature group/);
  });
});
