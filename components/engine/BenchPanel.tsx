'use client';

import { useEffect, useState } from 'react';
import { BENCH_CASE_IDS, type BenchCaseId } from '@/lib/bench/cases';
import { meetsTarget, type BenchRow } from '@/lib/bench/stats';
import { ProgressLine } from './ProgressLine';
import { useLabWorker } from './useLabWorker';
import styles from './engine.module.css';

const LABELS: Record<BenchCaseId, string> = {
  'exact-search': 'Exact top-500 search over 100k × 64',
  'ivf-search': 'Approximate (IVF) top-100 over 1M × 32, with its build',
  ranker: 'DCN-V2 ranker on 500 candidates',
  'user-tower': 'User tower, one request',
  'train-two-tower': 'Two-tower training, 100k interactions',
};

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

declare global {
  interface Window {
    __mlsdBench?: { rows: BenchRow[]; backend: string };
  }
}

/** Runs the engine benchmarks in this browser, each onnxruntime-web figure beside its peer. */
export function BenchPanel({
  autorun,
  initialCases,
  quick,
}: {
  autorun: boolean;
  initialCases: BenchCaseId[];
  quick: boolean;
}) {
  const { state, start } = useLabWorker<BenchRow[]>();
  const [cases, setCases] = useState<BenchCaseId[]>(initialCases);

  useEffect(() => {
    if (autorun) start({ type: 'bench', cases: initialCases, quick });
  }, [autorun, initialCases, quick, start]);
  useEffect(() => {
    if (state.kind === 'done') window.__mlsdBench = { rows: state.result, backend: state.backend };
  }, [state]);

  const toggle = (id: BenchCaseId) =>
    setCases((cs) => (cs.includes(id) ? cs.filter((c) => c !== id) : [...cs, id]));

  return (
    <section
      className={styles.panel}
      aria-labelledby="bench-title"
      data-testid="bench"
      data-state={state.kind}
    >
      <h2 id="bench-title">Benchmarks in this browser</h2>
      <p>
        Latency percentiles measured here, in a worker, with one WASM thread. Each onnxruntime-web
        figure is paired with the same work on its peer (TF.js or plain TypeScript).
      </p>
      <fieldset className={styles.cases}>
        <legend>What to measure</legend>
        {BENCH_CASE_IDS.map((id) => (
          <label key={id}>
            <input type="checkbox" checked={cases.includes(id)} onChange={() => toggle(id)} />{' '}
            {LABELS[id]}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        className="button button-primary"
        onClick={() => start({ type: 'bench', cases, quick })}
        disabled={state.kind === 'running' || cases.length === 0}
        data-testid="run-bench"
      >
        Run benchmarks
      </button>
      {state.kind === 'running' && (
        <ProgressLine name="Benchmark progress" label={state.label} fraction={state.fraction} />
      )}
      {state.kind === 'failed' && (
        <p className={styles.errorText} role="alert">
          The benchmarks stopped: {state.message}
        </p>
      )}
      {state.kind === 'done' && (
        <table className={styles.table} data-testid="bench-table">
          <caption>TF.js backend: {state.backend}.</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col">p50</th>
              <th scope="col">p95</th>
              <th scope="col">n</th>
              <th scope="col">Target</th>
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            {state.result.map((r) => {
              const ok = meetsTarget(r);
              return (
                <tr key={r.figure} data-testid="bench-row">
                  <td>{r.figure}</td>
                  <td>
                    {fmt(r.p50)} {r.unit}
                  </td>
                  <td>
                    {fmt(r.p95)} {r.unit}
                  </td>
                  <td>{r.n}</td>
                  <td>
                    {r.target === undefined ? '' : `≤ ${r.target} ${r.unit} ${ok ? '✓' : '✗'}`}
                  </td>
                  <td>
                    {Object.entries(r.extra ?? {})
                      .map(([k, v]) => `${k} ${typeof v === 'number' ? fmt(v) : v}`)
                      .join(' · ')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
