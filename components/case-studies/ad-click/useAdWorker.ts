'use client';

import { useEffect, useState } from 'react';
import type { ProviderChoice } from '@/lib/runtime/protocol';
import { AdClient } from './ad-client';
import type { AdReadyInfo } from './ad-protocol';

export interface AdWorkerState {
  client: AdClient | null;
  ready: AdReadyInfo | null;
  progress: { label: string; fraction: number } | null;
  error: string | null;
}

/**
 * One ad worker for the component's life; a new seed regenerates the world in it, with progress.
 * A new `reloadKey` (after the training panels activate a version) reloads the active ranker.
 */
export function useAdWorker(seed: number, provider: ProviderChoice, reloadKey = 0): AdWorkerState {
  const [progress, setProgress] = useState<AdWorkerState['progress']>(null);
  const [client] = useState<AdClient | null>(() =>
    typeof window === 'undefined'
      ? null
      : new AdClient((label, fraction) => setProgress({ label, fraction })),
  );
  const [ready, setReady] = useState<AdReadyInfo | null>(null);
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
        .load(seed, provider)
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
  }, [client, seed, provider]);

  useEffect(() => {
    if (!client || !loaded || reloadKey === 0) return;
    let live = true;
    const start = setTimeout(() => {
      client
        .reloadModels()
        .then((info) => {
          if (!live) return;
          setError(null);
          setReady({ ...info });
        })
        .catch(
          (e: Error) =>
            live &&
            setError(`Could not serve the activated ranker: ${e.message} The previous one serves.`),
        );
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
