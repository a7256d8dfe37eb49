'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { STEPS } from '@/lib/framework/steps';
import { BAND_LABELS } from '@/lib/mock/grading';
import { LineChart } from '@/components/charts/LineChart';
import { loadMockHistory, type LoadedMockHistory } from '@/components/mock/mock-history';
import { Stat } from './Dashboard';
import styles from './dashboard.module.css';

/**
 * Mock interviews on the dashboard, read only through loadMockHistory(): how many, the latest
 * and best bands, self-grades over time, and minutes per step against the interview budget.
 * Problems with the saved history are explained here and handled on /mock/, which owns it.
 */
export function MockSummary() {
  const [history, setHistory] = useState<LoadedMockHistory | null>(null);
  useEffect(() => {
    let live = true;
    void loadMockHistory().then((h) => live && setHistory(h));
    return () => {
      live = false;
    };
  }, []);

  return (
    <section
      className={styles.dashboard}
      aria-labelledby="mock-heading"
      aria-busy={!history}
      data-testid="mock-summary"
    >
      <h2 id="mock-heading">Mock interviews</h2>
      {history && <Body history={history} />}
    </section>
  );
}

function Body({ history }: { history: LoadedMockHistory }) {
  const { summary, status } = history;
  const problem =
    status === 'blocked' ? (
      <p role="alert" className={styles.error}>
        Your mock interview history could not be read ({history.detail}). It has been left
        untouched; open <Link href="/mock/">mock interviews</Link> to download a copy or start
        fresh.
      </p>
    ) : status === 'repaired' ? (
      <p role="status">
        Some saved mock attempts were damaged and are left out here; the rest are shown.
      </p>
    ) : null;
  if (summary.count === 0)
    return (
      <>
        {problem}
        <p>
          No mock interviews yet. <Link href="/mock/">Run a 45-minute mock</Link> with the scripted
          interviewer, then self-grade it: the results show up here.
        </p>
      </>
    );
  const averages = summary.averages;
  return (
    <>
      {problem}
      <div className={styles.stats}>
        <Stat
          label="Mocks completed"
          value={String(summary.count)}
          pct={Math.min(100, summary.count * 10)}
          testId="stat-mocks"
        />
        <div className={styles.stat} data-testid="stat-mock-band">
          <span className={styles.statLabel}>Latest band</span>
          <span className={styles.statValue}>
            {summary.latest ? BAND_LABELS[summary.latest.band] : '–'}
          </span>
          <span>
            Best: {summary.bestBand ? BAND_LABELS[summary.bestBand] : '–'} ·{' '}
            <Link href="/mock/">history</Link>
          </span>
        </div>
      </div>
      {averages.length > 1 && (
        <LineChart
          title="Mean self-grade per mock (1–4)"
          summary={`Mean self-grades over ${averages.length} mocks: ${averages.map((a) => a.toFixed(1)).join(', ')}.`}
          series={[{ label: 'Mean self-grade', x: averages.map((_, i) => i + 1), y: averages }]}
          xLabel="Mock"
          yLabel="Self-grade"
          yRange={[1, 4]}
          height={180}
          testId="mock-trend"
        />
      )}
      <div className={styles.scroll}>
        <table className={styles.table}>
          <caption className="visually-hidden">Mean minutes per step against the budget</caption>
          <thead>
            <tr>
              <th scope="col">Minutes</th>
              {STEPS.map((s) => (
                <th scope="col" key={s.id}>
                  {s.short}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Your mean</th>
              {STEPS.map((s) => (
                <td key={s.id}>{summary.meanStepMinutes[s.id].toFixed(1)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">Budget</th>
              {STEPS.map((s) => (
                <td key={s.id}>{s.minutes}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </>
  );
}
