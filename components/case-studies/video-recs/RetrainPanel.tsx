'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ClickEvent } from '@/case-studies/video-recs/clicks';
import type { RetrainResult } from '@/case-studies/video-recs/retrain';
import {
  TWO_TOWER_MODEL,
  TWO_TOWER_PARTS,
  shippedTwoTowerManifest,
} from '@/case-studies/video-recs/serving';
import { createRegistry, type ModelRegistry } from '@/lib/registry/registry';
import type { JsonValue, ModelVersion } from '@/lib/registry/types';
import { LossCurve } from '@/components/engine/LossCurve';
import { ProgressLine } from '@/components/engine/ProgressLine';
import { useLabWorker } from '@/components/engine/useLabWorker';
import { idbBlobStore } from '@/components/storage/idb-blob-store';
import styles from '@/components/engine/engine.module.css';
import { RecallComparison } from './RecallComparison';
import type { RetrainRequest } from './retrain.worker';

export type { ClickEvent };

export interface RetrainPanelProps {
  seed: number;
  catalogueSize: number;
  clicks: readonly ClickEvent[];
  onActivated: (versionId: string) => void;
}

const SHIPPED_BASE = '/models/video-recs/';
const pct = (x: number | undefined) => (x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
const retrainWorker = () =>
  new Worker(new URL('./retrain.worker.ts', import.meta.url), {
    type: 'module',
    name: 'video-recs-retrain',
  });

type Message = { kind: 'ok' | 'error'; text: string };

/** The registry entry of a retraining: metrics of both models on the same days, and its recipe. */
function newVersion(r: RetrainResult, parentId: string | null) {
  const values: Record<string, number> = {};
  r.comparison.ks.forEach((k, j) => {
    for (const m of r.comparison.models) {
      const key = m.name === 'retrained' ? `recall@${k}` : `${m.name} recall@${k}`;
      values[key] = m.recall[j]!.estimate;
    }
  });
  const config = {
    twoTower: r.config,
    settings: r.settings,
    world: { seed: r.worldSeed, videos: r.catalogueSize },
    clicks: r.clicks,
    trainRows: r.trainRows,
    bestEpoch: r.bestEpoch,
    epochs: r.history.length,
  };
  return {
    name: TWO_TOWER_MODEL,
    seed: r.modelSeed,
    config: JSON.parse(JSON.stringify(config)) as JsonValue,
    metrics: { split: r.comparison.split, values },
    parentId,
    note: `retrained in this browser with ${r.clicks.used} of your clicks`,
  };
}

/**
 * Retrain the video-recs two-tower in a worker on the world's log plus the learner's clicks,
 * compare it with the shipped model on the same test days, save it as a version in this
 * browser, and choose which version serves the feed.
 */
export function RetrainPanel({ seed, catalogueSize, clicks, onActivated }: RetrainPanelProps) {
  const registry = useMemo<ModelRegistry | null>(
    () => (typeof window === 'undefined' ? null : createRegistry(idbBlobStore())),
    [],
  );
  const [versions, setVersions] = useState<ModelVersion[]>([]);
  const [active, setActive] = useState<ModelVersion | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [modelSeed, setModelSeed] = useState(1);
  const [unsaved, setUnsaved] = useState<RetrainResult | null>(null);
  const { state, start, cancel } = useLabWorker<RetrainResult, RetrainRequest>(retrainWorker);

  const refresh = useCallback(async () => {
    if (!registry) return;
    try {
      await registry.load();
      setVersions(await registry.list(TWO_TOWER_MODEL));
      setActive(await registry.active(TWO_TOWER_MODEL));
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    }
  }, [registry]);

  useEffect(() => {
    if (!registry) return;
    let live = true;
    fetch(`${SHIPPED_BASE}metrics.json`)
      .then((res) => {
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return res.json() as Promise<unknown>;
      })
      .then((metrics) => {
        if (live) registry.mergeShipped(shippedTwoTowerManifest(metrics));
      })
      .catch((error: Error) =>
        setMessage({
          kind: 'error',
          text: `The shipped model's description could not be read (${error.message}); your own versions are still listed.`,
        }),
      )
      .finally(() => void (live && refresh()));
    return () => {
      live = false;
    };
  }, [registry, refresh]);

  const save = useCallback(
    async (r: RetrainResult) => {
      if (!registry) return;
      try {
        const shipped = versions.find((v) => v.source === 'shipped') ?? null;
        const v = await registry.register(newVersion(r, shipped?.id ?? null), {
          [TWO_TOWER_PARTS.user]: r.userTower,
          [TWO_TOWER_PARTS.item]: r.itemTower,
        });
        setUnsaved(null);
        setMessage({
          kind: 'ok',
          text: `Saved as version ${v.version} in this browser. Choose "Use this model" to serve it.`,
        });
        await refresh();
      } catch (error) {
        setUnsaved(r);
        setMessage({
          kind: 'error',
          text: `The new model was trained but could not be saved: ${(error as Error).message} It is kept on this page: free space (delete an old version) and save again.`,
        });
      }
    },
    [registry, versions, refresh],
  );

  const use = async (v: ModelVersion) => {
    if (!registry) return;
    try {
      await registry.setActive(TWO_TOWER_MODEL, v.id);
      await refresh();
      setMessage({ kind: 'ok', text: `Version ${v.version} now serves the feed.` });
      onActivated(v.id);
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    }
  };

  const remove = async (v: ModelVersion) => {
    if (!registry) return;
    try {
      await registry.remove(v.id);
      await refresh();
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    }
  };

  const retrain = () => {
    setMessage(null);
    start(
      { seed, catalogueSize, clicks: [...clicks], modelSeed, shippedBase: SHIPPED_BASE },
      (r) => void save(r),
    );
  };

  const result = state.kind === 'done' ? state.result : unsaved;
  return (
    <section
      className={styles.panel}
      aria-labelledby="retrain-title"
      data-testid="retrain"
      data-state={state.kind}
    >
      <h2 id="retrain-title">Retrain the retriever with your clicks</h2>
      <p>
        Retrains the two-tower retriever here, in a worker, on the training days of this world (seed{' '}
        {seed}, {catalogueSize.toLocaleString('en')} videos) plus{' '}
        <strong data-testid="retrain-clicks">
          {clicks.length} {clicks.length === 1 ? 'click' : 'clicks'}
        </strong>{' '}
        of yours as extra positives, then measures recall@K next to the shipped model on the same
        held-out test days.
      </p>
      <div className={styles.row}>
        <label>
          Training seed{' '}
          <input
            type="number"
            min={0}
            max={1e6}
            value={modelSeed}
            onChange={(e) => setModelSeed(Math.max(0, Math.floor(Number(e.target.value) || 0)))}
            className={styles.number}
            data-testid="retrain-seed"
          />
        </label>
        <button
          type="button"
          className="button button-primary"
          disabled={state.kind === 'running'}
          onClick={retrain}
          data-testid="retrain-start"
        >
          Retrain in this browser
        </button>
        {state.kind === 'running' && (
          <button type="button" className="button" onClick={cancel} data-testid="retrain-cancel">
            Cancel
          </button>
        )}
      </div>
      {state.kind === 'running' && (
        <ProgressLine name="Retraining progress" label={state.label} fraction={state.fraction} />
      )}
      {(state.kind === 'running' || state.kind === 'done') && (
        <LossCurve
          losses={state.losses}
          valLosses={state.valLosses}
          label="Retraining loss"
          testId="retrain-loss"
        />
      )}
      {state.kind === 'cancelled' && <p role="status">Retraining cancelled; nothing was saved.</p>}
      {state.kind === 'failed' && (
        <p className={styles.errorText} role="alert" data-testid="retrain-error">
          Retraining stopped: {state.message}. Your saved versions are unchanged; try again.
        </p>
      )}
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? styles.errorText : styles.ok}
          data-testid="retrain-message"
        >
          {message.text}
        </p>
      )}
      {unsaved && (
        <button type="button" className="button" onClick={() => void save(unsaved)}>
          Save again
        </button>
      )}
      {result && (
        <>
          <p>
            {result.trainRows.toLocaleString('en')} training rows ({result.clicks.used} from your
            clicks
            {result.clicks.tooNew > 0 &&
              `; ${result.clicks.tooNew} on videos uploaded after the training days left out, since their features come from the held-out days`}
            {result.clicks.unknownIds > 0 &&
              `; ${result.clicks.unknownIds} with ids outside this world left out`}
            ), best of {result.history.length} epochs: {result.bestEpoch}; trained in{' '}
            {result.seconds.train.toFixed(1)} s.
          </p>
          <RecallComparison comparison={result.comparison} />
        </>
      )}
      {versions.length > 0 && (
        <div className={styles.tableScroll}>
          <table className={styles.table} data-testid="retrain-versions">
            <caption>Versions of the retriever</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Made</th>
                <th scope="col">Evaluated on</th>
                <th scope="col">Recall@100</th>
                <th scope="col">Size</th>
                <th scope="col">Serving</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id} data-testid="retrain-version" data-source={v.source}>
                  <td>
                    v{v.version} {v.source === 'shipped' ? '(shipped)' : '(yours)'}
                  </td>
                  <td>{new Date(v.createdAt).toLocaleString()}</td>
                  <td>{v.metrics.split}</td>
                  <td>{pct(v.metrics.values['recall@100'])}</td>
                  <td>{(v.sizeBytes / 1e6).toFixed(1)} MB</td>
                  <td className={styles.actions}>
                    {active?.id === v.id ? (
                      <strong data-testid="retrain-active">serving</strong>
                    ) : (
                      <>
                        <button
                          type="button"
                          className="button"
                          onClick={() => void use(v)}
                          aria-label={`Use version ${v.version}`}
                          data-testid="retrain-use"
                        >
                          Use this model
                        </button>
                        {v.source === 'browser' && (
                          <button
                            type="button"
                            className="button"
                            onClick={() => void remove(v)}
                            aria-label={`Delete version ${v.version}`}
                          >
                            Delete
                          </button>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
