'use client';

import { useId, useState } from 'react';
import { LineChart, type LineSeries } from '@/components/charts/LineChart';
import type { ReliabilityBin } from '@/lib/metrics';
import { useAdMetrics, type AdModelMetrics, type AdStage } from './ad-metrics';
import styles from './widgets.module.css';

type Kind = 'dcn' | 'mlp' | 'lr';
const KINDS: Kind[] = ['dcn', 'mlp', 'lr'];
const f4 = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : '—');

interface Row {
  key: string;
  label: string;
  stage: AdStage;
}

function rows(m: AdModelMetrics, rate: number): Row[] {
  const t = m.test;
  const name = (k: 'platt' | 'isotonic') => (k === 'platt' ? 'Platt' : 'Isotonic');
  return [
    {
      key: 'raw',
      label:
        rate < 1
          ? `Downsampled (${rate * 100}% of negatives), not re-calibrated`
          : 'Raw model output',
      stage: t.raw,
    },
    { key: 'recal', label: 'Downsampling undone (re-calibrated)', stage: t.recalibrated },
    {
      key: m.calibration.method,
      label: `${name(m.calibration.method)} (served)`,
      stage: t.calibrated,
    },
    { key: t.alternative.method, label: name(t.alternative.method), stage: t.alternative.metrics },
  ];
}

const binsOf = (bins: ReliabilityBin[] | undefined) =>
  (bins ?? []).filter((b) => Number.isFinite(b.meanPredicted) && Number.isFinite(b.observedRate));

/**
 * Reliability diagram of the ad click models on the test day: what negative downsampling does to
 * predicted probabilities when it is not undone, and how re-calibration, Platt and isotonic fix
 * it, with the expected calibration error of each.
 */
export function AdCalibration() {
  const state = useAdMetrics();
  const [kind, setKind] = useState<Kind>('dcn');
  const [showRaw, setShowRaw] = useState(false);
  const group = useId();
  if (state.status === 'loading')
    return <p className={styles.explorer}>Loading the trained models’ metrics…</p>;
  if (state.status === 'error') {
    return (
      <p className={styles.explorer} role="alert">
        Could not load the ad click metrics: {state.message}
      </p>
    );
  }
  const { metrics } = state;
  const m = metrics.models[kind];
  if (!m)
    return (
      <p className={styles.explorer} role="alert">
        No metrics for {kind} in metrics.json.
      </p>
    );
  const rate = metrics.config.downsampleRate;
  const all = rows(m, rate);
  const shown = all.filter((r) => showRaw || r.key !== 'raw');
  let maxP = 0;
  for (const r of shown)
    for (const b of binsOf(r.stage.reliability))
      maxP = Math.max(maxP, b.meanPredicted, b.observedRate);
  const top = Math.min(1, maxP * 1.05);
  const series: LineSeries[] = [
    { label: 'Perfectly calibrated', x: [0, top], y: [0, top], dashed: true },
    ...shown.map((r) => {
      const bins = binsOf(r.stage.reliability);
      return {
        label: r.label,
        x: bins.map((b) => b.meanPredicted),
        y: bins.map((b) => b.observedRate),
      };
    }),
  ];
  const served = all[2]!;
  const summary =
    `Reliability of ${m.label} on test day ${metrics.split.testDay}: ` +
    all
      .map((r) => `${r.label} ECE ${f4(r.stage.ece)}, mean predicted ${f4(r.stage.meanPredicted)}`)
      .join('; ') +
    `; observed CTR ${f4(served.stage.observedRate)}.`;

  return (
    <div className={styles.explorer} data-testid="ad-calibration">
      <div className={styles.controls}>
        <fieldset className={styles.fieldset}>
          <legend>Model</legend>
          {KINDS.filter((k) => metrics.models[k]).map((k) => (
            <label key={k} className={styles.inline}>
              <input
                type="radio"
                name={group}
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              {metrics.models[k]!.label}
            </label>
          ))}
        </fieldset>
        <label className={styles.inline}>
          <input
            type="checkbox"
            checked={showRaw}
            onChange={(e) => setShowRaw(e.target.checked)}
            data-testid="show-raw"
          />
          Show the downsampled model without re-calibration
        </label>
      </div>
      <LineChart
        key={`${kind}:${showRaw}`}
        title={`Reliability diagram, ${m.label}`}
        summary={summary}
        series={series}
        xLabel="Mean predicted CTR in the bin"
        yLabel="Observed CTR in the bin"
        xRange={[0, top]}
        yRange={[0, top]}
        height={260}
        testId="ad-calibration-chart"
      />
      <table className={styles.confusion}>
        <caption className="visually-hidden">Calibration of {m.label} on the test day</caption>
        <thead>
          <tr>
            <th scope="col">Predictions</th>
            <th scope="col">ECE</th>
            <th scope="col">Mean predicted ÷ CTR</th>
            <th scope="col">Log loss</th>
            <th scope="col">AUC</th>
          </tr>
        </thead>
        <tbody aria-live="polite">
          {all.map((r) => (
            <tr key={r.key} data-testid={`calibration-row-${r.key}`}>
              <th scope="row">{r.label}</th>
              <td>{f4(r.stage.ece)}</td>
              <td>{(r.stage.meanPredicted / r.stage.observedRate).toFixed(2)}×</td>
              <td>{f4(r.stage.logLoss)}</td>
              <td>{f4(r.stage.auc)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.muted}>
        Training on {rate * 100}% of the non-clicks makes clicks look {(1 / rate).toFixed(0)}× more
        common, so the raw model over-predicts CTR by about that factor while its AUC is unchanged:
        ranking survives, bids priced on eCPM do not. Undoing it (q = p ÷ (p + (1 − p) ÷ {rate}))
        fixes most of the error; a calibrator fit on day {metrics.split.calibrationDay} fixes the
        rest.
      </p>
    </div>
  );
}
