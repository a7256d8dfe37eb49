/**
 * What the training loop needs from a model, and the column → tensor conversion. Each model
 * kind (two-tower, DCN-V2 ranker, MLP, logistic regression) is a plain config object plus a
 * Params store and two pure tensor functions, `loss` and `predict`.
 */
import * as tf from '@tensorflow/tfjs';
import { isDense, type DataTable } from './data';
import type { Params } from './params';
import type { WeightMap } from './weights';

export type TensorBatch = Record<string, tf.Tensor>;

export interface Model<C = unknown> {
  readonly kind: string;
  readonly config: C;
  readonly params: Params;
  /** Columns `loss` reads; fit() checks the data has them before training. */
  readonly trainColumns: readonly string[];
  /** Scalar training objective on one batch (called inside tf.tidy / optimizer.minimize). */
  loss(batch: TensorBatch): tf.Scalar;
  /** Named outputs for a batch: the same names the ONNX export uses. */
  predict(batch: TensorBatch): Record<string, tf.Tensor>;
}

/** Int32Array → int32 [B], Float32Array → float32 [B], {data, width} → float32 [B, width]. */
export function toTensors(table: DataTable): TensorBatch {
  const out: TensorBatch = {};
  for (const [name, c] of Object.entries(table)) {
    if (isDense(c)) out[name] = tf.tensor2d(c.data, [c.data.length / c.width, c.width], 'float32');
    else if (c instanceof Int32Array) out[name] = tf.tensor1d(c, 'int32');
    else out[name] = tf.tensor1d(c, 'float32');
  }
  return out;
}

/** A required batch tensor, with an error that names the missing column. */
export function column<T extends tf.Tensor>(batch: TensorBatch, name: string): T {
  const t = batch[name];
  if (!t) throw new Error(`batch has no column "${name}"`);
  return t as T;
}

export function extractWeights(model: Model): WeightMap {
  return model.params.extract();
}

export function loadWeights(model: Model, weights: WeightMap): void {
  model.params.load(weights);
}

export function disposeModel(model: Model): void {
  model.params.dispose();
}
