/**
 * A plain MLP over a dense feature vector, for binary classification (sigmoid + BCE),
 * regression (linear + MSE) or multi-class classification (softmax + cross-entropy).
 *
 * Data columns: features ({data, width}); label (Float32Array 0/1 or target, or Int32Array
 * class index for 'multiclass'). Predict output: `output` ([B] for binary/regression —
 * probability or value — and [B, C] class probabilities for multiclass).
 */
import * as tf from '@tensorflow/tfjs';
import { createMlp, mlp } from './layers';
import { bceWithLogits, meanSquaredError, softmaxCrossEntropy } from './losses';
import { column, type Model, type TensorBatch } from './model';
import { Params } from './params';
import type { MlpSpec } from './spec';

export interface MlpConfig {
  inputDim: number;
  /** Hidden ReLU layer widths. */
  hidden: number[];
  task: 'binary' | 'regression' | 'multiclass';
  /** Number of classes for 'multiclass' (otherwise the output is one unit). */
  numClasses?: number;
  seed: number;
}

export type MlpModel = Model<MlpConfig>;

export const MLP_PREFIX = 'mlp';

/** Hidden layers plus a linear output layer (1 unit, or numClasses for multiclass). */
export function mlpModelSpec(config: MlpConfig): MlpSpec {
  const out = config.task === 'multiclass' ? (config.numClasses ?? 0) : 1;
  if (out < 2 && config.task === 'multiclass')
    throw new Error('mlp: multiclass needs numClasses ≥ 2');
  return { units: [...config.hidden, out], finalActivation: 'linear' };
}

export function createMlpModel(config: MlpConfig): MlpModel {
  const params = new Params(config.seed);
  const spec = mlpModelSpec(config);
  createMlp(params, MLP_PREFIX, config.inputDim, spec);
  const logits = (batch: TensorBatch): tf.Tensor2D =>
    mlp(params, MLP_PREFIX, column<tf.Tensor2D>(batch, 'features'), spec);

  return {
    kind: 'mlp',
    config,
    params,
    trainColumns: ['features', 'label'],
    loss(batch: TensorBatch): tf.Scalar {
      const z = logits(batch);
      const label = column(batch, 'label');
      if (config.task === 'multiclass') return softmaxCrossEntropy(z, label as tf.Tensor1D);
      const flat = tf.reshape(z, [-1]);
      return config.task === 'binary' ? bceWithLogits(flat, label) : meanSquaredError(flat, label);
    },
    predict(batch: TensorBatch): Record<string, tf.Tensor> {
      const z = logits(batch);
      if (config.task === 'multiclass') return { output: tf.softmax(z) };
      const flat = tf.reshape(z, [-1]);
      return { output: config.task === 'binary' ? tf.sigmoid(flat) : flat };
    },
  };
}
