/// <reference lib="webworker" />
/**
 * Trains one ad ranker variant off the main thread: regenerates the ad world from its seed,
 * trains the variant (TF.js, WASM), scores the test day with the shipped DCN-V2
 * (onnxruntime-web) for the comparison, and exports the variant to ONNX. Speaks the engine
 * room's LabMessage protocol, so useLabWorker drives it; cancelling ends the worker.
 */
import type { LabMessage } from '@/components/ml/lab.worker';
import { createFeaturePipeline } from '@/case-studies/ad-click/features';
import {
  ortAdRanker,
  rankerServingConfig,
  shippedAdRankerManifest,
} from '@/case-studies/ad-click/ranker-registry';
import { retrainAdVariant, type AdVariantSpec } from '@/case-studies/ad-click/retrain';
import { generateWorld } from '@/case-studies/ad-click/world';
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
}

const post = (m: LabMessage, transfer: ArrayBuffer[] = []) => self.postMessage(m, transfer);

async function fetchOk(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load the shipped model's ${url} (HTTP ${res.status})`);
  return res;
}

async function shippedRanker(base: string) {
  const ort = (await import('onnxruntime-web/wasm')) as unknown as Ort;
  ort.env.wasm.numThreads = 1;
  const [metrics, bytes] = await Promise.all([
    fetchOk(`${base}metrics.json`).then((r) => r.json() as Promise<unknown>),
    fetchOk(`${base}dcn.onnx`).then(async (r) => new Uint8Array(await r.arrayBuffer())),
  ]);
  const entry = shippedAdRankerManifest(metrics, bytes.byteLength, base).models[0]!;
  return ortAdRanker(ort, bytes, rankerServingConfig(entry.config));
}

self.onmessage = async (event: MessageEvent<AdTrainRequest>) => {
  const req = event.data;
  try {
    const tf = await initTf({ wasmPaths: '/vendor/tfjs/' });
    post({ type: 'progress', label: 'Loading the shipped DCN-V2 to compare with', fraction: 0 });
    const shipped = await shippedRanker(req.shippedBase);
    post({ type: 'progress', label: 'Generating the ad world and its log', fraction: 0.01 });
    const world = generateWorld({ seed: req.seed });
    post({ type: 'progress', label: 'Computing the history features', fraction: 0.015 });
    const pipeline = createFeaturePipeline(world);
    const result = await retrainAdVariant(world, req.spec, {
      seed: req.modelSeed,
      pipeline,
      shipped: { ranker: shipped.ranker, label: 'Shipped DCN-V2' },
      onProgress: (p) => post({ type: 'progress', ...p }),
    });
    await shipped.release();
    post({ type: 'result', result, backend: tf.backend }, [result.onnx.buffer as ArrayBuffer]);
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
