'use client';

import { useId, useMemo, useState } from 'react';
import { heldOutScores } from '@/lib/demo/held-out-scores';
import { metricsAtThreshold, prCurve } from '@/lib/metrics';
import styles from './widgets.module.css';

const W = 300;
const H = 220;
const PAD = 34;
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '—');

/**
 * Precision, recall and the confusion matrix of a harmful-content classifier on a seeded
 * held-out set, as the decision threshold moves; the PR curve shows where the threshold sits.
 */
export function ThresholdExplorer() {
  const { labels, scores } = useMemo(() => heldOutScores(), []);
  // Thinned to about 100 points: enough for a smooth line at this size.
  const curve = useMemo(() => {
    const all = prCurve(labels, scores).filter((p) => Number.isFinite(p.threshold));
    const step = Math.max(1, Math.floor(all.length / 100));
    return all.filter((_, i) => i % step === 0);
  }, [labels, scores]);
  const [threshold, setThreshold] = useState(0.5);
  const sliderId = useId();
  const c = metricsAtThreshold(labels, scores, threshold);
  const { precision, recall, f1, falsePositiveRate: fpr } = c;
  const x = (r: number) => PAD + r * (W - PAD - 8);
  const y = (p: number) => H - PAD - p * (H - PAD - 8);
  const path = curve
    .map((p, i) => `${i ? 'L' : 'M'}${x(p.recall).toFixed(1)},${y(p.precision).toFixed(1)}`)
    .join(' ');

  return (
    <div className={styles.explorer} data-testid="threshold-explorer">
      <div className={styles.controls}>
        <label htmlFor={sliderId}>
          <span>
            Flag posts scoring at least <strong>{threshold.toFixed(2)}</strong>
          </span>
          <input
            id={sliderId}
            type="range"
            min={0.01}
            max={0.99}
            step={0.01}
            value={threshold}
            onChange={(e) => setThreshold(Number(e.target.value))}
            data-testid="threshold"
          />
        </label>
        <span className={styles.muted}>
          {labels.length.toLocaleString()} held-out posts, {c.tp + c.fn} of them harmful (
          {(((c.tp + c.fn) / labels.length) * 100).toFixed(0)}%).
        </span>
      </div>
      <div className={styles.explorerBody}>
        <div>
          <dl className={styles.metrics} aria-live="polite">
            <div>
              <dt>Precision</dt>
              <dd data-testid="precision">{fmt(precision)}</dd>
            </div>
            <div>
              <dt>Recall</dt>
              <dd data-testid="recall">{fmt(recall)}</dd>
            </div>
            <div>
              <dt>F1</dt>
              <dd>{fmt(f1)}</dd>
            </div>
            <div>
              <dt>False-positive rate</dt>
              <dd>{fmt(fpr)}</dd>
            </div>
          </dl>
          <table className={styles.confusion}>
            <caption className="visually-hidden">Confusion matrix</caption>
            <thead>
              <tr>
                <td />
                <th scope="col">Flagged</th>
                <th scope="col">Not flagged</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Harmful</th>
                <td>{c.tp} TP</td>
                <td>{c.fn} FN</td>
              </tr>
              <tr>
                <th scope="row">Benign</th>
                <td>{c.fp} FP</td>
                <td>{c.tn} TN</td>
              </tr>
            </tbody>
          </table>
        </div>
        <svg
          className={styles.plot}
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label={`Precision–recall curve; the current threshold gives precision ${fmt(precision)} at recall ${fmt(recall)}`}
        >
          <line x1={PAD} y1={H - PAD} x2={W - 8} y2={H - PAD} stroke="currentColor" />
          <line x1={PAD} y1={8} x2={PAD} y2={H - PAD} stroke="currentColor" />
          <text x={(W + PAD) / 2} y={H - 6} textAnchor="middle" fontSize="12" fill="currentColor">
            Recall
          </text>
          <text
            x={12}
            y={(H - PAD) / 2}
            textAnchor="middle"
            fontSize="12"
            fill="currentColor"
            transform={`rotate(-90 12 ${(H - PAD) / 2})`}
          >
            Precision
          </text>
          {[0, 0.5, 1].map((t) => (
            <g key={t} fontSize="10" fill="currentColor">
              <text x={x(t)} y={H - PAD + 14} textAnchor="middle">
                {t}
              </text>
              <text x={PAD - 4} y={y(t) + 3} textAnchor="end">
                {t}
              </text>
            </g>
          ))}
          <path d={path} fill="none" stroke="var(--accent)" strokeWidth="2" />
          {Number.isFinite(precision) && (
            <circle cx={x(recall)} cy={y(precision)} r="6" fill="var(--danger)" />
          )}
        </svg>
      </div>
    </div>
  );
}
