/**
 * Two-tower retrieval model. The user tower reads a user id embedding concatenated with dense
 * user features; the item tower does the same for items; both end in (optionally L2-normalised)
 * vectors whose dot product scores a (user, item) pair. Trained with in-batch sampled softmax
 * and logQ correction, so item embeddings can be precomputed and searched by nearest neighbour.
 *
 * Data columns: userId, itemId (Int32Array); userFeatures, itemFeatures ({data, width}) when the
 * feature dims are > 0; itemLogQ (Float32Array, see withItemLogQ) when logQ correction is on.
 * Predict outputs: user_embedding (from user columns), item_embedding (from item columns).
 */
import * as tf from '@tensorflow/tfjs';
import type { DataTable } from './data';
import { createEmbedding, createMlp, embed, mlp } from './layers';
import type { LookupKind } from './lookup';
import { inBatchSoftmaxLoss, softmaxCrossEntropy } from './losses';
import { column, type Model, type TensorBatch } from './model';
import { Params } from './params';
import type { MlpSpec } from './spec';

export interface TwoTowerConfig {
  numUsers: number;
  numItems: number;
  /** Width of the user and item id embeddings. */
  embeddingDim: number;
  /** Dense features per user / item (0 = id embedding only). */
  userFeatureDim: number;
  itemFeatureDim: number;
  /** Both towers must end in the same width; l2Normalize: true gives cosine scores. */
  userTower: MlpSpec;
  itemTower: MlpSpec;
  /** Softmax temperature (default 0.05; suits L2-normalised towers). */
  temperature?: number;
  /** Subtract log q(item) from each in-batch logit (default true; needs column itemLogQ). */
  logQCorrection?: boolean;
  /** Do not treat another row's copy of the same positive item as a negative (default true). */
  removeAccidentalHits?: boolean;
  /**
   * Negatives of the softmax: 'in-batch' (default; the other rows' items, logQ-corrected) or
   * 'full' (every item of the catalogue: an exact softmax, no sampling bias, so no logQ; costs
   * a batch × numItems product per step, so for catalogues of up to ~100k id-only items).
   */
  negatives?: 'in-batch' | 'full';
  /** Embedding gradient implementation (default 'scatter'; the others exist for benchmarks). */
  lookup?: LookupKind;
  seed: number;
}

export type TwoTowerModel = Model<TwoTowerConfig> & {
  userEmbedding(userIds: tf.Tensor1D, userFeatures?: tf.Tensor2D): tf.Tensor2D;
  itemEmbedding(itemIds: tf.Tensor1D, itemFeatures?: tf.Tensor2D): tf.Tensor2D;
};

export const USER = 'user';
export const ITEM = 'item';

export function createTwoTower(config: TwoTowerConfig): TwoTowerModel {
  const { userTower, itemTower } = config;
  const uOut = userTower.units[userTower.units.length - 1];
  const iOut = itemTower.units[itemTower.units.length - 1];
  if (uOut === undefined || uOut !== iOut) {
    throw new Error(`two-tower: towers must end in the same width (user ${uOut}, item ${iOut})`);
  }
  const params = new Params(config.seed);
  createEmbedding(params, USER, config.numUsers, config.embeddingDim);
  createMlp(params, USER, config.embeddingDim + config.userFeatureDim, userTower);
  createEmbedding(params, ITEM, config.numItems, config.embeddingDim);
  createMlp(params, ITEM, config.embeddingDim + config.itemFeatureDim, itemTower);
  const lookup = config.lookup ?? 'scatter';
  const full = config.negatives === 'full';
  if (full && config.itemFeatureDim > 0) {
    throw new Error('two-tower: full-softmax negatives need id-only items (itemFeatureDim 0)');
  }
  const logQ = !full && (config.logQCorrection ?? true);

  const tower = (
    prefix: string,
    spec: MlpSpec,
    featureDim: number,
    ids: tf.Tensor1D,
    features?: tf.Tensor2D,
  ): tf.Tensor2D => {
    const e = embed(params, prefix, ids, lookup);
    if (featureDim > 0 && !features) throw new Error(`two-tower: ${prefix} features missing`);
    const x = featureDim > 0 ? tf.concat([e, features!], 1) : e;
    return mlp(params, prefix, x, spec);
  };
  const userEmbedding = (ids: tf.Tensor1D, f?: tf.Tensor2D): tf.Tensor2D =>
    tower(USER, userTower, config.userFeatureDim, ids, f);
  const itemEmbedding = (ids: tf.Tensor1D, f?: tf.Tensor2D): tf.Tensor2D =>
    tower(ITEM, itemTower, config.itemFeatureDim, ids, f);

  const trainColumns = ['userId', 'itemId'];
  if (config.userFeatureDim > 0) trainColumns.push('userFeatures');
  if (config.itemFeatureDim > 0) trainColumns.push('itemFeatures');
  if (logQ) trainColumns.push('itemLogQ');

  return {
    kind: 'two-tower',
    config,
    params,
    trainColumns,
    userEmbedding,
    itemEmbedding,
    loss(batch: TensorBatch): tf.Scalar {
      const itemIds = column<tf.Tensor1D>(batch, 'itemId');
      const u = userEmbedding(column(batch, 'userId'), batch.userFeatures as tf.Tensor2D);
      if (full) {
        const all = itemEmbedding(tf.range(0, config.numItems, 1, 'int32') as tf.Tensor1D);
        const logits = tf.matMul(u, all, false, true).div(config.temperature ?? 0.05);
        return softmaxCrossEntropy(logits as tf.Tensor2D, itemIds);
      }
      const v = itemEmbedding(itemIds, batch.itemFeatures as tf.Tensor2D);
      return inBatchSoftmaxLoss(u, v, {
        temperature: config.temperature ?? 0.05,
        logQ: logQ ? column<tf.Tensor1D>(batch, 'itemLogQ') : undefined,
        itemIds: (config.removeAccidentalHits ?? true) ? itemIds : undefined,
      });
    },
    predict(batch: TensorBatch): Record<string, tf.Tensor> {
      const out: Record<string, tf.Tensor> = {};
      if (batch.userId) {
        out.user_embedding = userEmbedding(
          batch.userId as tf.Tensor1D,
          batch.userFeatures as tf.Tensor2D,
        );
      }
      if (batch.itemId) {
        out.item_embedding = itemEmbedding(
          batch.itemId as tf.Tensor1D,
          batch.itemFeatures as tf.Tensor2D,
        );
      }
      return out;
    },
  };
}

/** log q(item) per item: its share of the interactions in `itemIds` (unseen items get 1/N/2). */
export function itemLogQ(itemIds: Int32Array, numItems: number): Float32Array {
  const counts = new Float64Array(numItems);
  for (const id of itemIds) counts[id]! += 1;
  const n = Math.max(1, itemIds.length);
  return Float32Array.from(counts, (c) => Math.log((c > 0 ? c : 0.5) / n));
}

/** The table plus an itemLogQ column (each row's item's log sampling probability). */
export function withItemLogQ(table: DataTable, numItems: number): DataTable {
  const ids = table.itemId;
  if (!(ids instanceof Int32Array)) throw new Error('withItemLogQ: itemId must be an Int32Array');
  const perItem = itemLogQ(ids, numItems);
  return { ...table, itemLogQ: Float32Array.from(ids, (id) => perItem[id]!) };
}
