/**
 * ONNX export of the DCN-V2 multi-task ranker: one id input per categorical field plus the
 * dense features; two outputs, the click probability and the regression head.
 */
import {
  CLICK_HEAD,
  CROSS,
  DCN_FIELD_PREFIX,
  DEEP,
  REGRESSION_HEAD,
  dcnDeepSpec,
  type DcnConfig,
} from '../ml/dcn';
import { names } from '../ml/spec';
import type { WeightMap } from '../ml/weights';
import type { IdExportOptions } from './export-two-tower';
import { GraphBuilder } from './graph';
import { emitCross, emitDense, emitEmbedding, emitFlatten1, emitMlp } from './layers';

/**
 * Inputs `${field}_id` [batch] per field and `dense` [batch, denseDim]; outputs click_prob
 * [batch] and regression [batch] (in the trained space: log1p(target) by default, so apply
 * expm1 to get raw units).
 */
export function exportDcnRanker(
  config: DcnConfig,
  weights: WeightMap,
  opts: IdExportOptions = {},
): Uint8Array {
  const g = new GraphBuilder('dcn_v2_ranker');
  const parts = config.fields.map((f) =>
    emitEmbedding(
      g,
      weights,
      DCN_FIELD_PREFIX + f.name,
      g.input(`${f.name}_id`, opts.idType ?? 'int32', ['batch']),
    ),
  );
  if (config.denseDim > 0) parts.push(g.input('dense', 'float32', ['batch', config.denseDim]));
  const x0 = parts.length === 1 ? parts[0]! : g.node('Concat', parts, { axis: 1 });
  const trunk = emitMlp(
    g,
    weights,
    DEEP,
    emitCross(g, weights, CROSS, x0, config.crossLayers),
    dcnDeepSpec(config),
  );
  const clickLogit = emitDense(g, weights, names.dense(CLICK_HEAD, 0), trunk, false).out;
  const regression = emitDense(g, weights, names.dense(REGRESSION_HEAD, 0), trunk, false).out;
  g.output(emitFlatten1(g, g.node('Sigmoid', [clickLogit])), 'click_prob', 'float32', ['batch']);
  g.output(emitFlatten1(g, regression), 'regression', 'float32', ['batch']);
  return g.toBytes('DCN-V2 multi-task ranker', { kind: 'dcn-v2', config: JSON.stringify(config) });
}
