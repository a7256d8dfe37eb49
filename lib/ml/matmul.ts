/**
 * Matrix product whose gradient avoids TF.js-WASM's slow transposed matMul.
 *
 * The WASM backend runs a plain a·b through XNNPACK, but a·bᵀ and aᵀ·b fall back to a naive
 * loop. Measured on this 2-core machine (tfjs 4.22, WASM, one thread), 512×32 · 32×512:
 * plain 0.6 ms, transposeB 8.6 ms, transposeA 17 ms; an explicit tf.transpose (a memory copy)
 * followed by a plain matMul costs 0.8–1.7 ms. TF.js's own matMul gradient uses the transposed
 * forms (dA = dy·bᵀ, dB = aᵀ·dy), so a dense layer's backward pass pays the slow path twice.
 * This version computes the same gradients with explicit transposes instead.
 */
import * as tf from '@tensorflow/tfjs';

/** aᵀ as a materialised tensor, so the following matMul takes the fast path. */
function t2(x: tf.Tensor): tf.Tensor2D {
  return tf.transpose(x as tf.Tensor2D);
}

const fastMatMulOp = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [a, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul(a, b),
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const [sa, sb] = saved as [tf.Tensor2D, tf.Tensor2D];
      const g = dy as tf.Tensor2D;
      return [tf.matMul(g, t2(sb)), tf.matMul(t2(sa), g)];
    },
  };
});

/**
 * a·b for 2-D tensors with transposes done explicitly (`transposeB` transposes b first);
 * numerically the same product as tf.matMul, faster forward and backward on WASM.
 */
export function matMul(a: tf.Tensor2D, b: tf.Tensor2D, transposeB = false): tf.Tensor2D {
  return fastMatMulOp(a, transposeB ? t2(b) : b) as tf.Tensor2D;
}
