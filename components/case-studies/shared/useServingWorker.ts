'use client';

import { useEffect, useRef, useState } from 'react';

/** What a live page's serving-worker client offers the hook. */
export interface ServingClient<R> {
  reloadModels(): Promise<R>;
  dispose(): void;
}

export interface ServingWorkerState<C, R> {
  client: C | null;
  ready: R | null;
  progress: { label: string; fraction: number } | null;
  error: string | null;
}

export interface ReloadPolicy {
  /** Keep showing the models that serve while the activated version loads (else: loading). */
  keepServing: boolean;
  /** The error shown when the activated version cannot be served. */
  describeError: (message: string) => string;
}

/**
 * One serving worker for the component's life, shared by the case-study pages: a new `loadKey`
 * (seed, catalogue size, provider, …) reloads the world in the same worker with progress, and a
 * new `reloadKey` (after a retrained version is activated) reloads the active models.
 * `load` must read only what `loadKey` names.
 */
export function useServingWorker<C extends ServingClient<R>, R>(
  create: (onProgress: (label: string, fraction: number) => void) => C,
  load: (client: C) => Promise<R>,
  loadKey: string,
  reloadKey: number,
  policy: ReloadPolicy,
): ServingWorkerState<C, R> {
  const [progress, setProgress] = useState<ServingWorkerState<C, R>['progress']>(null);
  const [client] = useState<C | null>(() =>
    typeof window === 'undefined'
      ? null
      : create((label, fraction) => setProgress({ label, fraction })),
  );
  const [ready, setReady] = useState<R | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const loadRef = useRef(load);
  const policyRef = useRef(policy);
  useEffect(() => {
    loadRef.current = load;
    policyRef.current = policy;
  });

  useEffect(() => () => client?.dispose(), [client]);

  useEffect(() => {
    if (!client) return;
    let live = true;
    const start = setTimeout(() => {
      setReady(null);
      setError(null);
      loadRef
        .current(client)
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
  }, [client, loadKey]);

  useEffect(() => {
    if (!client || !loaded || reloadKey === 0) return;
    let live = true;
    const { keepServing, describeError } = policyRef.current;
    const start = setTimeout(() => {
      if (!keepServing) setReady(null);
      client
        .reloadModels()
        .then((info) => {
          if (!live) return;
          setError(null);
          setReady(info);
          setProgress(null);
        })
        .catch((e: Error) => live && setError(describeError(e.message)));
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
