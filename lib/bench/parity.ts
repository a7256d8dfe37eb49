import type * as OrtTypes from 'onnxruntime-web';
import { isDense, numRows, type DataTable } from '../ml/data';
import { createDcn, type DcnConfig } from '../ml/dcn';
import { createLogReg } from '../ml/logreg';
import { createMlpModel } from '../ml/mlp';
import { disposeModel, extractWeights, type Model } from '../ml/model';
import { predictArrays } from '../ml/predict';
import { fit } from '../ml/train';
import { createTwoTower, withItemLogQ, type TwoTowerConfig } from '../ml/two-tower';
import { exportDcnRanker } from '../onnx/export-dcn';
import { exportLogReg, exportMlp } from '../onnx/export-mlp';
import { exportItemTower, exportUserTower } from '../onnx/export-two-tower';
import { createRng } from '../random';
import type { Ort } from '../runtime/engine';
import { dcnInputs, dcnLabels, randomIds, randomNormals } from './fixtures';

export const PARITY_TOLERANCE = 1e-4;

export interface ParityResult {
  kind: string;
  output: string;
  maxAbsDiff: number;
  values: number;
}

/** ORT feeds from a DataTable: int ids as int32 [B], dense {data, width} as float32 [B, w]. */
function feedsOf(
  o: Ort,
  table: DataTable,
  names: Record<string, string>,
): Record<string, OrtTypes.Tensor> {
  const out: Record<string, OrtTypes.Tensor> = {};
  for (const [column, input] of Object.entries(names)) {
    const c = table[column]!;
    if (c instanceof Int32Array) out[input] = new o.Tensor('int32', c, [c.length]);
    else if (isDense(c))
      out[input] = new o.Tensor('float32', c.data, [c.data.length / c.width, c.width]);
    else out[input] = new o.Tensor('float32', c, [c.length]);
  }
  return out;
}

/** Worst |TF.js − ORT| per output of one exported model on the given inputs. */
export async function compareOutputs(
  o: Ort,
  provider: string,
  model: Model,
  bytes: Uint8Array,
  inputs: DataTable,
  names: Record<string, string>,
  outputs: string[],
): Promise<Record<string, { diff: number; values: number }>> {
  const session = await o.InferenceSession.create(bytes, { executionProviders: [provider] });
  try {
    const expected = predictArrays(model, inputs);
    const got = await session.run(feedsOf(o, inputs, names));
    const result: Record<string, { diff: number; values: number }> = {};
    for (const name of outputs) {
      const e = expected[name]!.data;
      const g = got[name]!.data as Float32Array;
      if (g.length !== e.length)
        throw new Error(`${name}: ORT gave ${g.length} values, TF.js ${e.length}`);
      let diff = 0;
      for (let i = 0; i < g.length; i++) diff = Math.max(diff, Math.abs(g[i]! - e[i]!));
      result[name] = { diff, values: g.length };
    }
    return result;
  } finally {
    await session.release();
  }
}

const TOWER: TwoTowerConfig = {
  numUsers: 50,
  numItems: 80,
  embeddingDim: 8,
  userFeatureDim: 4,
  itemFeatureDim: 4,
  userTower: { units: [16, 8], l2Normalize: true },
  itemTower: { units: [16, 8], l2Normalize: true },
  seed: 3,
};
const DCN: DcnConfig = {
  fields: [
    { name: 'user', vocabSize: 40, dim: 6 },
    { name: 'item', vocabSize: 60, dim: 4 },
  ],
  denseDim: 3,
  crossLayers: 2,
  deep: { units: [16, 8] },
  regressionLoss: 'huber',
  seed: 5,
};
const BATCH = 37;

/**
 * Trains a small model of every kind for a few steps (so weights are not at initialisation),
 * exports it, and compares TF.js and onnxruntime-web on seeded random inputs.
 */
export async function runParity(o: Ort, provider = 'wasm'): Promise<ParityResult[]> {
  const rng = createRng(2024);
  const results: ParityResult[] = [];
  const record = (kind: string, r: Record<string, { diff: number; values: number }>) => {
    for (const [output, v] of Object.entries(r))
      results.push({ kind, output, maxAbsDiff: v.diff, values: v.values });
  };
  const opts = { epochs: 1, batchSize: 32, learningRate: 0.01 };

  const tower = createTwoTower(TOWER);
  const n = 256;
  const towerData = withItemLogQ(
    {
      userId: randomIds(rng, n, TOWER.numUsers),
      itemId: randomIds(rng, n, TOWER.numItems),
      userFeatures: { data: randomNormals(rng, n * 4), width: 4 },
      itemFeatures: { data: randomNormals(rng, n * 4), width: 4 },
    },
    TOWER.numItems,
  );
  await fit(tower, towerData, opts);
  const w = extractWeights(tower);
  const users = {
    userId: randomIds(rng, BATCH, TOWER.numUsers),
    userFeatures: { data: randomNormals(rng, BATCH * 4), width: 4 },
  };
  const items = {
    itemId: randomIds(rng, BATCH, TOWER.numItems),
    itemFeatures: { data: randomNormals(rng, BATCH * 4), width: 4 },
  };
  record(
    'user tower',
    await compareOutputs(
      o,
      provider,
      tower,
      exportUserTower(TOWER, w),
      users,
      { userId: 'user_id', userFeatures: 'user_features' },
      ['user_embedding'],
    ),
  );
  record(
    'item tower',
    await compareOutputs(
      o,
      provider,
      tower,
      exportItemTower(TOWER, w),
      items,
      { itemId: 'item_id', itemFeatures: 'item_features' },
      ['item_embedding'],
    ),
  );
  disposeModel(tower);

  const dcn = createDcn(DCN);
  await fit(dcn, dcnLabels(dcnInputs(DCN, n, 1), n, 2), opts);
  const dcnNames: Record<string, string> = { user: 'user_id', item: 'item_id', dense: 'dense' };
  record(
    'DCN-V2 ranker',
    await compareOutputs(
      o,
      provider,
      dcn,
      exportDcnRanker(DCN, extractWeights(dcn)),
      dcnInputs(DCN, BATCH, 3),
      dcnNames,
      ['click_prob', 'regression'],
    ),
  );
  disposeModel(dcn);

  const features = { data: randomNormals(rng, n * 6), width: 6 };
  const label = Float32Array.from({ length: n }, (_, i) =>
    features.data[i * 6]! + features.data[i * 6 + 1]! > 0 ? 1 : 0,
  );
  const probe = { features: { data: randomNormals(rng, BATCH * 6), width: 6 } };
  const mlpConfig = { inputDim: 6, hidden: [16, 8], task: 'binary' as const, seed: 9 };
  const mlp = createMlpModel(mlpConfig);
  await fit(mlp, { features, label }, opts);
  record(
    'MLP',
    await compareOutputs(
      o,
      provider,
      mlp,
      exportMlp(mlpConfig, extractWeights(mlp)),
      probe,
      { features: 'features' },
      outputsOf(mlp, probe),
    ),
  );
  disposeModel(mlp);

  const lrConfig = { inputDim: 6, seed: 13 };
  const lr = createLogReg(lrConfig);
  await fit(lr, { features, label }, opts);
  record(
    'logistic regression',
    await compareOutputs(
      o,
      provider,
      lr,
      exportLogReg(lrConfig, extractWeights(lr)),
      probe,
      { features: 'features' },
      outputsOf(lr, probe),
    ),
  );
  disposeModel(lr);
  if (numRows(probe) !== BATCH) throw new Error('parity probe has the wrong size');
  return results;
}

function outputsOf(model: Model, table: DataTable): string[] {
  return Object.keys(predictArrays(model, table));
}
