import type { DataTable } from '../ml/data';
import type { DcnConfig } from '../ml/dcn';
import type { TwoTowerConfig } from '../ml/two-tower';
import { createRng, type Rng } from '../random';

/**
 * Model shapes shared by the parity checks and the benchmarks, so Node and Chromium measure
 * the same thing. The ranker is a realistic size for a browser demo (~165k parameters, 2 heads).
 */
export const BENCH_TWO_TOWER: TwoTowerConfig = {
  numUsers: 1000,
  numItems: 5000,
  embeddingDim: 32,
  userFeatureDim: 8,
  itemFeatureDim: 8,
  userTower: { units: [64, 32], l2Normalize: true },
  itemTower: { units: [64, 32], l2Normalize: true },
  temperature: 0.05,
  seed: 7,
};

export const BENCH_DCN: DcnConfig = {
  fields: [
    { name: 'user', vocabSize: 1000, dim: 16 },
    { name: 'item', vocabSize: 5000, dim: 16 },
    { name: 'creator', vocabSize: 500, dim: 8 },
  ],
  denseDim: 16,
  crossLayers: 2,
  deep: { units: [256, 128, 64] },
  regressionLoss: 'huber',
  seed: 11,
};

export function randomIds(rng: Rng, n: number, vocab: number): Int32Array {
  return Int32Array.from({ length: n }, () => rng.int(vocab));
}

export function randomNormals(rng: Rng, n: number): Float32Array {
  return Float32Array.from({ length: n }, () => rng.normal());
}

/** A batch of ranker inputs: `batch` candidate rows for one user. */
export function dcnInputs(config: DcnConfig, batch: number, seed: number): DataTable {
  const rng = createRng(seed);
  const table: DataTable = {};
  for (const f of config.fields) table[f.name] = randomIds(rng, batch, f.vocabSize);
  if (config.denseDim > 0)
    table.dense = { data: randomNormals(rng, batch * config.denseDim), width: config.denseDim };
  return table;
}

/** Labels for a few training steps on ranker inputs. */
export function dcnLabels(table: DataTable, rows: number, seed: number): DataTable {
  const rng = createRng(seed);
  return {
    ...table,
    click: Float32Array.from({ length: rows }, () => (rng.next() < 0.3 ? 1 : 0)),
    target: Float32Array.from({ length: rows }, () => rng.next() * 300),
  };
}
