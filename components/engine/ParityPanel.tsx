'use client';

import { PARITY_TOLERANCE, type ParityResult } from '@/lib/bench/parity';
import { ProgressLine } from './ProgressLine';
import { useLabWorker } from './useLabWorker';
import styles from './engine.module.css';

/** Trains each model kind, exports it to ONNX, and compares TF.js with onnxruntime-web here. */
export function ParityPanel({ provider }: { provider: 'wasm' | 'webgpu' }) {
  const { state, start } = useLabWorker<ParityResult[]>();
  const results = state.kind === 'done' ? state.result : [];
  const allPass = results.length > 0 && results.every((r) => r.maxAbsDiff <= PARITY_TOLERANCE);
  return (
    <section
      className={styles.panel}
      aria-labelledby="parity-title"
      data-testid="parity"
      data-state={state.kind}
      data-pass={state.kind === 'done' ? String(allPass) : ''}
    >
      <h2 id="parity-title">Export check: TF.js vs ONNX</h2>
      <p>
        Trains a small model of every kind for a few steps, exports it to ONNX and runs both on the
        same seeded inputs with the {provider.toUpperCase()} execution provider. They must agree to
        within {PARITY_TOLERANCE}.
      </p>
      <button
        type="button"
        className="button button-primary"
        onClick={() => start({ type: 'parity', provider })}
        disabled={state.kind === 'running'}
        data-testid="run-parity"
      >
        Run the export check
      </button>
      {state.kind === 'running' && (
        <ProgressLine name="Export check progress" label={state.label} fraction={state.fraction} />
      )}
      {state.kind === 'failed' && (
        <p className={styles.errorText} role="alert">
          The check could not run: {state.message}
        </p>
      )}
      {state.kind === 'done' && (
        <table className={styles.table}>
          <caption>
            {allPass ? 'Every output matches.' : 'Some outputs differ beyond tolerance.'} TF.js
            backend: {state.backend}.
          </caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Output</th>
              <th scope="col">Values</th>
              <th scope="col">Max |difference|</th>
              <th scope="col">Within {PARITY_TOLERANCE}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={`${r.kind}/${r.output}`} data-testid="parity-row" data-diff={r.maxAbsDiff}>
                <td>{r.kind}</td>
                <td>
                  <code>{r.output}</code>
                </td>
                <td>{r.values}</td>
                <td>{r.maxAbsDiff.toExponential(1)}</td>
                <td>{r.maxAbsDiff <= PARITY_TOLERANCE ? 'yes' : 'NO'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
