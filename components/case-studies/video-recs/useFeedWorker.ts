'use client';

import type { CatalogueSize } from '@/case-studies/video-recs/serving';
import type { ProviderChoice } from '@/lib/runtime/protocol';
import { useServingWorker, type ServingWorkerState } from '../shared/useServingWorker';
import { FeedClient } from './feed-client';
import type { InferenceEngine, ReadyInfo } from './feed-protocol';

export type FeedWorkerState = ServingWorkerState<FeedClient, ReadyInfo>;

const createClient = (onProgress: (label: string, fraction: number) => void) =>
  new FeedClient(onProgress);
const RELOAD = { keepServing: false, describeError: (m: string) => m };

/**
 * One feed worker for the component's life; (seed, size) changes regenerate the world and
 * re-index in the same worker, with progress. `reloadKey` changes reload the active models.
 */
export function useFeedWorker(
  seed: number,
  size: CatalogueSize,
  provider: ProviderChoice = 'auto',
  reloadKey = 0,
  engine: InferenceEngine = 'onnx',
): FeedWorkerState {
  return useServingWorker(
    createClient,
    (client) => client.load(seed, size, provider, engine),
    `${seed}/${size}/${provider}/${engine}`,
    reloadKey,
    RELOAD,
  );
}
