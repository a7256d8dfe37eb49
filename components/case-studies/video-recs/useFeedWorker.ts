'use client';

import { useEffect, useState } from 'react';
import type { CatalogueSize } from '@/case-studies/video-recs/serving';
import type { ProviderChoice } from '@/lib/runtime/protocol';
import { FeedClient } from './feed-client';
import type { InferenceEngine, ReadyInfo } from './feed-protocol';

export interface FeedWorkerState {
  client: FeedClient | null;
  ready: ReadyInfo | null;
  progress: { label: string; fraction: number } | null;
  error: string | null;
}

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
  const [progress, setProgress] = useState<FeedWorkerState['progress']>(null);
  const [client] = useState<FeedClient | null>(() =>
    typeof window === 'undefined'
      ? null
      : new FeedClient((label, fraction) => setProgress({ label, fraction })),
  );
  const [ready, setReady] = useState<ReadyInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => () => client?.dispose(), [client]);

  useEffect(() => {
    if (!client) return;
    let live = true;
    const start = setTimeout(() => {
      setReady(null);
      setError(null);
      client
        .load(seed, size, provider, engine)
        .then((info) => {
          if (!live) return;
          setReady(info);
          setProgress(null);
          setLoaded(true);
        })
        .catch((e: Error) => live && setError(e.message));
    }, 0);
    return () => {
      live = false;
      clearTimeout(start);
    };
  }, [client, seed, size, provider, engine]);

  useEffect(() => {
    if (!client || !loaded || reloadKey === 0) return;
    let live = true;
    const start = setTimeout(() => {
      setReady(null);
      client
        .reloadModels()
        .then((info) => {
          if (!live) return;
          setReady(info);
          setProgress(null);
        })
        .catch((e: Error) => live && setError(e.message));
    }, 0);
    return () => {
      live = false;
      clearTimeout(start);
    };
    // Only a new reloadKey reloads; a load in flight already serves the active version.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, reloadKey]);

  return { client, ready, progress, error };
}
