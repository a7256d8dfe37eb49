'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { DEMO_MODEL_NAME, DEMO_WORLD, type DemoResult } from '@/lib/lab/retrieval-demo';
import { createRegistry, type ModelRegistry } from '@/lib/registry/registry';
import type { JsonValue, ModelVersion } from '@/lib/registry/types';
import type { ClientStatus, MlClient } from '@/components/ml/ml-client';
import { idbBlobStore } from '@/components/storage/idb-blob-store';
import { LossCurve } from './LossCurve';
import { ProgressLine } from './ProgressLine';
import { ServeDemo } from './ServeDemo';
import { useLabWorker } from './useLabWorker';
import styles from './engine.module.css';

const pct = (x: number | undefined) => (x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);

/**
 * The whole model life cycle in the browser: train a two-tower retriever in a worker, export it
 * to ONNX, register the version in IndexedDB, choose the version the server loads, and query it.
 */
export function ModelsPanel({ client, status }: { client: MlClient | null; status: ClientStatus }) {
  const registry = useMemo<ModelRegistry | null>(
    () => (typeof window === 'undefined' ? null : createRegistry(idbBlobStore())),
    [],
  );
  const [versions, setVersions] = useState<ModelVersion[]>([]);
  const [active, setActive] = useState<ModelVersion | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [seed, setSeed] = useState(1);
  const [epochs, setEpochs] = useState(2);
  const { state, start } = useLabWorker<DemoResult>();

  const refresh = useCallback(async () => {
    if (!registry) return;
    try {
      await registry.load();
      setVersions(await registry.list(DEMO_MODEL_NAME));
      setActive(await registry.active(DEMO_MODEL_NAME));
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    }
  }, [registry]);
  useEffect(() => {
    // First read of the registry; later changes call refresh() from their handlers.
    const first = setTimeout(() => void refresh(), 0);
    return () => clearTimeout(first);
  }, [refresh]);

  const register = (r: DemoResult) => {
    if (!registry) return;
    const config = JSON.parse(JSON.stringify({ ...r.config, epochs: r.epochs })) as JsonValue;
    registry
      .register(
        {
          name: DEMO_MODEL_NAME,
          seed: r.config.seed,
          config,
          metrics: {
            split: `held-out (last ${DEMO_WORLD.heldOut} interactions)`,
            values: r.metrics,
          },
        },
        { user: r.userTower, item: r.itemTower },
      )
      .then((v) => {
        setMessage({
          kind: 'ok',
          text: `Registered version ${v.version}: recall@100 ${pct(r.metrics['recall@100'])} (popularity ${pct(r.metrics['popularity recall@100'])}).`,
        });
        return refresh();
      })
      .catch((error: Error) => setMessage({ kind: 'error', text: error.message }));
  };

  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      await refresh();
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    }
  };

  return (
    <section
      className={styles.panel}
      aria-labelledby="models-title"
      data-testid="models"
      data-train={state.kind}
    >
      <h2 id="models-title">Train, register and serve a model</h2>
      <p>
        A two-tower retriever for a synthetic world of {DEMO_WORLD.numUsers} users and{' '}
        {DEMO_WORLD.numItems.toLocaleString()} items with hidden topics. It trains here in a worker
        (TF.js, WASM), is exported to ONNX, saved as a version in this browser (IndexedDB), and
        served by onnxruntime-web once you choose it.
      </p>
      <div className={styles.row}>
        <label>
          Seed{' '}
          <input
            type="number"
            min={0}
            max={1e6}
            value={seed}
            onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.target.value) || 0)))}
            className={styles.number}
            data-testid="train-seed"
          />
        </label>
        <label>
          Epochs{' '}
          <select
            value={epochs}
            onChange={(e) => setEpochs(Number(e.target.value))}
            data-testid="train-epochs"
          >
            {[1, 2, 3, 5].map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button-primary"
          disabled={state.kind === 'running'}
          onClick={() => start({ type: 'train', seed, epochs }, register)}
          data-testid="train"
        >
          Train in this browser
        </button>
      </div>
      {state.kind === 'running' && (
        <>
          <ProgressLine name="Training progress" label={state.label} fraction={state.fraction} />
          <LossCurve losses={state.losses} label="Training loss per batch" />
        </>
      )}
      {state.kind === 'done' && (
        <LossCurve losses={state.result.losses} label="Training loss per batch" />
      )}
      {state.kind === 'failed' && (
        <p className={styles.errorText} role="alert">
          Training stopped: {state.message}
        </p>
      )}
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? styles.errorText : styles.ok}
          data-testid="models-message"
        >
          {message.text}
        </p>
      )}
      {versions.length > 0 && (
        <table className={styles.table} data-testid="versions">
          <caption>Versions of {DEMO_MODEL_NAME} saved in this browser</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Trained</th>
              <th scope="col">Seed</th>
              <th scope="col">Recall@100</th>
              <th scope="col">Popularity baseline</th>
              <th scope="col">Size</th>
              <th scope="col">Serving</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id} data-testid="version-row" data-version={v.version}>
                <td>v{v.version}</td>
                <td>{new Date(v.createdAt).toLocaleString()}</td>
                <td>{v.seed}</td>
                <td>{pct(v.metrics.values['recall@100'])}</td>
                <td>{pct(v.metrics.values['popularity recall@100'])}</td>
                <td>{(v.sizeBytes / 1024).toFixed(0)} KB</td>
                <td className={styles.actions}>
                  {active?.id === v.id ? (
                    <strong>active</strong>
                  ) : (
                    <>
                      <button
                        type="button"
                        className="button"
                        onClick={() => void act(() => registry!.setActive(DEMO_MODEL_NAME, v.id))}
                        data-testid="activate"
                      >
                        Serve this
                      </button>
                      <button
                        type="button"
                        className="button"
                        onClick={() => void act(() => registry!.remove(v.id))}
                        aria-label={`Delete version ${v.version}`}
                      >
                        Delete
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {active && registry && (
        <ServeDemo
          key={active.id}
          version={active}
          registry={registry}
          client={client}
          ready={status.state === 'ready'}
        />
      )}
    </section>
  );
}
