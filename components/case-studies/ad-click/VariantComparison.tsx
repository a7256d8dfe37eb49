'use client';

import type { AdVariantResult } from '@/case-studies/ad-click/retrain';
import { daysLabel } from '@/case-studies/ad-click/variant';
import { LineChart, type LineSeries } from '@/components/charts/LineChart';
import styles from '@/components/engine/engine.module.css';
import ad from './adtrain.module.css';

const f4 = (x: number) => x.toFixed(4);
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(4)}`;

/** Whether a paired difference is clearly above, clearly below or within noise of zero. */
function verdict(d: AdVariantResult['vsShipped']): { text: string; className?: string } {
  if (d.lower > 0) return { text: 'better than shipped', className: ad.better };
  if (d.upper < 0) return { text: 'worse than shipped', className: ad.worse };
  return { text: 'no clear difference' };
}

export interface SavedRun {
  versionId: string;
  version: number;
}

/**
 * The variants trained on this visit next to the shipped ranker and the Bayes-optimal
 * reference on the same test day: a table (served output's metrics, AUC difference with a
 * bootstrap interval) and two plots — AUC by variant, and the reliability of the newest
 * variant's served probabilities, where skipping re-calibration shows at a glance.
 */
export function VariantComparison({
  runs,
  saved,
  onSave,
  saving,
}: {
  runs: readonly AdVariantResult[];
  saved: readonly (SavedRun | undefined)[];
  onSave: (index: number) => void;
  saving: boolean;
}) {
  const latest = runs.at(-1);
  if (!latest) return null;
  const { shipped, bayes } = latest;
  return (
    <div data-testid="adtrain-comparison" className={styles.cases}>
      <table className={styles.table}>
        <caption>
          Served pCTR on {latest.split} ({latest.testRows.toLocaleString('en')} impressions). ΔAUC:
          paired bootstrap over test impressions, {latest.vsShipped.resamples} resamples, 95%
          interval. Mean p / CTR = 1 is calibrated on average.
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Model</th>
            <th scope="col">Trained on</th>
            <th scope="col">AUC</th>
            <th scope="col">ΔAUC vs shipped</th>
            <th scope="col">Log loss</th>
            <th scope="col">NE</th>
            <th scope="col">ECE</th>
            <th scope="col">Mean p / CTR</th>
            <th scope="col">Time (training)</th>
            <th scope="col">Saved</th>
          </tr>
        </thead>
        <tbody>
          <tr data-testid="adtrain-shipped-row">
            <td />
            <th scope="row">{shipped.label} (serving reference)</th>
            <td>all training days, full settings (npm run train)</td>
            <td>{f4(shipped.auc)}</td>
            <td>—</td>
            <td>{f4(shipped.logLoss)}</td>
            <td>{f4(shipped.normalizedEntropy)}</td>
            <td>{f4(shipped.ece)}</td>
            <td>{shipped.calibrationRatio.toFixed(2)}</td>
            <td>—</td>
            <td>version 1</td>
          </tr>
          {runs.map((r, i) => {
            const v = verdict(r.vsShipped);
            const s = saved[i];
            return (
              <tr
                key={i}
                data-testid="adtrain-run"
                data-auc-delta={r.vsShipped.estimate}
                data-calibration-ratio={r.served.calibrationRatio}
              >
                <td>{i + 1}</td>
                <th scope="row">{r.label}</th>
                <td>
                  {daysLabel(r.trainDays)}, {r.trainRowsKept.toLocaleString('en')} rows,{' '}
                  {r.history.length} epoch{r.history.length === 1 ? '' : 's'}
                </td>
                <td>{f4(r.served.auc)}</td>
                <td>
                  {signed(r.vsShipped.estimate)}{' '}
                  <small>
                    [{signed(r.vsShipped.lower)}, {signed(r.vsShipped.upper)}]
                  </small>{' '}
                  <span className={v.className}>{v.text}</span>
                </td>
                <td>{f4(r.served.logLoss)}</td>
                <td>{f4(r.served.normalizedEntropy)}</td>
                <td>{f4(r.served.ece)}</td>
                <td>{r.served.calibrationRatio.toFixed(2)}</td>
                <td data-testid="adtrain-run-seconds">
                  {r.seconds.total.toFixed(0)} s ({r.seconds.train.toFixed(0)} s)
                </td>
                <td>
                  {s ? (
                    `version ${s.version}`
                  ) : (
                    <button
                      type="button"
                      className="button"
                      disabled={saving}
                      onClick={() => onSave(i)}
                      aria-label={`Save variant ${i + 1} and serve it`}
                      data-testid="adtrain-save"
                    >
                      Save and serve
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
          <tr>
            <td />
            <th scope="row">Bayes-optimal (the world&apos;s true p)</th>
            <td>—</td>
            <td>{f4(bayes.auc)}</td>
            <td>{signed(bayes.auc - shipped.auc)}</td>
            <td>{f4(bayes.logLoss)}</td>
            <td>{f4(bayes.normalizedEntropy)}</td>
            <td>{f4(bayes.ece)}</td>
            <td>—</td>
            <td>—</td>
            <td />
          </tr>
        </tbody>
      </table>
      <div className={ad.charts}>
        <AucChart runs={runs} />
        <ReliabilityChart run={latest} />
      </div>
    </div>
  );
}

function AucChart({ runs }: { runs: readonly AdVariantResult[] }) {
  const latest = runs.at(-1)!;
  const ends = [0.5, runs.length + 0.5];
  const series: LineSeries[] = [
    {
      label: 'variants',
      x: runs.map((_, i) => i + 1),
      y: runs.map((r) => r.served.auc),
      points: true,
    },
    { label: 'shipped', x: ends, y: ends.map(() => latest.shipped.auc), dashed: true },
    { label: 'Bayes-optimal', x: ends, y: ends.map(() => latest.bayes.auc), dashed: true },
  ];
  return (
    <LineChart
      title="Test-day AUC by variant"
      summary={`${runs.map((r, i) => `variant ${i + 1} AUC ${f4(r.served.auc)}`).join('; ')}; shipped ${f4(latest.shipped.auc)}; Bayes-optimal ${f4(latest.bayes.auc)}`}
      series={series}
      xLabel="variant"
      yLabel="AUC"
      height={220}
      testId="adtrain-auc-chart"
    />
  );
}

function ReliabilityChart({ run }: { run: AdVariantResult }) {
  const bins = run.served.reliability.filter((b) => b.count > 0);
  const shippedBins = run.shipped.reliability.filter((b) => b.count > 0);
  const top = Math.max(
    0.05,
    ...[...bins, ...shippedBins].map((b) => Math.max(b.meanPredicted, b.observedRate)),
  );
  return (
    <LineChart
      title="Reliability of the newest variant (served pCTR)"
      summary={`Mean predicted against observed click rate in ${bins.length} equal-mass bins: the newest variant predicts ${run.served.meanPredicted.toFixed(4)} on average where ${run.served.observedRate.toFixed(4)} was observed (ratio ${run.served.calibrationRatio.toFixed(2)}); the shipped model ${run.shipped.calibrationRatio.toFixed(2)}.`}
      series={[
        {
          label: 'newest variant',
          x: bins.map((b) => b.meanPredicted),
          y: bins.map((b) => b.observedRate),
          points: true,
        },
        {
          label: 'shipped',
          x: shippedBins.map((b) => b.meanPredicted),
          y: shippedBins.map((b) => b.observedRate),
          points: true,
        },
        { label: 'perfect calibration', x: [0, top], y: [0, top], dashed: true },
      ]}
      xLabel="mean predicted pCTR"
      yLabel="observed CTR"
      height={220}
      testId="adtrain-reliability-chart"
    />
  );
}
