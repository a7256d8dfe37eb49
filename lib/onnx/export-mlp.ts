/**
 * ONNX export of the MLP model and of logistic regression (a one-unit dense layer).
 */
import type { LogRegConfig } from '../ml/logreg';
import { LOGREG } from '../ml/logreg';
import { MLP_PREFIX, mlpModelSpec, type MlpConfig } from '../ml/mlp';
import type { WeightMap } from '../ml/weights';
import { GraphBuilder } from './graph';
import { emitDense, emitFlatten1, emitMlp } from './layers';

/**
 * Input features [batch, inputDim]; output `output`: probability [batch] (binary), value
 * [batch] (regression) or class probabilities [batch, C] (multiclass).
 */
export function exportMlp(config: MlpConfig, weights: WeightMap): Uint8Array {
  const g = new GraphBuilder('mlp');
  const x = g.input('features', 'float32', ['batch', config.inputDim]);
  const logits = emitMlp(g, weights, MLP_PREFIX, x, mlpModelSpec(config));
  if (config.task === 'multiclass') {
    const probs = g.node('Softmax', [logits], { axis: -1 });
    g.output(probs, 'output', 'float32', ['batch', config.numClasses ?? 0]);
  } else {
    const y = config.task === 'binary' ? g.node('Sigmoid', [logits]) : logits;
    g.output(emitFlatten1(g, y), 'output', 'float32', ['batch']);
  }
  return g.toBytes(`MLP (${config.task})`, { kind: 'mlp', config: JSON.stringify(config) });
}

/** Input features [batch, inputDim]; output probability [batch]. */
export function exportLogReg(config: LogRegConfig, weights: WeightMap): Uint8Array {
  const g = new GraphBuilder('logistic_regression');
  const x = g.input('features', 'float32', ['batch', config.inputDim]);
  const logit = emitDense(g, weights, LOGREG, x, false).out;
  g.output(emitFlatten1(g, g.node('Sigmoid', [logit])), 'probability', 'float32', ['batch']);
  return g.toBytes('logistic regression', { kind: 'logreg', config: JSON.stringify(config) });
}
