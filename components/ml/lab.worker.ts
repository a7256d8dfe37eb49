/// <reference lib="webworker" />
/**
 * The engine-room worker: runs the parity check and the benchmarks with TF.js (WASM backend)
 * and onnxruntime-web side by side, off the main thread. The logic is in lib/bench/.
 */
import { BENCH_CASE_IDS, runBench, type BenchCaseId } from '@/lib/bench/cases';
import { runParity } from '@/lib/bench/parity';
import { trainRetrievalDemo } from '@/lib/lab/retrieval-demo';
import { initTf } from '@/lib/ml/backend';
import type { Ort } from '@/lib/runtime/engine';

declare const self: DedicatedWorkerGlobalScope;

export type LabRequest =
  | { type: 'parity'; provider: 'wasm' | 'webgpu' }
  | { type: 'bench'; cases: BenchCaseId[]; quick: boolean }
  | { type: 'train'; seed: number; epochs: number };
export type LabMessage =
  | { type: 'progress'; label: string; fraction: number; loss?: number; valLoss?: number }
  | { type: 'result'; result: unknown; backend: string }
  | { type: 'error'; message: string };

async function runtime(provider: 'wasm' | 'webgpu'): Promise<Ort> {
  const ort = (provider === 'webgpu'
    ? await import('onnxruntime-web/webgpu')
    : await import('onnxruntime-web/wasm')) as unknown as Ort;
  ort.env.wasm.numThreads = 1;
  return ort;
}

self.onmessage = async (event: MessageEvent<LabRequest>) => {
  const req = event.data;
  const post = (m: LabMessage) => self.postMessage(m);
  try {
    const tf = await initTf({ wasmPaths: '/vendor/tfjs/' });
    if (req.type === 'parity') {
      post({ type: 'progress', label: 'Training and exporting each model kind', fraction: 0.1 });
      post({
        type: 'result',
        result: await runParity(await runtime(req.provider), req.provider),
        backend: tf.backend,
      });
      return;
    }
    if (req.type === 'train') {
      const result = await trainRetrievalDemo({
        seed: req.seed,
        epochs: req.epochs,
        onProgress: (p) =>
          post({
            type: 'progress',
            label: `Epoch ${p.epoch} of ${req.epochs}, batch ${p.batch}/${p.batches}, loss ${p.loss.toFixed(3)}`,
            fraction: (p.epoch - 1 + p.batch / p.batches) / req.epochs,
            loss: p.loss,
          }),
      });
      self.postMessage({ type: 'result', result, backend: tf.backend } satisfies LabMessage, [
        result.userTower.buffer,
        result.itemTower.buffer,
      ] as ArrayBuffer[]);
      return;
    }
    const cases = req.cases.filter((c) => BENCH_CASE_IDS.includes(c));
    const rows = await runBench(cases, {
      env: 'chromium',
      ort: await runtime('wasm'),
      now: () => performance.now(),
      quick: req.quick,
      progress: (label, fraction) => post({ type: 'progress', label, fraction }),
    });
    post({ type: 'result', result: rows, backend: tf.backend });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? `${error.message}` : String(error) });
  }
};
