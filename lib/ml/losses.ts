/**
 * Losses, written from primitive ops so that every gradient exists on the WASM backend and the
 * numerics are explicit (no silent label smoothing or reductions from tf.losses defaults).
 */
import * as tf from '@tensorflow/tfjs';
import { matMul } from './matmul';

/** Mean of `values`, or a masked mean Σ(mask·v)/max(Σmask, 1) when a 0/1 mask is given. */
function reduceMean(values: tf.Tensor, mask?: tf.Tensor): tf.Scalar {
  if (!mask) return tf.mean(values);
  return tf.div(tf.sum(tf.mul(values, mask)), tf.maximum(tf.sum(mask), 1));
}

/**
 * Binary cross-entropy on logits, in the overflow-safe form
 * max(x, 0) − x·y + log(1 + exp(−|x|)).
 */
export function bceWithLogits(logits: tf.Tensor, labels: tf.Tensor, mask?: tf.Tensor): tf.Scalar {
  const perExample = tf.add(
    tf.sub(tf.relu(logits), tf.mul(logits, labels)),
    tf.log1p(tf.exp(tf.neg(tf.abs(logits)))),
  );
  return reduceMean(perExample, mask);
}

export function meanSquaredError(pred: tf.Tensor, target: tf.Tensor, mask?: tf.Tensor): tf.Scalar {
  return reduceMean(tf.square(tf.sub(pred, target)), mask);
}

/**
 * Huber loss: quadratic within `delta` of the target, linear beyond, so a few very long watch
 * times do not dominate the gradient. Written as 0.5·q² + delta·(|e| − q), q = min(|e|, delta).
 */
export function huber(pred: tf.Tensor, target: tf.Tensor, delta = 1, mask?: tf.Tensor): tf.Scalar {
  const absErr = tf.abs(tf.sub(pred, target));
  const quad = tf.minimum(absErr, delta);
  const perExample = tf.add(tf.mul(0.5, tf.square(quad)), tf.mul(delta, tf.sub(absErr, quad)));
  return reduceMean(perExample, mask);
}

/** Softmax cross-entropy for integer class labels [B] against logits [B, C]. */
export function softmaxCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  const oneHot = tf.cast(tf.oneHot(labels, logits.shape[1]), 'float32');
  const logProbs = tf.logSoftmax(logits);
  return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, logProbs), -1)));
}

export interface InBatchSoftmaxOptions {
  /** Divides the logits; small values (0.05–0.1) sharpen the softmax over candidates. */
  temperature: number;
  /**
   * log q_j for each in-batch candidate j ([B]), q_j being the probability that item j is drawn
   * into a batch (its share of training interactions). Subtracting it corrects the bias of
   * in-batch sampling, which otherwise over-penalises popular items (Yi et al., RecSys 2019).
   */
  logQ?: tf.Tensor1D;
  /**
   * Item ids of the batch ([B]): when given, other rows' positives that are the same item as row
   * i's positive are masked out of row i's negatives (an "accidental hit" is not a negative).
   */
  itemIds?: tf.Tensor1D;
}

// A logit far below any real one: exp() of it underflows to 0 in the softmax.
const MASKED_LOGIT = -1e9;

/**
 * mean_i(logSumExp(logits_i) − logits_ii) with the analytic gradient (softmax − I)/B. Written as
 * a custom gradient because TF.js differentiates logSumExp through its max-shift with a
 * broadcast Equal, which alone took ~30 ms per 512×512 batch on WASM.
 */
const diagonalSoftmaxCE = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [logits, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
  const b = logits.shape[0];
  const probs = tf.softmax(logits);
  save([probs]);
  const eye = tf.eye(b);
  const value = tf.mean(tf.sub(tf.logSumExp(logits, -1), tf.sum(tf.mul(logits, eye), -1)));
  return {
    value,
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => [
      tf.mul(tf.sub(saved[0]!, tf.eye(b)), tf.div(dy as tf.Tensor, b)),
    ],
  };
});

/**
 * Additive mask for accidental hits: −1e9 at (i, j) when rows i ≠ j share the same positive
 * item, else 0; null when the batch has no repeated item. Built from the ids on the host (a
 * hash of the batch's ids, O(B)) instead of a B×B broadcast Equal, which is slow on WASM.
 */
function accidentalHitMask(itemIds: tf.Tensor1D): tf.Tensor2D | null {
  const ids = itemIds.dataSync();
  const rowsByItem = new Map<number, number[]>();
  ids.forEach((id, row) => {
    const rows = rowsByItem.get(id);
    if (rows) rows.push(row);
    else rowsByItem.set(id, [row]);
  });
  const pairs: number[] = [];
  for (const rows of rowsByItem.values()) {
    for (const i of rows) for (const j of rows) if (i !== j) pairs.push(i, j);
  }
  if (pairs.length === 0) return null;
  const b = ids.length;
  const updates = tf.fill([pairs.length / 2], MASKED_LOGIT);
  return tf.scatterND(tf.tensor2d(pairs, [pairs.length / 2, 2], 'int32'), updates, [b, b]);
}

/**
 * In-batch sampled softmax: for user row i the positive is item row i and the other B−1 items
 * of the batch are the negatives. Returns the mean over rows of −log softmax(logits_i)_i.
 */
export function inBatchSoftmaxLoss(
  users: tf.Tensor2D,
  items: tf.Tensor2D,
  opts: InBatchSoftmaxOptions,
): tf.Scalar {
  let logits = tf.div(matMul(users, items, true), opts.temperature) as tf.Tensor2D;
  if (opts.logQ) logits = tf.sub(logits, tf.reshape(opts.logQ, [1, -1]));
  const mask = opts.itemIds ? accidentalHitMask(opts.itemIds) : null;
  if (mask) logits = tf.add(logits, mask);
  return diagonalSoftmaxCE(logits) as tf.Scalar;
}
