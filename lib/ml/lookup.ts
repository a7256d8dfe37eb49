/**
 * Embedding lookup with a gradient that the WASM backend can run, fast.
 *
 * TF.js differentiates tf.gather into UnsortedSegmentSum, which the WASM backend does not
 * register at all and the CPU backend runs at ~23 examples/s. We keep gather for the forward
 * pass and give it a custom gradient: scatterND(ids, dy, [V, d]) adds each upstream row into the
 * row of its id (duplicate ids accumulate, as a segment sum must). That costs O(B·d) plus
 * zero-filling the V×d gradient, against O(B·V·d) for the one-hot formulations.
 *
 * Measured by scripts/bench-train.ts (2 shared cores, WASM, V = 5000, d = 32, B = 512, forward +
 * backward + Adam): scatter 1.7 ms/step, gather + oneHotᵀ·dy 23 ms, oneHot(ids)·table with
 * TF.js autodiff 60 ms; a full two-tower epoch over 100k interactions took 2.4 s, 7.5 s and
 * 22 s respectively. The two one-hot variants stay for that benchmark and for gradient
 * cross-checks in tests.
 */
import * as tf from '@tensorflow/tfjs';

export type LookupKind = 'scatter' | 'onehot-grad' | 'onehot';

export const LOOKUP_KINDS: readonly LookupKind[] = ['scatter', 'onehot-grad', 'onehot'];

// tf.customGrad wants one gradient per input; ids are integers and get an all-zero gradient,
// which the engine discards because no variable depends on them.
// (TF.js types the forward function as variadic over Tensor | GradSaveFunc, hence the unpacking.)
type Inputs = (tf.Tensor | tf.GradSaveFunc)[];
const unpack = (args: Inputs): [tf.Tensor, tf.Tensor, tf.GradSaveFunc] =>
  args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];

const scatterLookup = tf.customGrad((...args: Inputs) => {
  const [table, ids, save] = unpack(args);
  save([ids]);
  const shape = table.shape as [number, number];
  return {
    value: tf.gather(table, ids),
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const savedIds = saved[0]!;
      const dTable = tf.scatterND(tf.reshape(savedIds, [-1, 1]), dy as tf.Tensor, shape);
      return [dTable, tf.zerosLike(savedIds)];
    },
  };
});

const oneHotGradLookup = tf.customGrad((...args: Inputs) => {
  const [table, ids, save] = unpack(args);
  save([ids]);
  const vocab = table.shape[0]!;
  return {
    value: tf.gather(table, ids),
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const savedIds = saved[0]!;
      const oneHot = tf.cast(tf.oneHot(savedIds as tf.Tensor1D, vocab), 'float32') as tf.Tensor2D;
      // oneHot(ids)ᵀ · dy, transposed explicitly: WASM's transposeA matMul is ~20× slower.
      const dTable = tf.matMul(tf.transpose(oneHot), dy as tf.Tensor2D);
      return [dTable, tf.zerosLike(savedIds)];
    },
  };
});

/**
 * Rows `ids` of `table` ([V, d] → [B, d]), differentiable with respect to `table`.
 * `kind` selects the gradient: 'scatter' (default, fastest), 'onehot-grad' (gather forward,
 * oneHotᵀ·dy backward) or 'onehot' (oneHot(ids)·table forward, autodiff backward).
 */
export function embeddingLookup(
  table: tf.Tensor2D,
  ids: tf.Tensor1D,
  kind: LookupKind = 'scatter',
): tf.Tensor2D {
  if (ids.dtype !== 'int32') throw new Error(`embedding ids must be int32, got ${ids.dtype}`);
  switch (kind) {
    case 'scatter':
      return scatterLookup(table, ids) as tf.Tensor2D;
    case 'onehot-grad':
      return oneHotGradLookup(table, ids) as tf.Tensor2D;
    case 'onehot':
      return tf.matMul(tf.cast(tf.oneHot(ids, table.shape[0]), 'float32') as tf.Tensor2D, table);
  }
}
