'use client';

import type { ModelVersion } from '@/lib/registry/types';
import styles from '@/components/engine/engine.module.css';

const f4 = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(4));

/** The ranker's versions (shipped and this browser's): which one serves, switch, delete. */
export function AdRankerVersions({
  versions,
  active,
  busy,
  onUse,
  onRemove,
}: {
  versions: readonly ModelVersion[];
  active: ModelVersion | null;
  busy: boolean;
  onUse: (v: ModelVersion) => void;
  onRemove: (v: ModelVersion) => void;
}) {
  if (versions.length === 0) return null;
  return (
    <table className={styles.table} data-testid="adtrain-versions">
      <caption>Versions of the ad ranker in this browser (the serving one is marked)</caption>
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">What</th>
          <th scope="col">Evaluated on</th>
          <th scope="col">AUC</th>
          <th scope="col">Mean p / CTR</th>
          <th scope="col">Size</th>
          <th scope="col">Serving</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr key={v.id} data-testid="adtrain-version" data-source={v.source} data-id={v.id}>
            <td>
              v{v.version} {v.source === 'shipped' ? '(shipped)' : '(yours)'}
            </td>
            <td>{v.note ?? '—'}</td>
            <td>{v.metrics.split}</td>
            <td>{f4(v.metrics.values.auc)}</td>
            <td>{v.metrics.values.calibrationRatio?.toFixed(2) ?? '—'}</td>
            <td>{(v.sizeBytes / 1e3).toFixed(0)} KB</td>
            <td className={styles.actions}>
              {active?.id === v.id ? (
                <strong data-testid="adtrain-active">serving</strong>
              ) : (
                <>
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    onClick={() => onUse(v)}
                    aria-label={`Serve version ${v.version}`}
                    data-testid="adtrain-use"
                  >
                    Serve this version
                  </button>
                  {v.source === 'browser' && (
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      onClick={() => onRemove(v)}
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
  );
}
