/**
 * The training loop (early stopping, best-weight restore, progress, abort, no tensor leaks)
 * and that the ranking models learn planted signals.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { initTfNode } from './backend.node.js';
import { numRows, splitTable, type DataTable } from './data';
import { createDcn, type DcnConfig } from './dcn';
import { createLogReg } from './logreg';
import { rocAuc } from '../metrics';
import { createMlpModel } from './mlp';
import { disposeModel } from './model';
import { evaluateLoss, predictArrays } from './predict';
import { fit, type Progress } from './train';

beforeAll(async () => {
  expect((await initTfNode()).backend).toBe('wasm');
});

/** Rows x ~ N(0, I) with label 1 when w·x + noise > 0: a planted linear signal. */
function linearData(n: number, dim: number, seed: number, noise = 0.3): DataTable {
  const rng = createRng(seed);
  const w = Array.from({ length: dim }, (_, i) => (i % 2 === 0 ? 1 : -0.5));
  const x = new Float32Array(n * dim);
  const label = new Float32Array(n);
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += w[j]! * (x[r * dim + j] = rng.normal());
    label[r] = s + noise * rng.normal() > 0 ? 1 : 0;
  }
  return { features: { data: x, width: dim }, label };
}

describe('fit', () => {
  it('stops early after `patience` bad epochs and restores the best weights', async () => {
    // Few rows, random labels, large steps: validation loss must turn up (overfitting).
    const rng = createRng(9);
    const noise = (n: number): DataTable => ({
      features: { data: Float32Array.from({ length: n * 6 }, () => rng.normal()), width: 6 },
      label: Float32Array.from({ length: n }, () => (rng.next() < 0.5 ? 1 : 0)),
    });
    const model = createMlpModel({ inputDim: 6, hidden: [64, 64], task: 'binary', seed: 1 });
    const validation = noise(200);
    const result = await fit(model, noise(40), {
      epochs: 60,
      batchSize: 8,
      learningRate: 0.02,
      validation,
      patience: 3,
    });
    expect(result.stoppedEarly).toBe(true);
    expect(result.history.length).toBe(result.bestEpoch + 3);
    const valLosses = result.history.map((h) => h.valLoss!);
    expect(Math.min(...valLosses)).toBe(result.bestValLoss);
    // The model now holds the best epoch's weights: same validation loss, bit for bit.
    expect(evaluateLoss(model, validation, 8)).toBe(valLosses[result.bestEpoch - 1]);
    expect(evaluateLoss(model, validation, 8)).toBeLessThan(valLosses[valLosses.length - 1]!);
    disposeModel(model);
  });

  it('reports progress per batch, honours abort, and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    const model = createLogReg({ inputDim: 5, seed: 2 });
    const data = linearData(100, 5, 3);
    const seen: Progress[] = [];
    const controller = new AbortController();
    const result = await fit(model, data, {
      epochs: 3,
      batchSize: 32,
      onProgress: (p) => {
        seen.push(p);
        if (p.epoch === 2 && p.batch === 2) controller.abort();
      },
      signal: controller.signal,
      yieldEvery: 1,
    });
    expect(seen.slice(0, 4).map((p) => [p.epoch, p.batch, p.batches])).toEqual([
      [1, 1, 4],
      [1, 2, 4],
      [1, 3, 4],
      [1, 4, 4],
    ]);
    expect(seen.every((p) => Number.isFinite(p.loss) && p.examplesPerSec > 0)).toBe(true);
    expect(result.aborted).toBe(true);
    expect(seen.length).toBe(6);
    disposeModel(model);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('splits validation rows reproducibly from the seed', () => {
    const data = linearData(50, 2, 4);
    const a = splitTable(data, 0.2, createRng(1));
    const b = splitTable(data, 0.2, createRng(1));
    expect(numRows(a.validation)).toBe(10);
    expect(a.validation.label).toEqual(b.validation.label);
    expect(numRows(a.train) + numRows(a.validation)).toBe(50);
  });
});

describe('models learn planted signals', () => {
  it('logistic regression separates a linear signal (held-out AUC > 0.9)', async () => {
    const model = createLogReg({ inputDim: 8, l2: 1e-4, seed: 3 });
    await fit(model, linearData(2000, 8, 5), { epochs: 5, batchSize: 64, learningRate: 0.05 });
    const test = linearData(500, 8, 6);
    const p = predictArrays(model, test).probability!;
    expect(rocAuc(test.label as Float32Array, p.data)).toBeGreaterThan(0.9);
    disposeModel(model);
  });

  it('multiclass MLP learns an XOR-like rule a linear model cannot', async () => {
    const rng = createRng(7);
    const make = (n: number): DataTable => {
      const x = new Float32Array(n * 2);
      const label = new Int32Array(n);
      for (let r = 0; r < n; r++) {
        const a = (x[2 * r] = rng.next() * 2 - 1);
        const b = (x[2 * r + 1] = rng.next() * 2 - 1);
        label[r] = (a > 0 ? 1 : 0) + (b > 0 ? 1 : 0); // 3 classes, not linearly separable
      }
      return { features: { data: x, width: 2 }, label };
    };
    const model = createMlpModel({
      inputDim: 2,
      hidden: [32, 32],
      task: 'multiclass',
      numClasses: 3,
      seed: 8,
    });
    await fit(model, make(3000), { epochs: 8, batchSize: 64, learningRate: 0.01 });
    const test = make(500);
    const probs = predictArrays(model, test).output!;
    let correct = 0;
    for (let r = 0; r < 500; r++) {
      const row = Array.from(probs.data.subarray(r * 3, r * 3 + 3));
      if (row.indexOf(Math.max(...row)) === (test.label as Int32Array)[r]) correct++;
    }
    expect(correct / 500).toBeGreaterThan(0.85);
    disposeModel(model);
  });

  it('DCN-V2 learns a click rule that needs a feature cross, and the watch-time head', async () => {
    // Click iff (category == user's favourite) — an interaction of two id fields — plus noise;
    // watch time grows with a dense feature on clicks.
    const rng = createRng(11);
    const favourite = Int32Array.from({ length: 50 }, () => rng.int(10));
    const make = (n: number): DataTable => {
      const user = new Int32Array(n);
      const category = new Int32Array(n);
      const dense = new Float32Array(n * 2);
      const click = new Float32Array(n);
      const target = new Float32Array(n);
      for (let r = 0; r < n; r++) {
        user[r] = rng.int(50);
        category[r] = rng.next() < 0.4 ? favourite[user[r]!]! : rng.int(10);
        dense[2 * r] = rng.normal();
        dense[2 * r + 1] = rng.normal();
        const match = category[r] === favourite[user[r]!];
        click[r] = rng.next() < (match ? 0.85 : 0.1) ? 1 : 0;
        target[r] = click[r] ? Math.exp(2 + 0.8 * dense[2 * r]!) : 0;
      }
      return { user, category, dense: { data: dense, width: 2 }, click, target };
    };
    const config: DcnConfig = {
      fields: [
        { name: 'user', vocabSize: 50, dim: 8 },
        { name: 'category', vocabSize: 10, dim: 4 },
      ],
      denseDim: 2,
      crossLayers: 2,
      deep: { units: [32, 16] },
      regressionLoss: 'huber',
      seed: 12,
    };
    const model = createDcn(config);
    const test = make(1000);
    const initialLoss = evaluateLoss(model, test, 256);
    await fit(model, make(6000), { epochs: 6, batchSize: 128, learningRate: 0.01 });
    expect(evaluateLoss(model, test, 256)).toBeLessThan(0.5 * initialLoss);
    const out = predictArrays(model, test);
    expect(rocAuc(test.click as Float32Array, out.click_prob!.data)).toBeGreaterThan(0.8);
    // Regression head on log1p scale tracks the dense feature: correlation with the truth.
    const truth = Array.from(test.target as Float32Array, Math.log1p);
    const pred = Array.from(out.regression!.data);
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const [mt, mp] = [mean(truth), mean(pred)];
    const cov = mean(truth.map((t, i) => (t - mt) * (pred[i]! - mp)));
    const sd = (v: number[], m: number) => Math.sqrt(mean(v.map((x) => (x - m) ** 2)));
    expect(cov / (sd(truth, mt) * sd(pred, mp))).toBeGreaterThan(0.7);
    disposeModel(model);
  });
});
