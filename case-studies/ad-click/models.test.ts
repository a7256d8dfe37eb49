/**
 * The modelling layer on a small world: determinism, DCN-V2 against a logistic regression
 * without crosses, calibration, downsampling correction and ONNX parity of the trained DCN-V2.
 */
import * as ort from 'onnxruntime-web';
import { beforeAll, describe, expect, it } from 'vitest';
import { rocAuc } from '@/lib/metrics';
import { initTfNode } from '../../lib/ml/backend.node.js';
import { adCalibrationFromJson } from './calibration';
import {
  DEFAULT_GROUPS,
  createFeaturePipeline,
  splitByDay,
  type FeaturePipeline,
} from './features';
import {
  DEFAULT_AD_MODELS_CONFIG,
  resampleAuc,
  stalenessCurve,
  thinCurve,
  trainAdModels,
  type AdModelsConfig,
  type AdModelsResult,
} from './models';
import { generateWorld, type AdWorld } from './world';

/**
 * A small world with the planted crosses at twice their default strength, so that on a fifth of
 * the default data a model that learns crosses is clearly better than one that cannot.
 */
const WORLD = {
  seed: 5,
  days: 7,
  impressionsPerDay: 20_000,
  numUsers: 5_000,
  numAds: 400,
  crossStrength: { ageCategory: 2, deviceFormat: 2, hourPlacement: 2, interestCategory: 2 },
};

/** A quick configuration: small embeddings, few epochs, a short bootstrap. */
const TEST_CONFIG: AdModelsConfig = {
  ...DEFAULT_AD_MODELS_CONFIG,
  name: 'test',
  dcn: { ...DEFAULT_AD_MODELS_CONFIG.dcn, embeddingDim: 12, maxEpochs: 10, batchSize: 256 },
  mlp: { ...DEFAULT_AD_MODELS_CONFIG.mlp, maxEpochs: 4 },
  lr: { ...DEFAULT_AD_MODELS_CONFIG.lr, learningRate: 0.01, maxEpochs: 20, batchSize: 256 },
  evaluation: {
    eceBins: 10,
    curvePoints: 100,
    bootstrapResamples: 100,
    bootstrapVsBayes: false,
    userEffectOracle: false,
  },
};

/** LR on the raw fields only: no hand-made crosses. */
const LR_RAW = DEFAULT_GROUPS.lr.filter((g) => g !== 'crosses');

let world: AdWorld;
let pipe: FeaturePipeline;
let run: AdModelsResult;

beforeAll(async () => {
  expect((await initTfNode()).backend).toBe('wasm');
  ort.env.wasm.numThreads = 1;
  world = generateWorld(WORLD);
  pipe = createFeaturePipeline(world);
  run = await trainAdModels(world, {
    seed: 3,
    config: TEST_CONFIG,
    groups: { lr: LR_RAW },
    models: ['dcn', 'lr'],
    pipeline: pipe,
    keepPredictions: true,
  });
}, 120_000);

/** The result without wall-clock times (everything else must repeat exactly). */
function withoutTimes(r: AdModelsResult): unknown {
  return JSON.parse(
    JSON.stringify(r, (k, v: unknown) =>
      k === 'timings' || k === 'seconds' || k === 'examplesPerSec'
        ? undefined
        : v instanceof Uint8Array || v instanceof Float32Array
          ? Array.from(v)
          : v,
    ),
  );
}

describe('trainAdModels', () => {
  it('is deterministic for a seed, and another seed gives other models', async () => {
    const again = await trainAdModels(world, {
      seed: 3,
      config: TEST_CONFIG,
      groups: { lr: LR_RAW },
      models: ['dcn', 'lr'],
      pipeline: pipe,
      keepPredictions: true,
    });
    expect(withoutTimes(again)).toEqual(withoutTimes(run));
    expect(again.models.dcn!.onnx).toEqual(run.models.dcn!.onnx);
    const other = await trainAdModels(world, {
      seed: 4,
      config: TEST_CONFIG,
      models: ['lr'],
      groups: { lr: LR_RAW },
      exportOnnx: false,
      pipeline: pipe,
      keepPredictions: true,
    });
    expect(other.models.lr!.testPredictions).not.toEqual(run.models.lr!.testPredictions);
  }, 120_000);

  it('DCN-V2 beats logistic regression on the raw fields clearly (it learns the crosses)', () => {
    const d = run.dcnVsLr!;
    console.log(
      `ad-click small world: AUC DCN-V2 ${d.a.toFixed(4)}, LR raw ${d.b.toFixed(4)}, diff ${d.estimate.toFixed(4)} [${d.lower.toFixed(4)}, ${d.upper.toFixed(4)}]; ECE calibrated DCN ${run.models.dcn!.test.calibrated.ece.toFixed(4)}, LR ${run.models.lr!.test.calibrated.ece.toFixed(4)}`,
    );
    expect(run.models.lr!.groups).not.toContain('crosses');
    expect(run.models.dcn!.groups).not.toContain('crosses');
    expect(d.estimate).toBeGreaterThan(0.01);
    expect(d.lower).toBeGreaterThan(0); // paired bootstrap 95% CI excludes 0
    // Neither reaches the world's Bayes-optimal AUC on the same rows.
    expect(run.models.dcn!.test.raw.auc).toBeLessThan(run.bayes.optimal.auc);
  });

  it('negative control: without cross layers (an additive model) DCN-V2 gains nothing clear', async () => {
    const additive = await trainAdModels(world, {
      seed: 3,
      config: {
        ...TEST_CONFIG,
        dcn: { ...TEST_CONFIG.dcn, crossLayers: 0, deep: [] },
        evaluation: { ...TEST_CONFIG.evaluation, bootstrapResamples: 10 },
      },
      groups: { lr: LR_RAW },
      models: ['dcn', 'lr'],
      exportOnnx: false,
      pipeline: pipe,
    });
    expect(additive.dcnVsLr!.estimate).toBeLessThan(0.01);
    expect(additive.dcnVsLr!.estimate).toBeLessThan(run.dcnVsLr!.estimate - 0.02);
  }, 60_000);

  it('undoing the downsampling brings the mean prediction back to the base rate', () => {
    const rate = run.config.downsampleRate;
    expect(rate).toBeLessThan(1);
    const [dcn, lr] = [run.models.dcn!, run.models.lr!];
    // Trained on ~10% of the negatives, the raw models predict several times the real CTR.
    for (const m of [dcn, lr]) expect(m.test.raw.calibrationRatio).toBeGreaterThan(3);
    // The correction is exact for a model that fits its training days without overfitting: LR.
    expect(Math.abs(lr.test.recalibrated.calibrationRatio - 1)).toBeLessThan(0.15);
    // DCN-V2 with id embeddings overfits a world this small and still overpredicts on a later
    // day; the calibrator fitted on the held-out day is what repairs it.
    expect(Math.abs(dcn.test.calibrated.calibrationRatio - 1)).toBeLessThan(0.1);
  });

  it('a calibrator fit on the calibration day alone repairs the downsampled scale (no re-calibration)', async () => {
    const without = await trainAdModels(world, {
      seed: 3,
      config: TEST_CONFIG,
      groups: { lr: LR_RAW },
      models: ['lr'],
      recalibrate: false,
      exportOnnx: false,
      pipeline: pipe,
    });
    const lr = without.models.lr!;
    expect(lr.calibration.negativeRate).toBe(1);
    expect(lr.test.raw.ece).toBeGreaterThan(0.05);
    expect(lr.test.calibrated.ece).toBeLessThan(0.012);
    expect(Math.abs(lr.test.calibrated.calibrationRatio - 1)).toBeLessThan(0.15);
  }, 60_000);

  it('calibration on the calibration day brings ECE down on the test day', () => {
    for (const m of [run.models.dcn!, run.models.lr!]) {
      expect(m.test.raw.ece).toBeGreaterThan(0.05);
      expect(m.test.calibrated.ece).toBeLessThan(m.test.raw.ece / 5);
      expect(m.test.calibrated.ece).toBeLessThan(0.012);
      // Platt keeps the order of the scores, so AUC does not move.
      expect(m.test.calibrated.auc).toBeCloseTo(m.test.raw.auc, 4);
      // The serving JSON reproduces the calibrated predictions exactly.
      const serving = adCalibrationFromJson(JSON.parse(JSON.stringify(m.calibration)));
      const calibrated = serving.applyAll(m.testPredictions!);
      let mean = 0;
      for (const p of calibrated) mean += p / calibrated.length;
      expect(mean).toBeCloseTo(m.test.calibrated.meanPredicted, 6);
      expect(m.test.roc.length).toBeLessThanOrEqual(TEST_CONFIG.evaluation.curvePoints);
      expect(m.test.pr.length).toBeLessThanOrEqual(TEST_CONFIG.evaluation.curvePoints);
    }
  });

  it('exports a DCN-V2 whose ONNX output matches TF.js on the test day', async () => {
    const dcn = run.models.dcn!;
    const test = splitByDay(world).test;
    const table = pipe.dcn(test, { groups: dcn.config.groups }).table;
    const session = await ort.InferenceSession.create(dcn.onnx!, { executionProviders: ['wasm'] });
    const feeds: Record<string, ort.Tensor> = {};
    for (const f of dcn.inputs.fields!) {
      feeds[`${f.name}_id`] = new ort.Tensor('int32', table[f.name] as Int32Array, [test.length]);
    }
    const dense = table.dense as { data: Float32Array; width: number };
    feeds.dense = new ort.Tensor('float32', dense.data, [test.length, dense.width]);
    const out = (await session.run(feeds))[dcn.onnxOutput]!.data as Float32Array;
    await session.release();
    const tfjs = dcn.testPredictions!;
    expect(out.length).toBe(tfjs.length);
    let worst = 0;
    for (let i = 0; i < out.length; i++) worst = Math.max(worst, Math.abs(out[i]! - tfjs[i]!));
    console.log(`ad-click DCN-V2 ONNX parity on ${out.length} test rows: max |diff| = ${worst}`);
    expect(worst).toBeLessThanOrEqual(1e-4);
  });
});

describe('resampleAuc', () => {
  it('equals rocAuc on the resampled rows, ties included', () => {
    const labels = Uint8Array.from([1, 0, 0, 1, 0, 1, 0, 0]);
    const scores = Float32Array.from([0.9, 0.9, 0.2, 0.5, 0.5, 0.1, 0.7, 0.3]);
    const auc = resampleAuc(labels, scores);
    for (const sample of [
      [0, 1, 2, 3, 4, 5, 6, 7],
      [0, 0, 1, 3, 4, 4, 7, 2],
      [5, 5, 5, 1, 6, 6, 3, 0],
    ]) {
      const y = sample.map((r) => labels[r]!);
      const p = sample.map((r) => scores[r]!);
      expect(auc(sample)).toBeCloseTo(rocAuc(y, p), 12);
    }
    expect(auc([1, 2, 4])).toBeNaN();
  });
});

describe('stalenessCurve', () => {
  it('scores a stale and a daily-retrained LR on every later day', async () => {
    const lr = { ...TEST_CONFIG.lr, maxEpochs: 4 };
    const s = await stalenessCurve(world, { seed: 3, pipeline: pipe, config: lr, window: 2 });
    expect(s.staleTrainDays).toEqual([1, 2]);
    expect(s.points.map((p) => p.day)).toEqual([3, 4, 5, 6]);
    // On the first later day both models are the same model.
    expect(s.points[0]!.retrained).toBe(s.points[0]!.stale);
    for (const p of s.points) {
      for (const v of [p.stale, p.retrained]) {
        expect(v).toBeGreaterThan(0.6);
        expect(v).toBeLessThan(p.bayes + 0.02);
      }
    }
    await expect(
      stalenessCurve(world, { seed: 3, pipeline: pipe, first: 5, window: 2 }),
    ).rejects.toThrow(RangeError);
  }, 120_000);
});

describe('thinCurve', () => {
  it('keeps the ends and at most max points, evenly along the coordinate', () => {
    const pts = Array.from({ length: 1001 }, (_, i) => ({ x: (i / 1000) ** 2 }));
    const thin = thinCurve(pts, (p) => p.x, 11);
    expect(thin.length).toBeLessThanOrEqual(11);
    expect(thin[0]).toBe(pts[0]);
    expect(thin[thin.length - 1]).toBe(pts[1000]);
    expect(thin.map((p) => Math.round(p.x * 10) / 10)).toEqual([
      0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1,
    ]);
    expect(thinCurve(pts.slice(0, 5), (p) => p.x, 11)).toEqual(pts.slice(0, 5));
  });
});
