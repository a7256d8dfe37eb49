import type { StageTiming } from '@/lib/pipeline/stages';
import { budgetReport } from '@/lib/pipeline/stages';
import styles from './waterfall.module.css';

export interface LatencyWaterfallProps {
  timings: readonly StageTiming[];
  budgetMs: number;
  /** The execution provider the models ran on, e.g. "wasm". */
  provider?: string;
  testId?: string;
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

/**
 * A request's stages as a waterfall: each bar starts when its stage started and is as long as
 * it took, on the request's own time scale; the last row is the whole request against the
 * latency budget. A table underneath, so screen readers get the same figures.
 */
export function LatencyWaterfall({ timings, budgetMs, provider, testId }: LatencyWaterfallProps) {
  const report = budgetReport(timings, budgetMs);
  const span = Math.max(report.totalMs, 1e-6);
  return (
    <figure className={styles.waterfall} data-testid={testId ?? 'latency-waterfall'}>
      <div aria-hidden="true" className={styles.bars}>
        {timings.map((t) => (
          <div className={styles.row} key={t.stage}>
            <span>{t.stage}</span>
            <span className={styles.track}>
              <span
                className={styles.bar}
                style={{ left: `${(t.startMs / span) * 100}%`, width: `${(t.ms / span) * 100}%` }}
              />
            </span>
            <span className={styles.ms}>{fmt(t.ms)} ms</span>
          </div>
        ))}
        <div className={`${styles.row} ${styles.total}`}>
          <span>total vs budget</span>
          <span className={styles.track}>
            <span
              className={`${styles.bar} ${report.withinBudget ? '' : styles.over}`}
              style={{ left: 0, width: `${Math.min(1, report.share) * 100}%` }}
            />
          </span>
          <span className={styles.ms}>{fmt(report.totalMs)} ms</span>
        </div>
      </div>
      <figcaption className={styles.budget}>
        {fmt(report.totalMs)} ms of the {budgetMs} ms budget ({(report.share * 100).toFixed(1)}%)
        {report.slowest ? `; slowest stage: ${report.slowest}` : ''}
        {provider ? `; models on ${provider}` : ''}. Stage bars are on the request&apos;s own time
        scale; the last bar is on the budget&apos;s.
      </figcaption>
      {/* A table cannot be shrunk to 1 px itself; its wrapper can (no sideways scroll). */}
      <div className="visually-hidden">
        <table>
          <caption>Latency per stage</caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">Starts at (ms)</th>
              <th scope="col">Takes (ms)</th>
            </tr>
          </thead>
          <tbody>
            {timings.map((t) => (
              <tr key={t.stage}>
                <th scope="row">{t.stage}</th>
                <td>{fmt(t.startMs)}</td>
                <td>{fmt(t.ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
