/**
 * What the live page's feed worker needs besides the pipeline: the catalogue sizes it offers,
 * the shipped models' metadata (read from public/models/video-recs/metrics.json), the shipped
 * two-tower as a model-registry manifest (so retrained versions replace it through the
 * registry), and the ONNX input feeds of each model. Pure TypeScript.
 */
import type { DataTable } from '../../lib/ml/data';
import type { TwoTowerConfig } from '../../lib/ml/two-tower';
import type { JsonValue, ShippedManifest } from '../../lib/registry/types';
import type { Feeds } from '../../lib/runtime/protocol';
import type { ModelVocab } from './pipeline';
import { WORLD_PRESETS, type WorldOptions } from './world';

/** The registry name of the retrieval model; its versions have parts 'user-tower' and 'item-tower'. */
export const TWO_TOWER_MODEL = 'video-recs-two-tower';
export const TWO_TOWER_PARTS = { user: 'user-tower', item: 'item-tower' } as const;
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
  };
}

/** The registry's split label: versions with the same label were measured on the same days. */
export function testSplitLabel(seed: number, videos: number, first: number, last: number): string {
  // The registry keeps split labels short (≤ 40 characters): 'world 1/10k, test days 12–13'.
  return `world ${seed}/${Math.round(videos / 1000)}k, test days ${first}–${last}`;
}

/**
 * The shipped two-tower as a registry manifest, from the metrics.json `npm run train` writes
 * next to the towers (public/models/video-recs/): version 1, parts user-tower and item-tower.
 * Throws with what is missing when the file is not such a metrics.json.
 */
export function shippedTwoTowerManifest(metrics: unknown, base = MODELS_BASE): ShippedManifest {
  const m = metrics as ShippedMetrics;
  const recall = m?.metrics?.retrieval?.twoTower?.recall;
  const world = m?.world;
  if (!recall || !world || !m.models?.twoTower || typeof m.date !== 'string') {
    throw new Error('metrics.json lacks the two-tower entries (date, world, models, metrics)');
  }
  const { days, validationDays, testDays } = world;
  const values: Record<string, number> = {};
  for (const k of Object.keys(recall)) values[`recall@${k}`] = recall[k]!.estimate;
  const part = (file: string) => ({ key: `${base}${file}`, bytes: m.files?.[file] ?? 0 });
  return {
    format: 1,
    models: [
      {
        name: TWO_TOWER_MODEL,
        version: 1,
        createdAt: m.date,
        seed: m.seed,
        config: JSON.parse(JSON.stringify(m.models.twoTower)) as JsonValue,
        metrics: {
          split: testSplitLabel(world.seed, world.videos, days - testDays, days - 1),
          values,
        },
        onnx: {
          [TWO_TOWER_PARTS.user]: part('user-tower.onnx'),
          [TWO_TOWER_PARTS.item]: part('item-tower.onnx'),
        },
        note: `shipped: trained by npm run train (validation days ${days - testDays - validationDays}–${days - testDays - 1})`,
      },
    ],
  };
}

interface ShippedMetrics {
  date?: string;
  seed: number;
  world?: { seed: number; videos: number; days: number; validationDays: number; testDays: number };
  models?: { twoTower?: TwoTowerConfig };
  metrics?: { retrieval?: { twoTower?: { recall?: Record<string, { estimate: number }> } } };
  files?: Record<string, number>;
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
