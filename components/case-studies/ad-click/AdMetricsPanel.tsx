'use client';

import {
  CALIBRATION_LABELS,
  RANKERS,
  RANKER_LABELS,
  type ModelMetrics,
} from '@/case-studies/ad-click/live';
import { LineChart, type LineSeries } from '@/components/charts/LineChart';
import type { AdMetricsResult } from './ad-protocol';
import styles from './ad.module.css';

const f4 = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : '—');

function rows(m: AdMetricsResult): [string, ModelMetrics][] {
  const out: [string, ModelMetrics][] = [];
  for (const k of RANKERS) {
    const x = m.models[k];
    if (x) out.push([RANKER_LABELS[k], x]);
  }
  out.push(['Bayes-optimal (true pCTR)', m.bayes]);
  return out;
}

function curves(m: AdMetricsResult, key: 'roc' | 'pr'): LineSeries[] {
  return rows(m).map(([label, x], i, all) => ({
    label,
    x: x[key].map((p) => p.x),
    y: x[key].map((p) => p.y),
    dashed: i === all.length - 1,
  }));
}

/**
 * Every ranker on the held-out test day of this world, under the chosen calibration, beside the
 * Bayes-optimal reference (the world's true pCTR as the prediction): AUC, log loss, NE, ECE and
 * the ROC, PR and reliability plots.
 */
export function AdMetricsPanel({
  metrics,
  pending,
}: {
  metrics: AdMetricsResult | null;
  pending: boolean;
}) {
  if (!metrics)
    return (
      <p className={styles.muted}>
        {pending ? 'Scoring the held-out days with every ranker…' : 'No metrics yet.'}
      </p>
    );
  const all = rows(metrics);
  const reliability: LineSeries[] = [
    { label: 'perfect', x: [0, 0.2], y: [0, 0.2], dashed: true },
    ...all.map(([label, x]) => ({
      label,
      x: x.reliability.filter((b) => b.count > 0).map((b) => b.meanPredicted),
      y: x.reliability.filter((b) => b.count > 0).map((b) => b.observedRate),
      points: true,
    })),
  ];
  const summary = (key: 'auc' | 'ece') =>
    all.map(([label, x]) => `${label} ${key.toUpperCase()} ${f4(x[key])}`).join('; ');
  return (
    <div data-testid="ad-metrics" aria-busy={pending} className={styles.side}>
      <p className={styles.muted}>
        Test day {metrics.day}: a seeded sample of {metrics.rows.toLocaleString('en')} of its{' '}
        {metrics.dayRows.toLocaleString('en')} impressions ({metrics.bayes.clicks} clicks); Platt
        fitted on {metrics.calibrationRows.toLocaleString('en')} impressions of day{' '}
        {metrics.day - 1}. Calibration: {CALIBRATION_LABELS[metrics.calibration]}. Computed in{' '}
        {(metrics.ms / 1000).toFixed(1)} s{pending ? ' · updating…' : ''}.
      </p>
      <div
        className={styles.wideScroll}
        // A scrolling box must be reachable by keyboard to be scrolled without a mouse.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        role="region"
        aria-label="Offline metrics per ranker (scrolls sideways)"
      >
        <table className={styles.table} data-testid="metrics-table">
          <caption className={styles.muted} style={{ textAlign: 'left' }}>
            NE = log loss ÷ entropy of the day&apos;s CTR (lower is better, 1 = always predicting
            the average). ECE: 20 equal-mass bins.
          </caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col" className={styles.num}>
                AUC
              </th>
              <th scope="col" className={styles.num}>
                log loss
              </th>
              <th scope="col" className={styles.num}>
                NE
              </th>
              <th scope="col" className={styles.num}>
                ECE
              </th>
              <th scope="col" className={styles.num}>
                mean pCTR
              </th>
            </tr>
          </thead>
          <tbody>
            {all.map(([label, x]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td className={styles.num} data-testid="metric-auc">
                  {f4(x.auc)}
                </td>
                <td className={styles.num}>{f4(x.logLoss)}</td>
                <td className={styles.num}>{f4(x.normalizedEntropy)}</td>
                <td className={styles.num} data-testid="metric-ece">
                  {f4(x.ece)}
                </td>
                <td className={styles.num}>{f4(x.meanPredicted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.charts}>
        <LineChart
          title="ROC curve (test day)"
          summary={summary('auc')}
          series={[
            { label: 'chance', x: [0, 1], y: [0, 1], dashed: true },
            ...curves(metrics, 'roc'),
          ]}
          xLabel="false positive rate"
          yLabel="true positive rate"
          xRange={[0, 1]}
          yRange={[0, 1]}
          height={240}
          testId="roc-chart"
        />
        <LineChart
          title="Precision–recall curve (test day)"
          summary={`Precision against recall; the base rate is ${f4(metrics.bayes.clicks / metrics.rows)}.`}
          series={curves(metrics, 'pr')}
          xLabel="recall"
          yLabel="precision"
          xRange={[0, 1]}
          height={240}
          testId="pr-chart"
        />
        <LineChart
          title="Reliability diagram (test day)"
          summary={`Observed CTR against mean predicted pCTR in 10 equal-mass bins. ${summary('ece')}.`}
          series={reliability}
          xLabel="mean predicted pCTR"
          yLabel="observed CTR"
          height={240}
          testId="reliability-chart"
        />
      </div>
    </div>
  );
}
