/**
 * ONNX export of the two towers as two separate models: the user tower runs per request in
 * the browser, the item tower runs once over the catalogue to build the retrieval index.
 */
import { mlpOutputDim } from '../ml/spec';
import type { TwoTowerConfig } from '../ml/two-tower';
import type { WeightMap } from '../ml/weights';
import { GraphBuilder } from './graph';
import { emitEmbedding, emitMlp } from './layers';

export interface IdExportOptions {
  /**
   * Element type of the id inputs. onnxruntime-web's Gather accepts both; int32 (default)
   * lets callers pass an Int32Array instead of a BigInt64Array.
   */
  idType?: 'int32' | 'int64';
}

type Side = 'user' | 'item';

function exportTower(
  side: Side,
  config: TwoTowerConfig,
  weights: WeightMap,
  opts: IdExportOptions,
): Uint8Array {
  if (config.userHistory)
    throw new Error('ONNX export: history-pooling user towers are not supported');
  const spec = side === 'user' ? config.userTower : config.itemTower;
  const featureDim = side === 'user' ? config.userFeatureDim : config.itemFeatureDim;
  const outDim = mlpOutputDim(config.embeddingDim + featureDim, spec);
  const g = new GraphBuilder(`${side}_tower`);
  const ids = g.input(`${side}_id`, opts.idType ?? 'int32', ['batch']);
  let x = emitEmbedding(g, weights, side, ids);
  if (featureDim > 0) {
    const features = g.input(`${side}_features`, 'float32', ['batch', featureDim]);
    x = g.node('Concat', [x, features], { axis: 1 });
  }
  g.output(emitMlp(g, weights, side, x, spec), `${side}_embedding`, 'float32', ['batch', outDim]);
  return g.toBytes(`two-tower ${side} tower`, {
    kind: `two-tower-${side}`,
    config: JSON.stringify(config),
  });
}

/** Inputs user_id [batch] (+ user_features [batch, F]); output user_embedding [batch, D]. */
export function exportUserTower(
  config: TwoTowerConfig,
  weights: WeightMap,
  opts: IdExportOptions = {},
): Uint8Array {
  return exportTower('user', config, weights, opts);
}

/** Inputs item_id [batch] (+ item_features [batch, F]); output item_embedding [batch, D]. */
export function exportItemTower(
  config: TwoTowerConfig,
  weights: WeightMap,
  opts: IdExportOptions = {},
): Uint8Array {
  return exportTower('item', config, weights, opts);
}
