/**
 * Two-tower retrieval model. The user tower reads a user id embedding concatenated with dense
 * user features; the item tower does the same for items; both end in (optionally L2-normalised)
 * vectors whose dot product scores a (user, item) pair. Trained with in-batch sampled softmax
 * and logQ correction, so item embeddings can be precomputed and searched by nearest neighbour.
 *
 * Optionally (config.userHistory) the user tower also reads the user's history: the mean of a
 * second item embedding table over items the user interacted with (YouTube-DNN style), so a
 * user with few interactions still gets a query built from well-trained item vectors. In
 * training, a row's own item is left out of its user's history (else the tower would learn to
 * echo the history back instead of predicting a held-out item).
 *
 * Data columns: userId, itemId (Int32Array); userFeatures, itemFeatures ({data, width}) when the
 * feature dims are > 0; itemLogQ (Float32Array, see withItemLogQ) when logQ correction is on.
 * Predict outputs: user_embedding (from user columns), item_embedding (from item columns).
 */
import * as tf from '@tensorflow/tfjs';
import type { DataTable } from './data';
import { zeros } from './init';
import { createEmbedding, createMlp, embed, mlp } from './layers';
import { embeddingLookup, type LookupKind } from './lookup';
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
  /**
   * A learned per-item score offset added to every logit (default false): popularity that the
   * bounded cosine of L2-normalised towers cannot express. Predict then also outputs item_bias;
   * retrieval scores u·v/temperature + bias (append bias to the item vector, 1 to the user's).
   */
  itemBias?: boolean;
  /** The user tower also pools the user's history (default: none, ids and features only). */
  userHistory?: UserHistory;
  /** Embedding gradient implementation (default 'scatter'; the others exist for benchmarks). */
  lookup?: LookupKind;
  seed: number;
}

/**
 * Each user's history as a padded [numUsers × length] matrix of item ids (row-major; -1 pads
 * users with fewer items). Whatever the caller puts here is what the tower sees, at training and
 * at prediction: build it from training interactions only.
 */
export interface UserHistory {
  items: Int32Array;
  length: number;
  /** Also feed the user id embedding (default true); false = the history alone. */
  userId?: boolean;
}

export type TwoTowerModel = Model<TwoTowerConfig> & {
  /** `excludeItems[r]` is left out of row r's history (training: the row's positive item). */
  userEmbedding(
    userIds: tf.Tensor1D,
    userFeatures?: tf.Tensor2D,
    excludeItems?: tf.Tensor1D,
  ): tf.Tensor2D;
  itemEmbedding(itemIds: tf.Tensor1D, itemFeatures?: tf.Tensor2D): tf.Tensor2D;
};

export const USER = 'user';
export const ITEM = 'item';
export const HISTORY = 'history';

export function createTwoTower(config: TwoTowerConfig): TwoTowerModel {
  const { userTower, itemTower } = config;
  const uOut = userTower.units[userTower.units.length - 1];
  const iOut = itemTower.units[itemTower.units.length - 1];
  if (uOut === undefined || uOut !== iOut) {
    throw new Error(`two-tower: towers must end in the same width (user ${uOut}, item ${iOut})`);
  }
  const params = new Params(config.seed);
  const history = config.userHistory;
  const useUserId = history?.userId ?? true;
  if (history && history.items.length !== config.numUsers * history.length) {
    throw new Error(
      `two-tower: user history has ${history.items.length} ids, expected ${config.numUsers} users × ${history.length}`,
    );
  }
  const dim = config.embeddingDim;
  if (useUserId) createEmbedding(params, USER, config.numUsers, dim);
  if (history) createEmbedding(params, HISTORY, config.numItems, dim);
  const biasName = `${ITEM}/bias`;
  if (config.itemBias) params.add(biasName, [config.numItems, 1], zeros);
  const itemBias = (ids: tf.Tensor1D): tf.Tensor1D =>
    tf.reshape(embeddingLookup(params.get(biasName) as tf.Tensor2D, ids, lookup), [-1]);
  const userInputDim = (useUserId ? dim : 0) + (history ? dim : 0) + config.userFeatureDim;
  createMlp(params, USER, userInputDim, userTower);
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
  // Mean of the history table over each row's user's items, leaving out `exclude` (the row's
  // positive item) when given. A user with no (other) items pools to zeros.
  const pooledHistory = (userIds: tf.Tensor1D, exclude?: tf.Tensor1D): tf.Tensor2D => {
    const { items, length } = history!;
    const rows = tf.gather(tf.tensor2d(items, [config.numUsers, length], 'int32'), userIds);
    let keep = tf.greaterEqual(rows, 0);
    if (exclude) keep = tf.logicalAnd(keep, tf.notEqual(rows, tf.reshape(exclude, [-1, 1])));
    const w = tf.cast(keep, 'float32');
    const weights = tf.div(w, tf.maximum(tf.sum(w, 1, true), 1));
    const b = userIds.shape[0];
    const e = embed(
      params,
      HISTORY,
      tf.reshape(tf.maximum(rows, tf.scalar(0, 'int32')), [-1]) as tf.Tensor1D,
      lookup,
    );
    return tf.sum(tf.mul(tf.reshape(e, [b, length, dim]), tf.expandDims(weights, 2)), 1);
  };
  const userEmbedding = (ids: tf.Tensor1D, f?: tf.Tensor2D, exclude?: tf.Tensor1D): tf.Tensor2D => {
    if (!history) return tower(USER, userTower, config.userFeatureDim, ids, f);
    if (config.userFeatureDim > 0 && !f) throw new Error(`two-tower: ${USER} features missing`);
    const parts = [
      ...(useUserId ? [embed(params, USER, ids, lookup)] : []),
      pooledHistory(ids, exclude),
      ...(config.userFeatureDim > 0 ? [f!] : []),
    ];
    return mlp(params, USER, parts.length === 1 ? parts[0]! : tf.concat(parts, 1), userTower);
  };
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
      const u = userEmbedding(column(batch, 'userId'), batch.userFeatures as tf.Tensor2D, itemIds);
      if (full) {
        const all = itemEmbedding(tf.range(0, config.numItems, 1, 'int32') as tf.Tensor1D);
        let logits = tf.matMul(u, all, false, true).div(config.temperature ?? 0.05);
        if (config.itemBias) {
          const b = itemBias(tf.range(0, config.numItems, 1, 'int32') as tf.Tensor1D);
          logits = tf.add(logits, tf.reshape(b, [1, -1]));
        }
        return softmaxCrossEntropy(logits as tf.Tensor2D, itemIds);
      }
      const v = itemEmbedding(itemIds, batch.itemFeatures as tf.Tensor2D);
      // The loss subtracts its logQ argument from each column's logits: a bias enters as −bias.
      let offset = logQ ? column<tf.Tensor1D>(batch, 'itemLogQ') : undefined;
      if (config.itemBias) {
        const b = itemBias(itemIds);
        offset = offset ? tf.sub(offset, b) : tf.neg(b);
      }
      return inBatchSoftmaxLoss(u, v, {
        temperature: config.temperature ?? 0.05,
        logQ: offset,
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
        if (config.itemBias) out.item_bias = itemBias(batch.itemId as tf.Tensor1D);
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
