/**
 * Logistic regression: the baseline every ranker must beat. One dense unit with a sigmoid,
 * BCE loss plus optional L2 penalty on the weights (not the bias).
 *
 * Data columns: features ({data, width}), label (Float32Array 0/1).
 * Predict output: probability [B].
 */
import * as tf from '@tensorflow/tfjs';
import { createDense, dense } from './layers';
import { bceWithLogits } from './losses';
import { column, type Model, type TensorBatch } from './model';
import { Params } from './params';
import { names } from './spec';

export interface LogRegConfig {
  inputDim: number;
  /** L2 penalty coefficient λ in loss = BCE + λ·Σw² (default 0). */
  l2?: number;
  seed: number;
}

export type LogRegModel = Model<LogRegConfig>;

export const LOGREG = names.dense('logreg', 0);

export function createLogReg(config: LogRegConfig): LogRegModel {
  const params = new Params(config.seed);
  createDense(params, LOGREG, config.inputDim, 1);
  const logit = (batch: TensorBatch): tf.Tensor1D =>
    tf.reshape(dense(params, LOGREG, column<tf.Tensor2D>(batch, 'features'), false), [-1]);

  return {
    kind: 'logreg',
    config,
    params,
    trainColumns: ['features', 'label'],
    loss(batch: TensorBatch): tf.Scalar {
      const bce = bceWithLogits(logit(batch), column(batch, 'label'));
      const l2 = config.l2 ?? 0;
      return l2 > 0 ? tf.add(bce, tf.mul(l2, tf.sum(tf.square(params.get(LOGREG.kernel))))) : bce;
    },
    predict(batch: TensorBatch): Record<string, tf.Tensor> {
      return { probability: tf.sigmoid(logit(batch)) };
    },
  };
}
