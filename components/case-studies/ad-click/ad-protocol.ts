/**
 * Messages between the ad page and its worker. Requests carry an id; the worker answers each
 * with exactly one 'done' or 'error' of that id, and sends 'progress' while it loads or measures.
 */
import type { AdRequestContext, ModelKind } from '@/case-studies/ad-click/features';
import type { CalibrationMode, LiveControls, ModelMetrics } from '@/case-studies/ad-click/live';
import type { AdRequestResult } from '@/case-studies/ad-click/pipeline';
import type { AbSnapshot } from '@/lib/abtest';
import type { PriceRule } from '@/lib/auction';
import type { ProviderChoice } from '@/lib/runtime/protocol';

export interface AbArm {
  ranker: ModelKind;
  calibration: CalibrationMode;
}

export interface AbSetup {
  seed: number;
  A: AbArm;
  B: AbArm;
  reserve: number;
  rule: PriceRule;
  /** Candidates retrieved per request. */
  candidates: number;
}

export type AdWorkerRequest =
  | { id: number; type: 'load'; seed: number; provider: ProviderChoice }
  | { id: number; type: 'reload-models' }
  | { id: number; type: 'serve'; request: AdRequestContext; controls: LiveControls }
  | { id: number; type: 'metrics'; calibration: CalibrationMode }
  | { id: number; type: 'ab-create'; setup: AbSetup }
  | { id: number; type: 'ab-step'; requests: number }
  | { id: number; type: 'bench'; request: AdRequestContext; runs: number; candidates: number };

export interface RankerInfo {
  kind: ModelKind;
  label: string;
  /** 'shipped' or the registry version id serving this kind. */
  version: string;
  negativeRate: number;
}

export interface AdReadyInfo {
  provider: string;
  providerReason: string;
  seed: number;
  users: number;
  ads: number;
  days: number;
  /** Last day (the test day) and the held-out calibration day before it. */
  testDay: number;
  calibrationDay: number;
  rankers: RankerInfo[];
  latencyBudgetMs: number;
  /** Why the registry's active ranker is not served, when it could not be loaded. */
  registryNote?: string;
  loadMs: Record<string, number>;
}

/** One served request, with the ads' display fields added. */
export interface AdServeResult extends AdRequestResult {
  ranker: RankerInfo;
  calibration: CalibrationMode;
  ads: Record<number, { category: string; format: string; advertiser: number }>;
  /** User profile, for the request card. */
  user: { age: string; gender: string; country: string; interests: string[] };
}

export interface AdMetricsResult {
  day: number;
  rows: number;
  dayRows: number;
  calibrationRows: number;
  calibration: CalibrationMode;
  bayes: ModelMetrics;
  models: Partial<Record<ModelKind, ModelMetrics>>;
  ms: number;
}

export interface AdBenchResult {
  /** Rows ranked per run (the candidate list, padded by repeating targeted ads). */
  candidates: number;
  features: number[];
  /** ONNX run + calibration of `candidates` rows, per ranker. */
  rank: Record<ModelKind, number[]>;
  /** serveAdRequest with up to `candidates` retrieved, DCN-V2 + Platt. */
  request: number[];
  requestCandidates: number;
  provider: string;
}

export type AdAnswer = AdReadyInfo | AdServeResult | AdMetricsResult | AbSnapshot | AdBenchResult;

export type AdWorkerMessage =
  | { type: 'progress'; id: number; label: string; fraction: number }
  | { type: 'done'; id: number; result: AdAnswer }
  | { type: 'error'; id: number; message: string };
