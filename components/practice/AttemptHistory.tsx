'use client';

import type { Attempt } from '@/lib/practice/schema';
import { LineChart } from '@/components/charts/LineChart';
import { pct } from './GradeLines';
import styles from './practice.module.css';

/** Past attempts at one exercise: a table, and a plot once there is a trend to see. */
export function AttemptHistory({ attempts }: { attempts: readonly Attempt[] }) {
  if (attempts.length === 0) return null;
  const scores = attempts.map((a) => Math.round(a.score * 100));
  return (
    <section className={styles.history} aria-labelledby="attempts-heading">
      <h2 id="attempts-heading">Your attempts</h2>
      {attempts.length > 1 && (
        <LineChart
          title="Score by attempt"
          summary={`Scores over ${attempts.length} attempts: ${scores.join('%, ')}%.`}
          series={[{ label: 'Score (%)', x: scores.map((_, i) => i + 1), y: scores }]}
          xLabel="Attempt"
          yLabel="Score (%)"
          yRange={[0, 100]}
          height={180}
        />
      )}
      <table className={styles.table} data-testid="attempts">
        <thead>
          <tr>
            <th scope="col">Attempt</th>
            <th scope="col">When</th>
            <th scope="col">Score</th>
            <th scope="col">Missed</th>
          </tr>
        </thead>
        <tbody>
          {attempts
            .map((a, i) => (
              <tr key={`${a.at}-${i}`}>
                <td>{i + 1}</td>
                <td>{new Date(a.at).toLocaleString()}</td>
                <td>{pct(a.score)}</td>
                <td>{a.missed.length}</td>
              </tr>
            ))
            .reverse()}
        </tbody>
      </table>
    </section>
  );
}
