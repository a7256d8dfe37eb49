/**
 * One ranker variant of the ad click what-ifs, as plain data: the spec (model, cross layers,
 * feature groups left out, negatives kept, re-calibration, training window), its checks, its
 * label, its training days, and its place in the URL. No training here (see retrain.ts), so the
 * page's controls import it without TF.js.
 */
import {
  DEFAULT_GROUPS,
  FEATURE_GROUPS,
  ALL_GROUPS,
  type FeatureGroup,
  type ModelKind,
} from './features';

export type TrainWindow = 'older' | 'latest';

export interface AdVariantSpec {
  ranker: ModelKind;
  /** Cross layers of DCN-V2, 0–3 (ignored by the MLP and LR). */
  crossLayers: number;
  /** Feature groups of the ranker's defaults left out (ablation). */
  drop: FeatureGroup[];
  /** Share of negative training rows kept, (0, 1]. */
  downsampleRate: number;
  /** Undo the downsampling and calibrate on the calibration day; off serves the raw output. */
  recalibrate: boolean;
  /** The earliest days after the warm-up, or the days just before the calibration day. */
  window: TrainWindow;
}

export const DEFAULT_VARIANT: AdVariantSpec = {
  ranker: 'dcn',
  crossLayers: 2,
  drop: [],
  downsampleRate: 0.1,
  recalibrate: true,
  window: 'latest',
};

export const MAX_CROSS_LAYERS = 3;

/** Days in a browser training window (see retrain.ts for the browser size). */
export const BROWSER_WINDOW_DAYS = 2;

/** The spec with its problems named, or the first problem as a sentence. */
export function checkVariant(
  spec: AdVariantSpec,
): { ok: true; value: AdVariantSpec } | { ok: false; message: string } {
  const bad = (message: string) => ({ ok: false as const, message });
  if (!['dcn', 'mlp', 'lr'].includes(spec.ranker)) return bad(`Unknown ranker "${spec.ranker}".`);
  const layers = spec.crossLayers;
  if (!Number.isInteger(layers) || layers < 0 || layers > MAX_CROSS_LAYERS) {
    return bad(`Cross layers must be a whole number from 0 to ${MAX_CROSS_LAYERS}.`);
  }
  const rate = spec.downsampleRate;
  if (!(rate > 0 && rate <= 1)) return bad('The share of negatives kept must be above 0 and ≤ 1.');
  const unknown = spec.drop.find((g) => !ALL_GROUPS.includes(g));
  if (unknown) return bad(`Unknown feature group "${unknown}".`);
  const left = variantGroups(spec);
  if (left.length === 0) return bad('Keep at least one feature group: a model needs some input.');
  if (spec.window !== 'older' && spec.window !== 'latest') {
    return bad(`The training window must be "older" or "latest".`);
  }
  return { ok: true, value: { ...spec, drop: [...new Set(spec.drop)] } };
}

/** The feature groups the variant trains with. */
export function variantGroups(spec: AdVariantSpec): FeatureGroup[] {
  return DEFAULT_GROUPS[spec.ranker].filter((g) => !spec.drop.includes(g));
}

/**
 * Training days of a window in a world of `days` days: after the warm-up day (0), before the
 * calibration and test days (the last two), as splitByDay splits.
 */
export function trainingWindow(days: number, window: TrainWindow, size: number): number[] {
  const trainDays = Array.from({ length: Math.max(0, days - 3) }, (_, k) => 1 + k);
  const n = Math.min(size, trainDays.length);
  return window === 'older' ? trainDays.slice(0, n) : trainDays.slice(trainDays.length - n);
}

const groupLabel = (g: FeatureGroup) => FEATURE_GROUPS.find((x) => x.id === g)?.label ?? g;
export const daysLabel = (days: readonly number[]) =>
  days.length > 1 ? `days ${days[0]}–${days.at(-1)}` : `day ${days[0]}`;

/** "DCN-V2, 2 cross layers, without Historical CTR; 10% of negatives, re-calibrated; latest days" */
export function variantLabel(spec: AdVariantSpec): string {
  const model =
    spec.ranker === 'dcn'
      ? `DCN-V2, ${spec.crossLayers} cross layer${spec.crossLayers === 1 ? '' : 's'}`
      : spec.ranker === 'mlp'
        ? 'MLP'
        : spec.drop.includes('crosses')
          ? 'LR without crosses'
          : 'LR with hand-made crosses';
  const dropped = spec.drop.filter((g) => !(spec.ranker === 'lr' && g === 'crosses'));
  const without = dropped.length ? `, without ${dropped.map(groupLabel).join(', ')}` : '';
  const rate =
    spec.downsampleRate < 1
      ? `${+(spec.downsampleRate * 100).toFixed(1)}% of negatives, ${spec.recalibrate ? 're-calibrated' : 'not re-calibrated'}`
      : `all negatives, ${spec.recalibrate ? 'calibrated' : 'raw output'}`;
  return `${model}${without}; ${rate}; ${spec.window} days`;
}

// ---------------------------------------------------------------------------------------------
// The variant in the URL (prefixed keys, so the host page's own settings do not collide)

export const VARIANT_PARAMS = {
  ranker: 'vranker',
  crossLayers: 'vcross',
  drop: 'vdrop',
  downsampleRate: 'vneg',
  recalibrate: 'vrecal',
  window: 'vdays',
} as const;

/** The variant's non-default settings as URL parameters. */
export function variantToParams(spec: AdVariantSpec): Record<string, string> {
  const d = DEFAULT_VARIANT;
  const out: Record<string, string> = {};
  if (spec.ranker !== d.ranker) out[VARIANT_PARAMS.ranker] = spec.ranker;
  if (spec.crossLayers !== d.crossLayers) out[VARIANT_PARAMS.crossLayers] = `${spec.crossLayers}`;
  if (spec.drop.length > 0) out[VARIANT_PARAMS.drop] = spec.drop.join(',');
  if (spec.downsampleRate !== d.downsampleRate) {
    out[VARIANT_PARAMS.downsampleRate] = `${spec.downsampleRate}`;
  }
  if (spec.recalibrate !== d.recalibrate)
    out[VARIANT_PARAMS.recalibrate] = spec.recalibrate ? '1' : '0';
  if (spec.window !== d.window) out[VARIANT_PARAMS.window] = spec.window;
  return out;
}

/**
 * A variant from URL parameters: each missing or bad value falls back to the default, and each
 * bad one is named in `notices`, so a mangled link still opens.
 */
export function variantFromParams(get: (key: string) => string | null): {
  spec: AdVariantSpec;
  notices: string[];
} {
  const notices: string[] = [];
  const spec: AdVariantSpec = { ...DEFAULT_VARIANT, drop: [] };
  const read = <K extends keyof AdVariantSpec>(
    key: K,
    parse: (raw: string) => AdVariantSpec[K] | undefined,
  ) => {
    const raw = get(VARIANT_PARAMS[key]);
    if (raw === null) return;
    const value = parse(raw);
    if (value === undefined)
      notices.push(`Ignored ${VARIANT_PARAMS[key]}=${raw}: not a valid value.`);
    else spec[key] = value;
  };
  read('ranker', (r) => (['dcn', 'mlp', 'lr'] as const).find((k) => k === r));
  read('crossLayers', (r) => {
    const n = Number(r);
    return Number.isInteger(n) && n >= 0 && n <= MAX_CROSS_LAYERS ? n : undefined;
  });
  read('downsampleRate', (r) => {
    const n = Number(r);
    return n > 0 && n <= 1 ? n : undefined;
  });
  read('recalibrate', (r) => (r === '1' ? true : r === '0' ? false : undefined));
  read('window', (r) => (r === 'older' || r === 'latest' ? r : undefined));
  read('drop', (r) => {
    const groups = r.split(',').filter(Boolean) as FeatureGroup[];
    return groups.every((g) => DEFAULT_GROUPS[spec.ranker].includes(g)) ? groups : undefined;
  });
  const checked = checkVariant(spec);
  if (!checked.ok) {
    notices.push(`Ignored the link's variant: ${checked.message}`);
    return { spec: { ...DEFAULT_VARIANT }, notices };
  }
  return { spec: checked.value, notices };
}
