'use client';

import { useEffect, useMemo, useState } from 'react';
import { DEMO_WORLD, demoWorld } from '@/lib/lab/retrieval-demo';
import type { ModelRegistry } from '@/lib/registry/registry';
import type { ModelVersion } from '@/lib/registry/types';
import { ExactIndex } from '@/lib/search/exact';
import type { MlClient } from '@/components/ml/ml-client';
import styles from './engine.module.css';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'ready'; index: ExactIndex; ms: number }
  | { kind: 'error'; text: string };
interface Answer {
  items: { id: number; topic: number; score: number }[];
  userTopic: number;
  towerMs: number;
  searchMs: number;
}

const F = DEMO_WORLD.featureDim;

/** Hot-swaps the active version into the ML worker and answers retrieval requests with it. */
export function ServeDemo({
  version,
  registry,
  client,
  ready,
}: {
  version: ModelVersion;
  registry: ModelRegistry;
  client: MlClient | null;
  ready: boolean;
}) {
  const world = useMemo(() => demoWorld(version.seed), [version.seed]);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [user, setUser] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    if (!client || !ready) return;
    let cancelled = false;
    (async () => {
      const t0 = performance.now();
      const [u, i] = await Promise.all([
        registry.loadOnnx(version.id, 'user'),
        registry.loadOnnx(version.id, 'item'),
      ]);
      if (!u.ok || !i.ok)
        throw new Error(
          `version ${version.version} is damaged in storage (${!u.ok ? u.message : ''} ${!i.ok ? i.message : ''})`,
        );
      // Loading under the same session id replaces the previous version: a hot swap.
      await client.load('serve-user', u.value);
      await client.load('serve-item', i.value);
      const ids = Int32Array.from({ length: DEMO_WORLD.numItems }, (_, k) => k);
      const { outputs } = await client.run('serve-item', {
        item_id: { type: 'int32', data: ids, dims: [ids.length] },
        item_features: { type: 'float32', data: world.itemFeatures.slice(), dims: [ids.length, F] },
      });
      const emb = outputs.item_embedding!;
      if (!cancelled)
        setLoaded({
          kind: 'ready',
          index: new ExactIndex(emb.data as Float32Array, emb.dims[1]!),
          ms: performance.now() - t0,
        });
    })().catch((error: Error) => !cancelled && setLoaded({ kind: 'error', text: error.message }));
    return () => {
      cancelled = true;
    };
  }, [client, ready, registry, version, world]);

  const recommend = async () => {
    if (loaded.kind !== 'ready' || !client) return;
    const features = world.userFeatures.slice(user * F, (user + 1) * F);
    const { outputs, ms } = await client.run('serve-user', {
      user_id: { type: 'int32', data: new Int32Array([user]), dims: [1] },
      user_features: { type: 'float32', data: features, dims: [1, F] },
    });
    const t0 = performance.now();
    const top = loaded.index.search(outputs.user_embedding!.data as Float32Array, 10);
    const searchMs = performance.now() - t0;
    setAnswer({
      items: [...top.ids].map((id, k) => ({
        id,
        topic: world.itemTopic[id]!,
        score: top.scores[k]!,
      })),
      userTopic: world.userTopic[user]!,
      towerMs: ms,
      searchMs,
    });
  };

  return (
    <div className={styles.serve} data-testid="serve" data-state={loaded.kind}>
      <h3>Serving version {version.version}</h3>
      {loaded.kind === 'loading' && (
        <p aria-live="polite">
          Loading v{version.version} into the ML worker and embedding every item…
        </p>
      )}
      {loaded.kind === 'error' && (
        <p className={styles.errorText} role="alert">
          Could not serve v{version.version}: {loaded.text}
        </p>
      )}
      {loaded.kind === 'ready' && (
        <>
          <p>
            Swapped in and indexed {DEMO_WORLD.numItems.toLocaleString()} item embeddings in{' '}
            {loaded.ms.toFixed(0)} ms.
          </p>
          <div className={styles.row}>
            <label>
              User{' '}
              <input
                type="number"
                min={0}
                max={DEMO_WORLD.numUsers - 1}
                value={user}
                onChange={(e) =>
                  setUser(
                    Math.min(
                      DEMO_WORLD.numUsers - 1,
                      Math.max(0, Math.floor(Number(e.target.value) || 0)),
                    ),
                  )
                }
                className={styles.number}
                data-testid="serve-user"
              />
            </label>
            <button
              type="button"
              className="button button-primary"
              onClick={() => void recommend()}
              data-testid="recommend"
            >
              Retrieve top 10
            </button>
          </div>
        </>
      )}
      {answer && (
        <div
          data-testid="answer"
          data-on-topic={answer.items.filter((i) => i.topic === answer.userTopic).length}
        >
          <p>
            <strong>{answer.items.filter((i) => i.topic === answer.userTopic).length} of 10</strong>{' '}
            retrieved items are from this user&apos;s hidden topic ({answer.userTopic}); a random
            pick would average about {(10 / 20).toFixed(1)}. User tower {answer.towerMs.toFixed(2)}{' '}
            ms, search {answer.searchMs.toFixed(2)} ms.
          </p>
          <ol className={styles.items}>
            {answer.items.map((i) => (
              <li key={i.id} className={i.topic === answer.userTopic ? styles.onTopic : undefined}>
                item {i.id} · topic {i.topic} · score {i.score.toFixed(3)}
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
