/**
 * What the live page's feed worker needs besides the pipeline: the catalogue sizes it offers,
 * the shipped models' metadata (read from public/models/video-recs/metrics.json), the shipped
 * two-tower as a model-registry manifest (so retrained versions replace it through the
 * registry), and the ONNX input feeds of each model. Pure TypeScript.
 */
import type { DataTable } from '../../lib/ml/data';
import type { ShippedManifest } from '../../lib/registry/types';
import type { Feeds } from '../../lib/runtime/protocol';
import type { ModelVocab } from './pipeline';
import { WORLD_PRESETS, type WorldOptions } from './world';

/** The registry name of the retrieval model; its versions have parts 'user-tower' and 'item-tower'. */
export const TWO_TOWER_MODEL = 'video-recs-two-tower';
export const USER_TOWER_PART = 'user-tower';
export const ITEM_TOWER_PART = 'item-tower';
export const MODELS_BASE = '/models/video-recs/';

export const CATALOGUE_SIZES = [10_000, 100_000, 1_000_000] as const;
export type CatalogueSize = (typeof CATALOGUE_SIZES)[number];

/** The world behind a catalogue size: the app's presets, with the learner's seed. */
export function feedWorldOptions(seed: number, size: CatalogueSize): WorldOptions {
  const preset =
    size === 10_000
      ? WORLD_PRESETS.small
      : size === 100_000
        ? WORLD_PRESETS.medium
        : WORLD_PRESETS.large;
  return { ...preset, seed };
}

export interface ShippedVideoMeta {
  vocab: ModelVocab;
  negativeRate: { dcn: number; logreg: number };
  /** Embedding width of the towers. */
  dim: number;
  seed: number;
  createdAt: string;
  /** Held-out metrics of the two-tower (test split), for the registry. */
  twoTowerMetrics: Record<string, number>;
  twoTowerConfig: unknown;
  files: Record<string, number>;
}

function num(x: unknown, what: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x))
    throw new Error(`metrics.json: ${what} is missing`);
  return x;
}

type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj => (x && typeof x === 'object' ? (x as Obj) : {});

/** Reads what serving needs from metrics.json; throws an Error naming the missing field. */
export function parseVideoMetrics(json: unknown): ShippedVideoMeta {
  const m = obj(json);
  const models = obj(m.models);
  const tt = obj(models.twoTower);
  const dcn = obj(models.dcn);
  const creator = (Array.isArray(dcn.fields) ? (dcn.fields as unknown[]) : [])
    .map(obj)
    .find((f) => f.name === 'creator');
  const units = Array.isArray(obj(tt.userTower).units)
    ? (obj(tt.userTower).units as unknown[])
    : [];
  const recall = obj(obj(obj(obj(m.metrics).retrieval).twoTower).recall);
  const twoTowerMetrics: Record<string, number> = {};
  for (const [k, v] of Object.entries(recall)) {
    const e = obj(v).estimate;
    if (typeof e === 'number') twoTowerMetrics[`recall@${k}`] = e;
  }
  const files: Record<string, number> = {};
  for (const [k, v] of Object.entries(obj(m.files))) if (typeof v === 'number') files[k] = v;
  return {
    vocab: {
      users: num(tt.numUsers, 'models.twoTower.numUsers'),
      videos: num(tt.numItems, 'models.twoTower.numItems'),
      creators: num(creator?.vocabSize, 'the DCN creator field'),
    },
    negativeRate: {
      dcn: num(models.dcnNegativeRate, 'models.dcnNegativeRate'),
      logreg: num(models.logRegNegativeRate, 'models.logRegNegativeRate'),
    },
    dim: num(units.at(-1), 'models.twoTower.userTower.units'),
    seed: num(m.seed, 'seed'),
    createdAt: typeof m.date === 'string' ? m.date : new Date(0).toISOString(),
    twoTowerMetrics,
    twoTowerConfig: tt,
    files,
  };
}

/** The shipped two-tower as version 1 of TWO_TOWER_MODEL, for ModelRegistry.mergeShipped. */
export function shippedTwoTowerManifest(meta: ShippedVideoMeta): ShippedManifest {
  const ref = (file: string) => ({ key: `${MODELS_BASE}${file}`, bytes: meta.files[file] ?? 0 });
  return {
    format: 1,
    models: [
      {
        name: TWO_TOWER_MODEL,
        version: 1,
        createdAt: meta.createdAt,
        seed: meta.seed,
        config: JSON.parse(
          JSON.stringify(meta.twoTowerConfig ?? null),
        ) as ShippedManifest['models'][number]['config'],
        metrics: { split: 'test', values: meta.twoTowerMetrics },
        onnx: {
          [USER_TOWER_PART]: ref('user-tower.onnx'),
          [ITEM_TOWER_PART]: ref('item-tower.onnx'),
        },
        note: 'Shipped: trained by npm run train on the 10k-video world, seed 1',
      },
    ],
  };
}

/** Two-tower ONNX inputs (`user_id` / `item_id`, `user_features` / `item_features`). */
export function towerFeeds(
  side: 'user' | 'item',
  ids: Int32Array,
  features: Float32Array,
  vocab: number,
): Feeds {
  const rows = ids.length;
  return {
    [`${side}_id`]: { type: 'int32', data: ids.map((id) => id % vocab), dims: [rows] },
    [`${side}_features`]: {
      type: 'float32',
      data: features,
      dims: [rows, features.length / Math.max(1, rows)],
    },
  };
}

/**
 * DCN-V2 ONNX inputs from a ranker table: `<field>_id` for each categorical input the
 * session declares, plus `dense`. Ids must already be folded into the trained vocabularies.
 */
export function dcnFeeds(table: DataTable, inputNames: readonly string[]): Feeds {
  const dense = table.dense as { data: Float32Array; width: number };
  const rows = dense.data.length / dense.width;
  const feeds: Feeds = {};
  for (const name of inputNames) {
    if (name === 'dense') {
      feeds.dense = { type: 'float32', data: dense.data, dims: [rows, dense.width] };
      continue;
    }
    const col = table[name.replace(/_id$/, '')] as Int32Array | undefined;
    if (!col)
      throw new Error(`The ranker needs "${name}", which the feature lookup does not give.`);
    feeds[name] = { type: 'int32', data: col, dims: [rows] };
  }
  return feeds;
}
