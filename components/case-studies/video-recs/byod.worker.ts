/// <reference lib="webworker" />
/**
 * Bring your own ratings, off the main thread: reads the learner's file (it never leaves the
 * browser), parses it with lib/byod (line-numbered errors), trains the two-tower on a seeded
 * 80/20 split and scores it next to popularity by the TFRS protocol. Speaks LabMessage.
 */
import type { LabMessage } from '@/components/ml/lab.worker';
import { evaluateRetrieval, type EvalResult } from '@/lib/byod/evaluate';
import {
  BROWSER_MAX_BYTES,
  BROWSER_MAX_LINES,
  parseRatings,
  type RatingsFormat,
} from '@/lib/byod/ratings';
import { initTf } from '@/lib/ml/backend';

declare const self: DedicatedWorkerGlobalScope;

export interface ByodRequest {
  file: Blob;
  seed: number;
  ks: number[];
}

export interface ByodResult {
  format: RatingsFormat;
  ratings: number;
  evaluation: EvalResult;
}

const post = (m: LabMessage) => self.postMessage(m);

self.onmessage = async (event: MessageEvent<ByodRequest>) => {
  const { file, seed, ks } = event.data;
  try {
    post({ type: 'progress', label: 'Reading the file in this browser', fraction: 0 });
    const parsed = parseRatings(new Uint8Array(await file.arrayBuffer()), {
      maxBytes: BROWSER_MAX_BYTES,
      maxLines: BROWSER_MAX_LINES,
    });
    if (!parsed.ok) {
      post({ type: 'error', message: `This file can't be used: ${parsed.error.message}` });
      return;
    }
    const data = parsed.data;
    if (data.users.length < 10) {
      post({
        type: 'error',
        message: `This file has only ${data.users.length} ratings; at least 10 are needed to split off a test set.`,
      });
      return;
    }
    const tf = await initTf({ wasmPaths: '/vendor/tfjs/' });
    const evaluation = await evaluateRetrieval(data, {
      seed,
      ks,
      onProgress: (p) =>
        post({
          type: 'progress',
          label:
            p.stage === 'train'
              ? `Training: epoch ${p.epoch}, batch ${p.batch}/${p.batches}`
              : p.stage === 'evaluate'
                ? 'Scoring top-K over the whole catalogue'
                : `Stage: ${p.stage}`,
          fraction: p.fraction,
          loss: p.stage === 'train' && p.batch! % 4 === 0 ? p.loss : undefined,
        }),
    });
    const result: ByodResult = { format: data.format, ratings: data.users.length, evaluation };
    post({ type: 'result', result, backend: tf.backend });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
