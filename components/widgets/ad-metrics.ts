'use client';

/**
 * The ad click models' metrics.json (written by `npm run train:ad-click`), fetched once per page
 * for the ad widgets. Only the fields the widgets read are typed; anything missing is an error
 * shown in the widget, never a crash.
 */
import { useEffect, useState } from 'react';
import type { ReliabilityBin } from '@/lib/metrics';

export interface AdStage {
  auc: number;
  ece: number;
  logLoss: number;
  normalizedEntropy: number;
  meanPredicted: number;
  observedRate: number;
  reliability?: ReliabilityBin[];
}

export interface AdModelMetrics {
  kind: 'dcn' | 'mlp' | 'lr';
  label: string;
  calibration: { method: 'platt' | 'isotonic'; negativeRate: number };
  test: {
    raw: AdStage;
    recalibrated: AdStage;
    calibrated: AdStage;
    alternative: { method: 'platt' | 'isotonic'; metrics: AdStage };
  };
}

export interface AdMetrics {
  config: { downsampleRate: number };
  split: { testDay: number; calibrationDay: number; trainDays: number[] };
  models: Partial<Record<'dcn' | 'mlp' | 'lr', AdModelMetrics>>;
  staleness?: {
    staleTrainDays: number[];
    window: number;
    points: { day: number; stale: number; retrained: number; bayes: number }[];
  };
}

export const AD_METRICS_URL = '/models/ad-click/metrics.json';

let cache: Promise<AdMetrics> | null = null;

function load(): Promise<AdMetrics> {
  cache ??= fetch(AD_METRICS_URL)
    .then((r) => {
      if (!r.ok) throw new Error(`${AD_METRICS_URL}: HTTP ${r.status}`);
      return r.json() as Promise<unknown>;
    })
    .then((j) => {
      const m = j as Partial<AdMetrics> | null;
      if (!m || typeof m !== 'object' || !m.models || !m.split) {
        throw new Error(
          `${AD_METRICS_URL} has no models or split: retrain with npm run train:ad-click`,
        );
      }
      return m as AdMetrics;
    })
    .catch((e: unknown) => {
      cache = null; // let the next mount try again
      throw e;
    });
  return cache;
}

export type AdMetricsState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; metrics: AdMetrics };

export function useAdMetrics(): AdMetricsState {
  const [state, setState] = useState<AdMetricsState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    load().then(
      (metrics) => live && setState({ status: 'ready', metrics }),
      (e: unknown) =>
        live && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
