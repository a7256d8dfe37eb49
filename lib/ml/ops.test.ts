/**
 * The hand-written gradients (embedding lookup, matMul, in-batch softmax) against TF.js's own
 * autodiff, and the losses and layers against direct formulas, on the WASM backend.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { initTfNode } from './backend.node.js';
import { crossNetwork, createCross, l2Normalize } from './layers';
import { embeddingLookup, LOOKUP_KINDS } from './lookup';
import { bceWithLogits, huber, inBatchSoftmaxLoss } from './losses';
import { matMul } from './matmul';
import { Params } from './params';

function randn(shape: number[], seed: number): tf.Tensor {
  const rng = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: n }, () => rng.normal()),
    shape,
  );
}

function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!);
}

beforeAll(async () => {
  const info = await initTfNode();
  expect(info.backend).toBe('wasm');
  expect(info.fallbackReason).toBeUndefined();
});

describe('embeddingLookup', () => {
  // Repeated ids: the gradient of a repeated row must be the sum of its upstream rows.
  const ids = [3, 0, 3, 7, 3, 1];

  it('forward equals gather and every gradient kind equals the dense one-hot reference', () => {
    const table = randn([8, 4], 1) as tf.Tensor2D;
    const idsT = tf.tensor1d(ids, 'int32');
    const upstream = randn([ids.length, 4], 2);
    // Reference gradient computed on the host: dTable[id] += upstream[row].
    const up = upstream.dataSync();
    const expected = new Float32Array(8 * 4);
    ids.forEach((id, r) => {
      for (let k = 0; k < 4; k++) expected[id * 4 + k]! += up[r * 4 + k]!;
    });
    for (const kind of LOOKUP_KINDS) {
      const out = embeddingLookup(table, idsT, kind);
      expect(maxAbsDiff(out, tf.gather(table, idsT))).toBe(0);
      const grad = tf.grad((t: tf.Tensor) =>
        tf.sum(tf.mul(embeddingLookup(t as tf.Tensor2D, idsT, kind), upstream)),
      );
      const g = grad(table).dataSync();
      for (let i = 0; i < expected.length; i++) expect(g[i]).toBeCloseTo(expected[i]!, 5);
    }
  });

  it('rejects float ids', () => {
    expect(() => embeddingLookup(tf.zeros([3, 2]) as tf.Tensor2D, tf.tensor1d([0, 1]))).toThrow(
      /int32/,
    );
  });
});

describe('matMul with explicit-transpose gradients', () => {
  it('matches tf.matMul values and gradients', () => {
    const a = randn([5, 3], 3) as tf.Tensor2D;
    const b = randn([3, 4], 4) as tf.Tensor2D;
    const dy = randn([5, 4], 5);
    expect(maxAbsDiff(matMul(a, b), tf.matMul(a, b))).toBeLessThan(1e-6);
    const f = (m: typeof matMul | typeof tf.matMul) => (x: tf.Tensor, y: tf.Tensor) =>
      tf.sum(tf.mul(m(x as tf.Tensor2D, y as tf.Tensor2D), dy));
    const [ga, gb] = tf.grads(f(matMul))([a, b]);
    const [ra, rb] = tf.grads(f(tf.matMul))([a, b]);
    expect(maxAbsDiff(ga!, ra!)).toBeLessThan(1e-5);
    expect(maxAbsDiff(gb!, rb!)).toBeLessThan(1e-5);
    // transposeB variant: a · cᵀ with c = bᵀ.
    expect(maxAbsDiff(matMul(a, tf.transpose(b), true), tf.matMul(a, b))).toBeLessThan(1e-6);
  });
});

describe('losses', () => {
  it('bceWithLogits equals −y·log σ(x) − (1−y)·log(1−σ(x)), also for large |x|', () => {
    const x = [-30, -2, 0, 0.5, 3, 40];
    const y = [0, 1, 1, 0, 1, 1];
    const expected =
      x.reduce((s, xi, i) => {
        const p = 1 / (1 + Math.exp(-xi));
        const yi = y[i]!;
        const term = yi === 1 ? -Math.log(p) : -Math.log1p(-p);
        return s + (Number.isFinite(term) ? term : Math.abs(xi));
      }, 0) / x.length;
    const got = bceWithLogits(tf.tensor1d(x), tf.tensor1d(y)).dataSync()[0]!;
    expect(got).toBeCloseTo(expected, 4);
  });

  it('huber is quadratic inside delta and linear outside', () => {
    const got = huber(tf.tensor1d([0, 0, 0]), tf.tensor1d([0.5, 2, -3]), 1).dataSync()[0]!;
    expect(got).toBeCloseTo((0.125 + 1.5 + 2.5) / 3, 6);
  });

  it('in-batch softmax: custom gradient equals autodiff of −mean(diag(logSoftmax))', () => {
    const u = randn([6, 4], 6) as tf.Tensor2D;
    const v = randn([6, 4], 7) as tf.Tensor2D;
    const logQ = tf.tensor1d([-1, -2, -0.5, -3, -1.5, -2.5]);
    const reference = (a: tf.Tensor, b: tf.Tensor): tf.Scalar => {
      const logits = tf.sub(tf.div(tf.matMul(a, b, false, true), 0.1), tf.reshape(logQ, [1, -1]));
      return tf.neg(tf.mean(tf.sum(tf.mul(tf.logSoftmax(logits), tf.eye(6)), -1)));
    };
    const ours = (a: tf.Tensor, b: tf.Tensor): tf.Scalar =>
      inBatchSoftmaxLoss(a as tf.Tensor2D, b as tf.Tensor2D, { temperature: 0.1, logQ });
    expect(ours(u, v).dataSync()[0]).toBeCloseTo(reference(u, v).dataSync()[0]!, 4);
    const [gu, gv] = tf.grads(ours)([u, v]);
    const [ru, rv] = tf.grads(reference)([u, v]);
    expect(maxAbsDiff(gu!, ru!)).toBeLessThan(1e-4);
    expect(maxAbsDiff(gv!, rv!)).toBeLessThan(1e-4);
  });

  it('masks accidental hits: a duplicate positive is not counted as a negative', () => {
    const u = randn([4, 3], 8) as tf.Tensor2D;
    const v = randn([4, 3], 9) as tf.Tensor2D;
    const ids = tf.tensor1d([5, 9, 5, 2], 'int32');
    const masked = inBatchSoftmaxLoss(u, v, { temperature: 1, itemIds: ids }).dataSync()[0]!;
    // By hand: row 0 and row 2 drop each other's column.
    const logits = (tf.matMul(u, v, false, true) as tf.Tensor2D).arraySync();
    let expected = 0;
    logits.forEach((row, i) => {
      const cols = row.filter((_, j) => !(j !== i && i % 2 === 0 && j % 2 === 0));
      const lse = Math.log(cols.reduce((s, z) => s + Math.exp(z), 0));
      expected += lse - row[i]!;
    });
    expect(masked).toBeCloseTo(expected / 4, 4);
    const unmasked = inBatchSoftmaxLoss(u, v, { temperature: 1 }).dataSync()[0]!;
    expect(unmasked).not.toBeCloseTo(masked, 3);
  });
});

describe('layers', () => {
  it('l2Normalize gives unit rows', () => {
    const n = tf.norm(l2Normalize(randn([5, 7], 10) as tf.Tensor2D), 'euclidean', 1).dataSync();
    for (const x of n) expect(x).toBeCloseTo(1, 5);
  });

  it('cross network computes x0 ⊙ (x·W + b) + x per layer', () => {
    const params = new Params(11);
    createCross(params, 'c', 3, 2);
    // Non-zero biases, so the test sees them (they are initialised to zero).
    params.get('c/cross_0/bias').assign(tf.tensor1d([0.3, -0.2, 0.1]));
    params.get('c/cross_1/bias').assign(tf.tensor1d([-0.4, 0.5, 0.2]));
    const x0 = randn([2, 3], 12) as tf.Tensor2D;
    const got = crossNetwork(params, 'c', x0, 2).arraySync();
    const X0 = x0.arraySync();
    let x = X0.map((r) => [...r]);
    for (let l = 0; l < 2; l++) {
      const W = params.get(`c/cross_${l}/kernel`).arraySync() as number[][];
      const b = params.get(`c/cross_${l}/bias`).arraySync() as number[];
      x = x.map((row, i) =>
        row.map(
          (xj, j) => X0[i]![j]! * (row.reduce((s, xk, k) => s + xk * W[k]![j]!, 0) + b[j]!) + xj,
        ),
      );
    }
    got.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(x[i]![j]!, 4)));
    params.dispose();
  });
});
