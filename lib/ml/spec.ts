/**
 * Shapes and parameter names shared by the TF.js models (lib/ml) and the ONNX exporters
 * (lib/onnx). This file imports nothing from TF.js on purpose: the exporters depend on it, and
 * an exporter must not pull the training framework into a serving bundle.
 */

/**
 * A stack of dense layers. Every layer but the last applies ReLU; the last applies
 * `finalActivation` (default linear, as a tower's output should be). `l2Normalize` rescales the
 * output rows to unit length, so dot products become cosine similarities.
 */
export interface MlpSpec {
  units: number[];
  finalActivation?: 'linear' | 'relu';
  l2Normalize?: boolean;
}

/** Epsilon under the square root of the L2 norm, the same in TF.js and in the ONNX graph. */
export const L2_EPSILON = 1e-12;

export interface DenseNames {
  kernel: string;
  bias: string;
}

/** Parameter names: one convention, used both to create variables and to export them. */
export const names = {
  embedding: (prefix: string): string => `${prefix}/embedding`,
  dense: (prefix: string, i: number): DenseNames => ({
    kernel: `${prefix}/dense_${i}/kernel`,
    bias: `${prefix}/dense_${i}/bias`,
  }),
  cross: (prefix: string, i: number): DenseNames => ({
    kernel: `${prefix}/cross_${i}/kernel`,
    bias: `${prefix}/cross_${i}/bias`,
  }),
};

/** Output width of an MLP (its last layer's units, or the input width when it has none). */
export function mlpOutputDim(inputDim: number, spec: MlpSpec): number {
  return spec.units.length > 0 ? spec.units[spec.units.length - 1]! : inputDim;
}

/** Whether layer `i` of `spec` applies ReLU. */
export function mlpLayerRelu(spec: MlpSpec, i: number): boolean {
  return i < spec.units.length - 1 || spec.finalActivation === 'relu';
}
