/// <reference lib="webworker" />
/**
 * Retrains the video-recs two-tower off the main thread: regenerates the world from seed and
 * catalogue size, trains on its log plus the learner's clicks (TF.js, WASM), evaluates next to
 * the shipped towers (onnxruntime-web) on the same test days, and exports both towers to ONNX.
 * Speaks the engine room's LabMessage protocol, so useLabWorker drives it.
 */
import type { LabMessage } from '@/components/ml/lab.worker';
import type { ClickEvent } from '@/case-studies/video-recs/clicks';
import { BROWSER_TWO_TOWER } from '@/case-studies/video-recs/models';
import {
  ortTowerRunner,
  retrainTwoTower,
  retrainWorldOptions,
  towerEmbedder,
} from '@/case-studies/video-recs/retrain';
import { generateWorld } from '@/case-studies/video-recs/world';
import { initTf } from '@/lib/ml/backend';
import type { TwoTowerConfig } from '@/lib/ml/two-tower';
import type { Ort } from '@/lib/runtime/engine';

declare const self: DedicatedWorkerGlobalScope;

export interface RetrainRequest {
  seed: number;
  catalogueSize: number;
  clicks: ClickEvent[];
  modelSeed: number;
  /** Where the shipped towers and their metrics.json live. */
  shippedBase: string;
}

const post = (m: LabMessage, transfer: ArrayBuffer[] = []) => self.postMessage(m, transfer);

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load the shipped model ${url} (HTTP ${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

async function shippedEmbedder(base: string) {
  const ort = (await import('onnxruntime-web/wasm')) as unknown as Ort;
  ort.env.wasm.numThreads = 1;
  const [user, item, metrics] = await Promise.all([
    fetchBytes(`${base}user-tower.onnx`),
    fetchBytes(`${base}item-tower.onnx`),
    fetch(`${base}metrics.json`).then(
      (r) => r.json() as Promise<{ models: { twoTower: TwoTowerConfig } }>,
    ),
  ]);
  const config = metrics.models.twoTower;
  const runner = await ortTowerRunner(ort, user, item);
  const dim = config.userTower.units.at(-1)!;
  return { embedder: towerEmbedder(config, dim, runner.run), release: runner.release };
}

self.onmessage = async (event: MessageEvent<RetrainRequest>) => {
  const req = event.data;
  try {
    const tf = await initTf({ wasmPaths: '/vendor/tfjs/' });
    post({ type: 'progress', label: 'Generating the world and its log', fraction: 0.02 });
    const world = generateWorld(retrainWorldOptions(req.seed, req.catalogueSize));
    post({ type: 'progress', label: 'Loading the shipped model to compare with', fraction: 0.08 });
    const shipped = await shippedEmbedder(req.shippedBase);
    const epochs = BROWSER_TWO_TOWER.fit.epochs;
    const result = await retrainTwoTower(world, req.clicks, {
      seed: req.modelSeed,
      shipped: shipped.embedder,
      progressEvery: 1,
      onProgress: (p) => {
        if (p.stage !== 'two-tower' || p.epoch === undefined) return;
        if (p.batch === undefined) {
          post({
            type: 'progress',
            label: `Epoch ${p.epoch} done: validation loss ${p.valLoss?.toFixed(3) ?? '—'}`,
            fraction: 0.1 + (0.7 * p.epoch) / epochs,
            valLoss: p.valLoss,
          });
          return;
        }
        post({
          type: 'progress',
          label:
            `Epoch ${p.epoch} of at most ${epochs}, batch ${p.batch}/${p.batches}, ` +
            `${Math.round(p.examplesPerSec ?? 0).toLocaleString('en')} examples/s`,
          fraction: 0.1 + (0.7 * (p.epoch - 1 + p.batch / p.batches!)) / epochs,
          loss: p.loss,
        });
      },
      onEvaluate: () =>
        post({
          type: 'progress',
          label: 'Evaluating recall@K of both models on the test days',
          fraction: 0.82,
        }),
    });
    await shipped.release();
    post({ type: 'result', result, backend: tf.backend }, [
      result.userTower.buffer as ArrayBuffer,
      result.itemTower.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
