/**
 * Graph fragments for the layers of lib/ml, emitted from a WeightMap. Each mirrors its TF.js
 * counterpart in lib/ml/layers.ts op for op, so parity holds to float rounding. Initializers
 * keep the TF.js parameter names ('user/dense_0/kernel' …): a weight in the ONNX file can be
 * traced back to the variable it came from.
 */
import { L2_EPSILON, mlpLayerRelu, names, type DenseNames, type MlpSpec } from '../ml/spec';
import { getWeight, type WeightMap } from '../ml/weights';
import type { GraphBuilder } from './graph';

/** Adds weight `name` as an initializer (checking its shape when given); returns its name. */
export function weightInit(
  g: GraphBuilder,
  weights: WeightMap,
  name: string,
  shape?: number[],
): string {
  const w = getWeight(weights, name, shape);
  return g.initializer(name, w.shape, w.data);
}

/** Embedding lookup: Gather(table, ids) on axis 0; ids are an int32 or int64 [batch] input. */
export function emitEmbedding(
  g: GraphBuilder,
  weights: WeightMap,
  prefix: string,
  ids: string,
): string {
  const table = weightInit(g, weights, names.embedding(prefix));
  return g.node('Gather', [table, ids], { axis: 0 });
}

/** x·W + b, optionally ReLU. Returns the output value name and width. */
export function emitDense(
  g: GraphBuilder,
  weights: WeightMap,
  n: DenseNames,
  x: string,
  relu: boolean,
): { out: string; dim: number } {
  const w = getWeight(weights, n.kernel);
  const dim = w.shape[1]!;
  const kernel = weightInit(g, weights, n.kernel, w.shape);
  const bias = weightInit(g, weights, n.bias, [dim]);
  const y = g.node('Add', [g.node('MatMul', [x, kernel]), bias]);
  return { out: relu ? g.node('Relu', [y]) : y, dim };
}

/** x / sqrt(max(Σx², ε)) over the last axis, as lib/ml/layers l2Normalize computes it. */
export function emitL2Normalize(g: GraphBuilder, x: string): string {
  const sumSq = g.node('ReduceSumSquare', [x], { axes: [-1], keepdims: 1 });
  const norm = g.node('Sqrt', [g.node('Max', [sumSq, g.scalar(L2_EPSILON, 'l2_eps')])]);
  return g.node('Div', [x, norm]);
}

/** The MLP of `spec` (ReLU between layers, final activation, optional L2 normalisation). */
export function emitMlp(
  g: GraphBuilder,
  weights: WeightMap,
  prefix: string,
  x: string,
  spec: MlpSpec,
): string {
  let h = x;
  spec.units.forEach((_, i) => {
    h = emitDense(g, weights, names.dense(prefix, i), h, mlpLayerRelu(spec, i)).out;
  });
  return spec.l2Normalize ? emitL2Normalize(g, h) : h;
}

/** DCN-V2 cross layers: x_{l+1} = x0 ⊙ (x_l·W_l + b_l) + x_l. */
export function emitCross(
  g: GraphBuilder,
  weights: WeightMap,
  prefix: string,
  x0: string,
  layers: number,
): string {
  let x = x0;
  for (let i = 0; i < layers; i++) {
    const wx = emitDense(g, weights, names.cross(prefix, i), x, false).out;
    x = g.node('Add', [g.node('Mul', [x0, wx]), x]);
  }
  return x;
}

/** [batch, 1] → [batch]. */
export function emitFlatten1(g: GraphBuilder, x: string): string {
  return g.node('Reshape', [x, g.int64s([-1])]);
}
