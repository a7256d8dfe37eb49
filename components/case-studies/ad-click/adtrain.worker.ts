/// <reference lib="webworker" />
/**
 * Trains one ad ranker variant off the main thread: regenerates the ad world from its seed,
 * trains the variant (TF.js, WASM), scores the test day with the shipped DCN-V2
 * (onnxruntime-web) for the comparison, and exports the variant to ONNX. Speaks the engine
 * room's LabMessage protocol, so useLabWorker drives it; cancelling ends the worker.
 */
import type { LabMessage } from '@/components/ml/lab.worker';
import { adCalibrationFromJson } from '@/case-studies/ad-click/calibration';
import {
  createFeaturePipeline,
  splitByDay,
  type FeaturePipeline,
} from '@/case-studies/ad-click/features';
import {
  ortAdRanker,
  rankerServingConfig,
  shippedAdRankerManifest,
} from '@/case-studies/ad-click/serving';
import {
  retrainAdVariant,
  shippedReference,
  type AdVariantResult,
  type ShippedReference,
} from '@/case-studies/ad-click/retrain';
import type { AdVariantSpec } from '@/case-studies/ad-click/variant';
import { generateWorld, type AdWorld } from '@/case-studies/ad-click/world';
import { initTf } from '@/lib/ml/backend';
import type { Ort } from '@/lib/runtime/engine';

declare const self: DedicatedWorkerGlobalScope;

export interface AdTrainRequest {
  /** The ad world's seed (the page's). */
  seed: number;
  /** Seed of the training run (initialisation, downsampling, shuffles, bootstrap). */
  modelSeed: number;
  spec: AdVariantSpec;
  /** Where the shipped dcn.onnx and metrics.json live. */
  shippedBase: string;
  /** The shipped ranker's test-day scores of this world from an earlier run (saves scoring again). */
  shippedScores?: Float32Array;
}

/** The variant, and the shipped ranker's test-day scores for the next run to reuse. */
export type AdTrainResult = AdVariantResult & { shippedScores: Float32Array };

const post = (m: LabMessage, transfer: ArrayBuffer[] = []) => self.postMessage(m, transfer);
const LABEL = 'Shipped DCN-V2';

async function fetchOk(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load the shipped model's ${url} (HTTP ${res.status})`);
  return res;
}

/** The shipped DCN-V2's test-day scores: reused from the request, or scored here with ONNX. */
async function reference(
  req: AdTrainRequest,
  world: AdWorld,
  pipeline: FeaturePipeline,
): Promise<ShippedReference> {
  const metrics = await fetchOk(`${req.shippedBase}metrics.json`).then((r) => r.json());
  const serving = (bytes: number) =>
    rankerServingConfig(shippedAdRankerManifest(metrics, bytes, req.shippedBase).models[0]!.config);
  if (req.shippedScores?.length === splitByDay(world).test.length) {
    const calibration = adCalibrationFromJson(serving(0).calibration);
    return { label: LABEL, calibration, testScores: req.shippedScores };
  }
  post({
    type: 'progress',
    label: 'Scoring the test day with the shipped DCN-V2',
    fraction: 0.015,
  });
  const ort = (await import('onnxruntime-web/wasm')) as unknown as Ort;
  ort.env.wasm.numThreads = 1;
  const bytes = new Uint8Array(await (await fetchOk(`${req.shippedBase}dcn.onnx`)).arrayBuffer());
  const shipped = await ortAdRanker(ort, bytes, serving(bytes.byteLength));
  try {
    return await shippedReference(world, pipeline, shipped.ranker, LABEL);
  } finally {
    await shipped.release();
  }
}

self.onmessage = async (event: MessageEvent<AdTrainRequest>) => {
  const req = event.data;
  try {
    const tf = await initTf({ wasmPaths: '/vendor/tfjs/' });
    post({ type: 'progress', label: 'Generating the ad world and its log', fraction: 0 });
    const world = generateWorld({ seed: req.seed });
    post({ type: 'progress', label: 'Computing the history features', fraction: 0.01 });
    const pipeline = createFeaturePipeline(world);
    const shipped = await reference(req, world, pipeline);
    const result = await retrainAdVariant(world, req.spec, {
      seed: req.modelSeed,
      pipeline,
      shipped,
      onProgress: (p) => post({ type: 'progress', ...p }),
    });
    const message: AdTrainResult = { ...result, shippedScores: shipped.testScores };
    post({ type: 'result', result: message, backend: tf.backend }, [
      result.onnx.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
