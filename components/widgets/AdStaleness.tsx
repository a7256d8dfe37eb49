'use client';

import { useId, useState } from 'react';
import { LineChart, type LineSeries } from '@/components/charts/LineChart';
import { useAdMetrics } from './ad-metrics';
import styles from './widgets.module.css';

const f4 = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : '—');

/**
 * Staleness: test AUC, day by day, of a click model trained once on the first days and never
 * again, against the same model retrained every day on the days just before. Precomputed by
 * `npm run train:ad-click` (training in the page would take minutes).
 */
export function AdStaleness() {
  const state = useAdMetrics();
  const [showBayes, setShowBayes] = useState(false);
  const [pick, setPick] = useState<number | null>(null);
  const sliderId = useId();
  if (state.status === 'loading')
    return <p className={styles.explorer}>Loading the staleness run…</p>;
  if (state.status === 'error') {
    return (
      <p className={styles.explorer} role="alert">
        Could not load the ad click metrics: {state.message}
      </p>
    );
  }
  const s = state.metrics.staleness;
  if (!s || s.points.length === 0) {
    return (
      <p className={styles.explorer} role="alert">
        metrics.json has no staleness run: retrain with npm run train:ad-click.
      </p>
    );
  }
  const days = s.points.map((p) => p.day);
  const day = pick ?? days[days.length - 1]!;
  const point = s.points.find((p) => p.day === day) ?? s.points[s.points.length - 1]!;
  const series: LineSeries[] = [
    {
      label: `Trained once on days ${s.staleTrainDays.join('–')}`,
      x: days,
      y: s.points.map((p) => p.stale),
    },
    {
      label: `Retrained daily on the ${s.window} days before`,
      x: days,
      y: s.points.map((p) => p.retrained),
    },
    { label: `Day ${day}`, x: [day, day], y: [point.stale, point.retrained], points: true },
  ];
  if (showBayes) {
    series.push({
      label: 'Bayes-optimal (the generator)',
      x: days,
      y: s.points.map((p) => p.bayes),
      dashed: true,
    });
  }
  const lost = point.retrained - point.stale;
  const summary = s.points
    .map(
      (p) =>
        `day ${p.day}: stale ${f4(p.stale)}, retrained ${f4(p.retrained)}, Bayes ${f4(p.bayes)}`,
    )
    .join('; ');

  return (
    <div className={styles.explorer} data-testid="ad-staleness">
      <div className={styles.controls}>
        <label htmlFor={sliderId}>
          <span>
            Serving day <strong>{day}</strong> (
            {day - s.staleTrainDays[s.staleTrainDays.length - 1]!} day(s) after the stale model’s
            last training day)
          </span>
          <input
            id={sliderId}
            type="range"
            min={days[0]}
            max={days[days.length - 1]}
            step={1}
            value={day}
            onChange={(e) => setPick(Number(e.target.value))}
            data-testid="staleness-day"
          />
        </label>
        <label className={styles.inline}>
          <input
            type="checkbox"
            checked={showBayes}
            onChange={(e) => setShowBayes(e.target.checked)}
          />
          Show the Bayes-optimal AUC of each day
        </label>
      </div>
      <dl className={styles.metrics} aria-live="polite">
        <div>
          <dt>Stale model AUC</dt>
          <dd data-testid="stale-auc">{f4(point.stale)}</dd>
        </div>
        <div>
          <dt>Retrained AUC</dt>
          <dd data-testid="retrained-auc">{f4(point.retrained)}</dd>
        </div>
        <div>
          <dt>Lost to staleness</dt>
          <dd>{f4(lost)}</dd>
        </div>
      </dl>
      <LineChart
        key={String(showBayes)}
        title="Test AUC by day: a stale model against daily retraining"
        summary={summary}
        series={series}
        xLabel="Day"
        yLabel="AUC"
        height={240}
        testId="staleness-chart"
      />
      <p className={styles.muted}>
        The model is the logistic regression with hand-made crosses (the quickest to retrain). The
        world drifts: category trends move every day and creatives fatigue, so a model frozen on old
        days ranks today’s ads by yesterday’s tastes. Some days are simply harder than others (see
        the Bayes line), which is why the gap, not the raw AUC, measures staleness.
      </p>
    </div>
  );
}
