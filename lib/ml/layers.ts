/**
 * Functional building blocks over a Params store: each block has a `create*` that registers its
 * parameters (seeded, named by lib/ml/spec) and a forward function that reads them. Forward
 * functions are plain tensor code, so they run inside optimizer.minimize and tf.tidy.
 */
import * as tf from '@tensorflow/tfjs';
import { embeddingUniform, glorotUniform, zeros } from './init';
import { embeddingLookup, type LookupKind } from './lookup';
import { matMul } from './matmul';
import type { Params } from './params';
import {
  L2_EPSILON,
  mlpLayerRelu,
  mlpOutputDim,
  names,
  type DenseNames,
  type MlpSpec,
} from './spec';

/** A [vocab, dim] embedding table, trained by the optimizer like any other variable. */
export function createEmbedding(params: Params, prefix: string, vocab: number, dim: number): void {
  params.add(names.embedding(prefix), [vocab, dim], embeddingUniform);
}

export function embed(
  params: Params,
  prefix: string,
  ids: tf.Tensor1D,
  lookup: LookupKind = 'scatter',
): tf.Tensor2D {
  return embeddingLookup(params.get(names.embedding(prefix)) as tf.Tensor2D, ids, lookup);
}

/** Glorot-uniform kernel [inDim, outDim] and zero bias [outDim]. */
export function createDense(params: Params, n: DenseNames, inDim: number, outDim: number): void {
  params.add(n.kernel, [inDim, outDim], glorotUniform);
  params.add(n.bias, [outDim], zeros);
}

/**
 * x·W + b, optionally ReLU. Uses lib/ml/matmul (explicit transposes in the backward pass); on
 * WASM this also beat tf.fused.matMul, which measured ~0.8 ms against ~0.1 ms for 512×40·40×64.
 */
export function dense(params: Params, n: DenseNames, x: tf.Tensor2D, relu: boolean): tf.Tensor2D {
  const y = tf.add(
    matMul(x, params.get(n.kernel) as tf.Tensor2D),
    params.get(n.bias),
  ) as tf.Tensor2D;
  return relu ? tf.relu(y) : y;
}

/** Registers the layers of an MLP reading `inputDim` features; returns its output width. */
export function createMlp(params: Params, prefix: string, inputDim: number, spec: MlpSpec): number {
  let inDim = inputDim;
  spec.units.forEach((units, i) => {
    createDense(params, names.dense(prefix, i), inDim, units);
    inDim = units;
  });
  return mlpOutputDim(inputDim, spec);
}

export function mlp(params: Params, prefix: string, x: tf.Tensor2D, spec: MlpSpec): tf.Tensor2D {
  let h = x;
  spec.units.forEach((_, i) => {
    h = dense(params, names.dense(prefix, i), h, mlpLayerRelu(spec, i));
  });
  return spec.l2Normalize ? l2Normalize(h) : h;
}

/**
 * Rows scaled to unit L2 norm: x / sqrt(max(Σx², ε)). Written exactly as the ONNX exporter
 * writes it (ReduceSumSquare, Max, Sqrt, Div) so the two agree to float rounding.
 */
export function l2Normalize(x: tf.Tensor2D): tf.Tensor2D {
  const sumSq = tf.sum(tf.square(x), -1, true);
  return tf.div(x, tf.sqrt(tf.maximum(sumSq, L2_EPSILON)));
}

/** DCN-V2 cross layers with full-rank W [dim, dim] and bias [dim]. */
export function createCross(params: Params, prefix: string, dim: number, layers: number): void {
  for (let i = 0; i < layers; i++) {
    const n = names.cross(prefix, i);
    params.add(n.kernel, [dim, dim], glorotUniform);
    params.add(n.bias, [dim], zeros);
  }
}

/** x_{l+1} = x0 ⊙ (x_l·W_l + b_l) + x_l: explicit feature crosses of growing degree. */
export function crossNetwork(
  params: Params,
  prefix: string,
  x0: tf.Tensor2D,
  layers: number,
): tf.Tensor2D {
  let x = x0;
  for (let i = 0; i < layers; i++) {
    const n = names.cross(prefix, i);
    const wx = tf.add(matMul(x, params.get(n.kernel) as tf.Tensor2D), params.get(n.bias));
    x = tf.add(tf.mul(x0, wx), x);
  }
  return x;
}
