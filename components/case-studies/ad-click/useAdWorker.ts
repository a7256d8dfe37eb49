'use client';

import type { ProviderChoice } from '@/lib/runtime/protocol';
import { useServingWorker, type ServingWorkerState } from '../shared/useServingWorker';
import { AdClient } from './ad-client';
import type { AdReadyInfo } from './ad-protocol';

export type AdWorkerState = ServingWorkerState<AdClient, AdReadyInfo>;

const createClient = (onProgress: (label: string, fraction: number) => void) =>
  new AdClient(onProgress);
// A ranker that cannot be served leaves the previous one serving, and the page says so.
const RELOAD = {
  keepServing: true,
  describeError: (m: string) =>
    `Could not serve the activated ranker: ${m} The previous one serves.`,
};

/**
 * One ad worker for the component's life; a new seed regenerates the world in it, with progress.
 * A new `reloadKey` (after the training panels activate a version) reloads the active ranker.
 */
export function useAdWorker(seed: number, provider: ProviderChoice, reloadKey = 0): AdWorkerState {
  return useServingWorker(
    createClient,
    (client) => client.load(seed, provider),
    `${seed}/${provider}`,
    reloadKey,
    RELOAD,
  );
}
