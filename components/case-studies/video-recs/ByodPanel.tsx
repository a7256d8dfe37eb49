'use client';

import { useState } from 'react';
import { BROWSER_MAX_BYTES } from '@/lib/byod/ratings';
import { LineChart } from '@/components/charts/LineChart';
import { LossCurve } from '@/components/engine/LossCurve';
import { ProgressLine } from '@/components/engine/ProgressLine';
import { useLabWorker } from '@/components/engine/useLabWorker';
import styles from '@/components/engine/engine.module.css';
import type { ByodRequest, ByodResult } from './byod.worker';

const KS = [5, 10, 20, 50, 100];
const TABLE_KS = [10, 50, 100];
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const byodWorker = () =>
  new Worker(new URL('./byod.worker.ts', import.meta.url), { type: 'module', name: 'byod' });

/**
 * Bring your own ratings: a MovieLens file (u.data or ratings.csv) is read and trained on in a
 * worker in this browser, and the two-tower's top-K accuracy is shown next to popularity.
 */
export function ByodPanel() {
  const [file, setFile] = useState<File | null>(null);
  const [seed, setSeed] = useState(1);
  const [refused, setRefused] = useState<string | null>(null);
  const { state, start, cancel, reset } = useLabWorker<ByodResult, ByodRequest>(byodWorker);

  const choose = (f: File | null) => {
    setFile(null);
    setRefused(null);
    reset();
    if (!f) return;
    if (f.size > BROWSER_MAX_BYTES) {
      setRefused(
        `${f.name} is ${mb(f.size)}: too big to train on in a browser tab (the limit is ` +
          `${mb(BROWSER_MAX_BYTES)}, about 500,000 ratings). Use a smaller file, or run ` +
          `npm run eval:retrieval -- --ratings ${f.name} on your computer.`,
      );
      return;
    }
    setFile(f);
  };

  return (
    <section
      className={styles.panel}
      aria-labelledby="byod-title"
      data-testid="byod"
      data-state={state.kind}
    >
      <h2 id="byod-title">Bring your own ratings</h2>
      <p>
        Train the two-tower retriever on your own MovieLens ratings (<code>u.data</code> or{' '}
        <code>ratings.csv</code>) and compare it with a popularity baseline.{' '}
        <strong>Your file never leaves this browser:</strong> it is read and trained on here, in a
        worker, and nothing is uploaded.
      </p>
      <p>
        Protocol (TensorFlow Recommenders): a seeded random 80/20 split; for each held-out rating, a
        hit at K when its film is in the user&apos;s top K over the whole catalogue, films they
        already rated included.
      </p>
      <div className={styles.row}>
        <label>
          Ratings file{' '}
          <input
            type="file"
            accept=".data,.csv,.tsv,.txt,text/csv,text/plain"
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
            data-testid="byod-file"
          />
        </label>
        <label>
          Seed{' '}
          <input
            type="number"
            min={0}
            max={1e6}
            value={seed}
            onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.target.value) || 0)))}
            className={styles.number}
            data-testid="byod-seed"
          />
        </label>
        <button
          type="button"
          className="button button-primary"
          disabled={!file || state.kind === 'running'}
          onClick={() => file && start({ file, seed, ks: KS })}
          data-testid="byod-start"
        >
          Train and evaluate
        </button>
        {state.kind === 'running' && (
          <button type="button" className="button" onClick={cancel}>
            Cancel
          </button>
        )}
      </div>
      {refused && (
        <p className={styles.errorText} role="alert" data-testid="byod-error">
          {refused}
        </p>
      )}
      {state.kind === 'running' && (
        <>
          <ProgressLine name="Training progress" label={state.label} fraction={state.fraction} />
          <LossCurve losses={state.losses} label="Training loss" />
        </>
      )}
      {state.kind === 'cancelled' && <p role="status">Stopped.</p>}
      {state.kind === 'failed' && (
        <p className={styles.errorText} role="alert" data-testid="byod-error">
          {state.message}
        </p>
      )}
      {state.kind === 'done' && <ByodResults result={state.result} />}
    </section>
  );
}

function ByodResults({ result }: { result: ByodResult }) {
  const e = result.evaluation;
  const models = [
    { label: 'Two-tower', acc: e.twoTower.accuracy },
    { label: 'Popularity', acc: e.popularity.accuracy },
  ];
  return (
    <div data-testid="byod-results">
      <p>
        {result.ratings.toLocaleString('en')} ratings ({result.format}) by{' '}
        {e.sizes.users.toLocaleString('en')} users of {e.sizes.items.toLocaleString('en')} films;
        trained on {e.sizes.train.toLocaleString('en')}, tested on{' '}
        {e.sizes.test.toLocaleString('en')}; {e.history.length} epochs in{' '}
        {(e.timings.trainMs / 1000).toFixed(1)} s.
      </p>
      <table className={styles.table}>
        <caption>Top-K accuracy on the held-out 20%</caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            {TABLE_KS.map((k) => (
              <th scope="col" key={k}>
                Top-{k}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <tr key={m.label} data-testid="byod-row">
              <th scope="row">{m.label}</th>
              {TABLE_KS.map((k) => (
                <td key={k}>{pct(m.acc[e.ks.indexOf(k)]!)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <LineChart
        title="Top-K accuracy"
        summary={models
          .map((m) => `${m.label}: ${e.ks.map((k, j) => `top-${k} ${pct(m.acc[j]!)}`).join(', ')}`)
          .join('; ')}
        series={models.map((m) => ({
          label: m.label,
          x: e.ks,
          y: m.acc,
          dashed: m.label === 'Popularity',
        }))}
        xLabel="K"
        yLabel="accuracy"
        height={200}
        testId="byod-chart"
      />
    </div>
  );
}
