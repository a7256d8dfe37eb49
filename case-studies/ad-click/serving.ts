/**
 * The ad click ranker in the model registry: one name (`ad-click-ranker`) with one ONNX part
 * (`ranker`), whose config carries everything serving needs besides the graph — the model kind,
 * its feature groups, the ONNX output holding the click probability and the serving calibration
 * (undo downsampling, then the calibrator). The shipped DCN-V2 is version 1, listed from
 * public/models/ad-click/metrics.json; versions trained in the browser follow.
 *
 * So a page hot-swaps rankers with: registry.active(AD_RANKER_MODEL) → loadOnnx(id, 'ranker') →
 * ortAdRanker(ort, bytes, rankerServingConfig(version.config)). Pure TypeScript: the ONNX
 * runtime comes in as a parameter.
 */
import { z } from 'zod';
import type { ModelRegistry } from '@/lib/registry/registry';
import type {
  JsonValue,
  ModelVersion,
  NewModelVersion,
  ShippedManifest,
} from '@/lib/registry/types';
import type { Ort } from '@/lib/runtime/engine';
import { adCalibrationFromJson, type AdCalibrationJson } from './calibration';
import { ALL_GROUPS, type FeatureGroup, type ModelKind } from './features';
import { onnxFeeds, type AdRanker } from './pipeline';
import type { AdVariantResult } from './retrain';

export const AD_RANKER_MODEL = 'ad-click-ranker';
export const AD_RANKER_PART = 'ranker';
export const AD_MODELS_BASE = '/models/ad-click/';

/** The split every ranker version is evaluated on: the world's last day. */
export const testDayLabel = (worldSeed: number, testDay: number): string =>
  `ad world ${worldSeed}, test day ${testDay}`;

/** What serving needs, besides the ONNX bytes, to score and calibrate with a ranker version. */
export interface RankerServingConfig {
  kind: ModelKind;
  groups: FeatureGroup[];
  /** Output of the ONNX graph that holds the raw click probability. */
  onnxOutput: string;
  calibration: AdCalibrationJson;
}

const servingSchema = z.object({
  kind: z.enum(['dcn', 'mlp', 'lr']),
  groups: z.array(z.enum(ALL_GROUPS as [FeatureGroup, ...FeatureGroup[]])).min(1),
  onnxOutput: z.string().min(1).max(60),
  calibration: z.unknown(),
});

/** Reads a version's config as a serving config; a clear Error when it is not one. */
export function rankerServingConfig(config: JsonValue): RankerServingConfig {
  const parsed = servingSchema.safeParse(config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `This ranker version cannot be served: its config ${issue ? `has a bad "${issue.path.join('.')}" (${issue.message})` : 'is not valid'}.`,
    );
  }
  // Validates the calibration too (throws on a bad one).
  const calibration = adCalibrationFromJson(parsed.data.calibration).toJSON();
  return { ...parsed.data, calibration };
}

interface ShippedAdMetrics {
  date?: string;
  seed?: number;
  split?: { testDay?: number };
  models?: {
    dcn?: {
      groups?: FeatureGroup[];
      onnxOutput?: string;
      calibration?: AdCalibrationJson & { method?: string };
      config?: JsonValue;
      inputs?: JsonValue;
      training?: { rows?: number; epochs?: number; bestEpoch?: number };
      test?: {
        raw?: { auc?: number };
        calibrated?: Record<string, number>;
      };
    };
  };
  files?: Record<string, number>;
}

/**
 * Version 1 of the ranker: the shipped DCN-V2, described by metrics.json. `onnxBytes` is the
 * size of dcn.onnx (metrics.json does not record it; the registry checks it on every load).
 */
export function shippedAdRankerManifest(
  metrics: unknown,
  onnxBytes: number,
  base = AD_MODELS_BASE,
): ShippedManifest {
  const m = metrics as ShippedAdMetrics | null;
  const dcn = m?.models?.dcn;
  const served = dcn?.test?.calibrated;
  const testDay = m?.split?.testDay;
  if (
    !dcn?.groups ||
    !dcn.calibration ||
    !served ||
    typeof m?.seed !== 'number' ||
    typeof m.date !== 'string' ||
    typeof testDay !== 'number'
  ) {
    throw new Error('metrics.json lacks the DCN-V2 entries (date, seed, split, models.dcn)');
  }
  const { method: _method, ...calibration } = dcn.calibration;
  const serving: RankerServingConfig = {
    kind: 'dcn',
    groups: dcn.groups,
    onnxOutput: dcn.onnxOutput ?? 'click_prob',
    calibration,
  };
  const config = {
    ...serving,
    calibrationMethod: dcn.calibration.method ?? 'platt',
    model: dcn.config ?? null,
    inputs: dcn.inputs ?? null,
    training: dcn.training ?? null,
  };
  return {
    format: 1,
    models: [
      {
        name: AD_RANKER_MODEL,
        version: 1,
        createdAt: m.date,
        seed: m.seed,
        config: JSON.parse(JSON.stringify(config)) as JsonValue,
        metrics: {
          split: testDayLabel(m.seed, testDay),
          values: rankerMetricValues({ ...served, auc: dcn.test?.raw?.auc ?? served.auc }),
        },
        onnx: {
          [AD_RANKER_PART]: { key: `${base}dcn.onnx`, bytes: m.files?.['dcn.onnx'] ?? onnxBytes },
        },
        note: 'shipped: DCN-V2 trained by npm run train',
      },
    ],
  };
}

/** The registry's metric values of a ranker: what serving returns, on the test day. */
export const RANKER_METRICS = [
  'auc',
  'logLoss',
  'normalizedEntropy',
  'ece',
  'calibrationRatio',
] as const;

export function rankerMetricValues(
  m: Partial<Record<(typeof RANKER_METRICS)[number], number>>,
): Record<string, number> {
  const values: Record<string, number> = {};
  for (const k of RANKER_METRICS) {
    const v = m[k];
    if (typeof v === 'number' && Number.isFinite(v)) values[k] = v;
  }
  return values;
}

/**
 * Saves a trained ranker as a browser version and makes it the serving one. When storage is
 * full (or any write fails) the registry's error is thrown and nothing changes: the versions
 * already saved stay, and so does the serving choice.
 */
export async function registerAndServe(
  registry: ModelRegistry,
  version: NewModelVersion,
  onnx: Uint8Array,
): Promise<ModelVersion> {
  const v = await registry.register(version, { [AD_RANKER_PART]: onnx });
  await registry.setActive(AD_RANKER_MODEL, v.id);
  return v;
}

/** An AdRanker over an onnxruntime-web session of a ranker's ONNX bytes. */
export async function ortAdRanker(
  ort: Ort,
  bytes: Uint8Array,
  serving: RankerServingConfig,
): Promise<{ ranker: AdRanker; release: () => Promise<void> }> {
  const session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
  const calibration = adCalibrationFromJson(serving.calibration);
  const ranker: AdRanker = {
    kind: serving.kind,
    groups: serving.groups,
    calibration,
    async score(input) {
      const feeds: Record<string, InstanceType<Ort['Tensor']>> = {};
      for (const [name, f] of Object.entries(onnxFeeds(input))) {
        feeds[name] = new ort.Tensor(f.type, f.data, f.dims);
      }
      const out = await session.run(feeds);
      const y = out[serving.onnxOutput];
      if (!y) throw new Error(`the ranker's ONNX graph has no output "${serving.onnxOutput}"`);
      return y.data as Float32Array;
    },
  };
  return { ranker, release: () => session.release() };
}

/** The registry entry of a trained variant: serving config, recipe and test-day metrics. */
export function variantVersion(r: AdVariantResult, parentId: string | null): NewModelVersion {
  const serving: RankerServingConfig = {
    kind: r.spec.ranker,
    groups: r.groups,
    onnxOutput: r.onnxOutput,
    calibration: r.calibration,
  };
  const config = {
    ...serving,
    calibrationMethod: r.calibrationMethod,
    spec: r.spec,
    model: r.modelConfig,
    inputs: r.inputs,
    world: { seed: r.worldSeed },
    training: {
      days: r.trainDays,
      rows: r.trainRows,
      rowsKept: r.trainRowsKept,
      epochsAllowed: r.epochsAllowed,
      epochs: r.history.length,
      bestEpoch: r.bestEpoch,
    },
  };
  const d = r.vsShipped;
  return {
    name: AD_RANKER_MODEL,
    seed: r.modelSeed,
    config: JSON.parse(JSON.stringify(config)) as JsonValue,
    metrics: {
      split: r.split,
      values: {
        ...rankerMetricValues(r.served),
        'auc − shipped': d.estimate,
        'auc − shipped, 95% lower': d.lower,
        'auc − shipped, 95% upper': d.upper,
      },
    },
    parentId,
    note: `trained in this browser: ${r.label}`,
  };
}
