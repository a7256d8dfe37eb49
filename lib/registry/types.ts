/**
 * The model registry's records: every trained model version the app knows about, whether it was
 * built by `npm run train` and shipped with the site, or trained in the browser by the learner.
 * Plain JSON-able data: no TF.js, no ONNX runtime, no DOM.
 */
import type { PackedWeights } from '../ml/weights';

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** 'shipped': built by `npm run train` and served with the site. 'browser': trained by the learner. */
export type ModelSource = 'shipped' | 'browser';

/**
 * Where a blob's bytes live. For a browser version `key` is a BlobStore key; for a shipped version
 * it is the URL the shipped-model loader fetches (the default loader calls fetch(key), so use a
 * root-relative path such as '/models/video-recs/two-tower/1/user.onnx'). `bytes` and `crc32` let a load tell a missing,
 * truncated or damaged blob from a good one.
 */
export interface BlobRef {
  key: string;
  bytes: number;
  /** CRC-32 of the bytes (unsigned). Always set for browser versions; optional for shipped ones. */
  crc32?: number;
}

/** TF.js weights saved with packWeights: the bytes of `buffer`, plus its JSON manifest. */
export interface WeightsRef extends BlobRef {
  manifest: PackedWeights['manifest'];
}

/** Metrics measured on held-out data, and which split they came from. */
export interface HeldOutMetrics {
  /** e.g. 'validation' or 'test'. Comparing versions evaluated on different splits is flagged. */
  split: string;
  values: Record<string, number>;
}

/** The part name used when a version has a single ONNX graph. */
export const DEFAULT_PART = 'model';

export interface ModelVersion {
  /** 'local:<name>@<version>' for browser versions, 'shipped:<name>@<version>' for shipped ones. */
  id: string;
  /** What the model is, e.g. 'video-recs/two-tower'. Versions are numbered per name. */
  name: string;
  /** 1, 2, 3… per name, across shipped and browser versions; never reused. */
  version: number;
  /** ISO date. */
  createdAt: string;
  seed: number;
  /** The training configuration, as JSON. */
  config: JsonValue;
  metrics: HeldOutMetrics;
  source: ModelSource;
  /**
   * The ONNX graphs by part name. A single-graph model has one part, 'model' (DEFAULT_PART); a
   * two-tower model may ship 'user' and 'item' towers as separate graphs of one version.
   */
  onnx: Record<string, BlobRef>;
  /** TF.js weights, when kept (to fine-tune or retrain from this version). */
  weights?: WeightsRef;
  /** Total stored size: every ONNX part plus the weights. */
  sizeBytes: number;
  /** The version this one was fine-tuned or retrained from (may since have been removed). */
  parentId: string | null;
  /** A short label the learner or the training script gave it. */
  note?: string;
}

/** What register() needs besides the bytes; the registry assigns id, version, source and sizes. */
export interface NewModelVersion {
  name: string;
  seed: number;
  config: JsonValue;
  metrics: HeldOutMetrics;
  parentId?: string | null;
  note?: string;
  /** Defaults to the registry's clock. */
  createdAt?: string;
}

/** One shipped version, as written by `npm run train` into the static manifest. */
export interface ShippedModel {
  name: string;
  version: number;
  createdAt: string;
  seed: number;
  config: JsonValue;
  metrics: HeldOutMetrics;
  onnx: Record<string, BlobRef>;
  weights?: WeightsRef;
  /** Full id of the parent, e.g. shippedId('video-recs/two-tower', 1). */
  parentId?: string | null;
  note?: string;
}

/** The static manifest the app ships next to the model files. */
export interface ShippedManifest {
  format: 1;
  models: ShippedModel[];
}

export interface MergeReport {
  /** How many shipped versions are now listed. */
  merged: number;
  /** Human-readable descriptions of the entries (or the whole manifest) that were left out. */
  rejected: string[];
}

export interface MetricDelta {
  metric: string;
  a: number | null;
  b: number | null;
  /** b − a, when both have the metric. */
  delta: number | null;
}

export interface Comparison {
  a: string;
  b: string;
  /** False when the two were evaluated on different splits: the deltas are then not like for like. */
  sameSplit: boolean;
  splits: { a: string; b: string };
  /** Every metric either version has, sorted by name. */
  deltas: MetricDelta[];
}

export type BlobProblemKind = 'missing' | 'truncated' | 'damaged' | 'unreadable';

export interface BlobProblem {
  id: string;
  /** 'onnx:<part>' or 'weights'. */
  blob: string;
  problem: BlobProblemKind;
  message: string;
}

export type Loaded<T> = { ok: true; value: T } | ({ ok: false } & BlobProblem);
