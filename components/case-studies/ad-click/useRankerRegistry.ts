'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  AD_MODELS_BASE,
  AD_RANKER_MODEL,
  shippedAdRankerManifest,
} from '@/case-studies/ad-click/serving';
import { createRegistry, type ModelRegistry } from '@/lib/registry/registry';
import type { ModelVersion } from '@/lib/registry/types';
import { idbBlobStore } from '@/components/storage/idb-blob-store';

async function fetchOk(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res;
}

/**
 * The ad ranker's versions in this browser's registry (IndexedDB), with the shipped DCN-V2
 * listed from metrics.json. The shipped graph is fetched once for its size, which the registry
 * checks on every load (metrics.json does not record it). A shipped model that cannot be
 * described leaves the learner's own versions listed.
 */
export function useRankerRegistry() {
  const registry = useMemo<ModelRegistry | null>(
    () => (typeof window === 'undefined' ? null : createRegistry(idbBlobStore())),
    [],
  );
  const [versions, setVersions] = useState<ModelVersion[]>([]);
  const [active, setActive] = useState<ModelVersion | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    if (!registry) return;
    try {
      await registry.load();
      setVersions(await registry.list(AD_RANKER_MODEL));
      setActive(await registry.active(AD_RANKER_MODEL));
    } catch (error) {
      setProblem((error as Error).message);
    }
  }, [registry]);

  useEffect(() => {
    if (!registry) return;
    let live = true;
    Promise.all([
      fetchOk(`${AD_MODELS_BASE}metrics.json`).then((r) => r.json() as Promise<unknown>),
      fetchOk(`${AD_MODELS_BASE}dcn.onnx`).then((r) => r.arrayBuffer()),
    ])
      .then(([metrics, onnx]) => {
        if (live) registry.mergeShipped(shippedAdRankerManifest(metrics, onnx.byteLength));
      })
      .catch((error: Error) =>
        setProblem(
          `The shipped ranker could not be described (${error.message}); your own versions are still listed.`,
        ),
      )
      .finally(() => void (live && refresh()));
    return () => {
      live = false;
    };
  }, [registry, refresh]);

  return { registry, versions, active, problem, refresh };
}
