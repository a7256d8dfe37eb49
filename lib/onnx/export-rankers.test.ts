/**
 * Parity of the ranking exports (DCN-V2 multi-task ranker, MLP in its three tasks, logistic
 * regression): TF.js and onnxruntime-web agree to max |diff| ≤ 1e-4 after a few training steps,
 * and a deliberately wrong weight is caught (negative control).
 */
import * as ort from 'onnxruntime-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initTfNode } from '../ml/backend.node.js';
import type { DataTable } from '../ml/data';
import { createDcn, type DcnConfig } from '../ml/dcn';
import { createLogReg } from '../ml/logreg';
import { createMlpModel, type MlpConfig } from '../ml/mlp';
import { disposeModel, extractWeights } from '../ml/model';
import { fit } from '../ml/train';
import { exportDcnRanker } from './export-dcn';
import { exportLogReg, exportMlp } from './export-mlp';
import { diffs, expectParity, ids, measureParity, normals, rng } from './parity-harness';

beforeAll(async () => {
  expect((await initTfNode()).backend).toBe('wasm');
  ort.env.wasm.numThreads = 1;
});

afterAll(() => {
  // Printed so the measured parity is visible in the test log, not just pass/fail.
  console.log('ONNX parity, max |TF.js − ORT| per output:', diffs);
});

describe('DCN-V2 ranker', () => {
  const variants: [string, Partial<DcnConfig>][] = [
    ['two fields + dense', {}],
    [
      'one field, no dense',
      { fields: [{ name: 'item', vocabSize: 30, dim: 6 }], denseDim: 0, crossLayers: 1 },
    ],
  ];
  for (const [label, override] of variants) {
    it(`click_prob and regression match (${label})`, async () => {
      const config: DcnConfig = {
        fields: [
          { name: 'user', vocabSize: 25, dim: 6 },
          { name: 'item', vocabSize: 30, dim: 4 },
        ],
        denseDim: 3,
        crossLayers: 2,
        deep: { units: [16, 8] },
        regressionLoss: 'huber',
        seed: 41,
        ...override,
      };
      const model = createDcn(config);
      const make = (b: number): DataTable => {
        const t: DataTable = {};
        for (const f of config.fields) t[f.name] = ids(b, f.vocabSize);
        if (config.denseDim > 0)
          t.dense = { data: normals(b * config.denseDim), width: config.denseDim };
        return t;
      };
      const train = make(256);
      train.click = Float32Array.from({ length: 256 }, () => (rng.next() < 0.3 ? 1 : 0));
      train.target = Float32Array.from({ length: 256 }, () => rng.next() * 100);
      await fit(model, train, { epochs: 2, batchSize: 32, learningRate: 0.01 });
      const inputs: Record<string, string> = Object.fromEntries(
        config.fields.map((f) => [f.name, `${f.name}_id`]),
      );
      if (config.denseDim > 0) inputs.dense = 'dense';
      await expectParity(
        'dcn',
        model,
        exportDcnRanker(config, extractWeights(model)),
        make,
        inputs,
        ['click_prob', 'regression'],
      );
      disposeModel(model);
    });
  }
});

describe('MLP and logistic regression', () => {
  const dense =
    (dim: number) =>
    (b: number): DataTable => ({ features: { data: normals(b * dim), width: dim } });

  for (const task of ['binary', 'regression', 'multiclass'] as const) {
    it(`MLP (${task}) matches`, async () => {
      const config: MlpConfig = { inputDim: 7, hidden: [16, 8], task, numClasses: 4, seed: 51 };
      const model = createMlpModel(config);
      const train = dense(7)(200);
      train.label =
        task === 'multiclass'
          ? Int32Array.from({ length: 200 }, () => rng.int(4))
          : Float32Array.from({ length: 200 }, () => (rng.next() < 0.5 ? 1 : 0));
      await fit(model, train, { epochs: 2, batchSize: 32, learningRate: 0.01 });
      await expectParity(
        `mlp_${task}`,
        model,
        exportMlp(config, extractWeights(model)),
        dense(7),
        { features: 'features' },
        ['output'],
      );
      disposeModel(model);
    });
  }

  it('logistic regression matches', async () => {
    const config = { inputDim: 9, l2: 1e-3, seed: 61 };
    const model = createLogReg(config);
    const train = dense(9)(200);
    train.label = Float32Array.from({ length: 200 }, () => (rng.next() < 0.5 ? 1 : 0));
    await fit(model, train, { epochs: 2, batchSize: 32, learningRate: 0.05 });
    await expectParity(
      'logreg',
      model,
      exportLogReg(config, extractWeights(model)),
      dense(9),
      { features: 'features' },
      ['probability'],
    );
    disposeModel(model);
  });

  it('detects a wrong weight (negative control for the parity check)', async () => {
    const config = { inputDim: 4, seed: 62 };
    const model = createLogReg(config);
    const weights = extractWeights(model);
    weights['logreg/dense_0/bias']!.data[0]! += 0.05;
    const worst = await measureParity(
      model,
      exportLogReg(config, weights),
      dense(4),
      { features: 'features' },
      ['probability'],
    );
    expect(worst.probability).toBeGreaterThan(1e-3);
    disposeModel(model);
  });
});
