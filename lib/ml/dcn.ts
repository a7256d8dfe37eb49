/**
 * DCN-V2 multi-task ranker (Wang et al., 2021, "stacked" variant): categorical fields are
 * embedded and concatenated with dense features into x0; full-rank cross layers
 * x_{l+1} = x0 ⊙ (W x_l + b) + x_l learn explicit feature interactions; a deep ReLU MLP sits on
 * top; two heads share that trunk: a click logit (sigmoid, BCE) and a regression value (e.g.
 * watch time, trained on log1p(target) with MSE or Huber). Loss = w_click·BCE + w_reg·L_reg.
 *
 * Data columns: one Int32Array per field (named by field.name), dense ({data, width}) when
 * denseDim > 0, click (Float32Array 0/1), target (Float32Array, raw units).
 * Predict outputs: click_prob [B] and regression [B] (in the transformed space, i.e.
 * log1p(target) when regressionTransform is 'log1p').
 */
import * as tf from '@tensorflow/tfjs';
import {
  createCross,
  createDense,
  createEmbedding,
  createMlp,
  crossNetwork,
  dense,
  embed,
  mlp,
} from './layers';
import type { LookupKind } from './lookup';
import { bceWithLogits, huber, meanSquaredError } from './losses';
import { column, type Model, type TensorBatch } from './model';
import { Params } from './params';
import { names, type MlpSpec } from './spec';

export interface CategoricalField {
  /** Column name in the data and `${name}_id` input in the ONNX model. */
  name: string;
  vocabSize: number;
  dim: number;
}

export interface DcnConfig {
  fields: CategoricalField[];
  denseDim: number;
  crossLayers: number;
  /** Deep tower on top of the cross network; all layers ReLU (finalActivation is forced). */
  deep: MlpSpec;
  regressionLoss: 'mse' | 'huber';
  huberDelta?: number;
  /** Train the regression head on log1p(target) (default) or on the raw target. */
  regressionTransform?: 'log1p' | 'none';
  /** Regress on every row or only on clicked rows (watch time given a click). Default 'all'. */
  regressionOn?: 'all' | 'clicked';
  lossWeights?: { click: number; regression: number };
  lookup?: LookupKind;
  seed: number;
}

export type DcnModel = Model<DcnConfig>;

export const DCN_FIELD_PREFIX = 'field_';
export const CROSS = 'cross';
export const DEEP = 'deep';
export const CLICK_HEAD = 'click';
export const REGRESSION_HEAD = 'regression';

/** Width of x0: all field embeddings plus the dense features. */
export function dcnInputDim(config: DcnConfig): number {
  return config.fields.reduce((s, f) => s + f.dim, 0) + config.denseDim;
}

/** The deep tower's spec with its last layer forced to ReLU (heads follow it). */
export function dcnDeepSpec(config: DcnConfig): MlpSpec {
  return { units: config.deep.units, finalActivation: 'relu', l2Normalize: false };
}

export function createDcn(config: DcnConfig): DcnModel {
  const params = new Params(config.seed);
  for (const f of config.fields) {
    createEmbedding(params, DCN_FIELD_PREFIX + f.name, f.vocabSize, f.dim);
  }
  const d0 = dcnInputDim(config);
  createCross(params, CROSS, d0, config.crossLayers);
  const deepSpec = dcnDeepSpec(config);
  const trunkDim = createMlp(params, DEEP, d0, deepSpec);
  createDense(params, names.dense(CLICK_HEAD, 0), trunkDim, 1);
  createDense(params, names.dense(REGRESSION_HEAD, 0), trunkDim, 1);
  const lookup = config.lookup ?? 'scatter';

  const heads = (batch: TensorBatch): { clickLogit: tf.Tensor1D; regression: tf.Tensor1D } => {
    const parts = config.fields.map((f) =>
      embed(params, DCN_FIELD_PREFIX + f.name, column<tf.Tensor1D>(batch, f.name), lookup),
    );
    if (config.denseDim > 0) parts.push(column<tf.Tensor2D>(batch, 'dense'));
    const x0 = parts.length === 1 ? parts[0]! : tf.concat(parts, 1);
    const trunk = mlp(params, DEEP, crossNetwork(params, CROSS, x0, config.crossLayers), deepSpec);
    return {
      clickLogit: tf.reshape(dense(params, names.dense(CLICK_HEAD, 0), trunk, false), [-1]),
      regression: tf.reshape(dense(params, names.dense(REGRESSION_HEAD, 0), trunk, false), [-1]),
    };
  };

  return {
    kind: 'dcn-v2',
    config,
    params,
    trainColumns: [
      ...config.fields.map((f) => f.name),
      ...(config.denseDim > 0 ? ['dense'] : []),
      'click',
      'target',
    ],
    loss(batch: TensorBatch): tf.Scalar {
      const { clickLogit, regression } = heads(batch);
      const click = column(batch, 'click');
      const rawTarget = column(batch, 'target');
      const target =
        (config.regressionTransform ?? 'log1p') === 'log1p' ? tf.log1p(rawTarget) : rawTarget;
      const mask = config.regressionOn === 'clicked' ? click : undefined;
      const regLoss =
        config.regressionLoss === 'huber'
          ? huber(regression, target, config.huberDelta ?? 1, mask)
          : meanSquaredError(regression, target, mask);
      const w = config.lossWeights ?? { click: 1, regression: 1 };
      return tf.add(
        tf.mul(w.click, bceWithLogits(clickLogit, click)),
        tf.mul(w.regression, regLoss),
      );
    },
    predict(batch: TensorBatch): Record<string, tf.Tensor> {
      const { clickLogit, regression } = heads(batch);
      return { click_prob: tf.sigmoid(clickLogit), regression };
    },
  };
}
