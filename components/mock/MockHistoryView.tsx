'use client';

import { STEPS } from '@/lib/framework/steps';
import { mockCase } from '@/lib/mock/cases';
import { averageLevel, BAND_LABELS, DIMENSIONS } from '@/lib/mock/grading';
import type { MockAttempt } from '@/lib/mock/history';
import { formatClock } from '@/lib/framework/clock';
import { LineChart } from '../charts/LineChart';
import { useMock } from './mock-store';
import styles from './mock.module.css';

/** Past attempts: a table, the self-grade over attempts and the minutes per step over attempts. */
export function MockHistoryView() {
  const attempts = useMock((s) => s.history.attempts);
  const loaded = useMock((s) => s.loaded);
  return (
    <section className={styles.card} data-testid="mock-history">
      <h2>Your attempts</h2>
      {!loaded ? (
        <p className={styles.muted}>Loading…</p>
      ) : attempts.length === 0 ? (
        <p className={styles.muted}>No finished mocks yet. Your scores will appear here.</p>
      ) : (
        <>
          <HistoryCharts attempts={attempts} />
          <HistoryTable attempts={attempts} />
        </>
      )}
    </section>
  );
}

function HistoryCharts({ attempts }: { attempts: readonly MockAttempt[] }) {
  const x = attempts.map((_, i) => i + 1);
  const last = attempts[attempts.length - 1]!;
  return (
    <div className={styles.charts}>
      <LineChart
        title="Self-grade per attempt (1 weak – 4 excellent)"
        summary={`${attempts.length} attempts. Latest: ${DIMENSIONS.map((d) => `${d.title} ${last.grades[d.id]}`).join(', ')}.`}
        series={DIMENSIONS.map((d) => ({
          label: d.title,
          x,
          y: attempts.map((a) => a.grades[d.id]),
        }))}
        xLabel="Attempt"
        yLabel="Level"
        yRange={[0.5, 4.5]}
        testId="mock-grade-chart"
      />
      <LineChart
        title="Minutes per step per attempt"
        summary={`Latest attempt: ${STEPS.map((s) => `${s.short} ${(last.stepMs[s.id] / 60_000).toFixed(1)} min`).join(', ')}.`}
        series={STEPS.map((s, i) => ({
          label: s.short,
          x,
          y: attempts.map((a) => a.stepMs[s.id] / 60_000),
          // Five theme colours for seven steps: the last two are dashed to tell them apart.
          dashed: i >= 5,
        }))}
        xLabel="Attempt"
        yLabel="Minutes"
        testId="mock-time-chart"
      />
    </div>
  );
}

function HistoryTable({ attempts }: { attempts: readonly MockAttempt[] }) {
  return (
    <div style={{ overflowX: 'auto' }}>
      <table className={styles.table} data-testid="mock-history-table">
        <caption className="visually-hidden">Finished mock interviews, newest first</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Date</th>
            <th scope="col">Case</th>
            <th scope="col">Band</th>
            <th scope="col">Mean level</th>
            <th scope="col">Time</th>
            <th scope="col">Design-changing questions asked</th>
          </tr>
        </thead>
        <tbody>
          {attempts
            .map((a, i) => ({ a, n: i + 1 }))
            .reverse()
            .map(({ a, n }) => (
              <tr key={a.id}>
                <td>{n}</td>
                <td>{new Date(a.finishedAt).toLocaleDateString()}</td>
                <td>
                  {mockCase(a.caseId)?.title ?? a.caseId}
                  {a.totalMinutes !== 45 && ` (${a.totalMinutes}-minute mock)`}
                </td>
                <td>{BAND_LABELS[a.band]}</td>
                <td>{(averageLevel(a.grades) ?? 0).toFixed(1)}</td>
                <td>{formatClock(Object.values(a.stepMs).reduce((t, v) => t + v, 0) / 1000)}</td>
                <td>
                  {a.changingAsked} of {a.changingTotal}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
