'use client';

import Link from 'next/link';
import { exerciseKey } from '@/lib/grading/exercise';
import { STEPS } from '@/lib/framework/steps';
import type { PracticeData } from '@/lib/practice/schema';
import { dueCards } from '@/lib/review/cards';
import { pct } from '@/components/practice/GradeLines';
import { PracticeBanner } from '@/components/practice/PracticeBanner';
import { usePractice } from '@/components/practice/PracticeProvider';
import { cardSubject, EXERCISE_SETS } from '@/components/practice/catalogue';
import { LineChart, type LineSeries } from '@/components/charts/LineChart';
import { Stat } from './Dashboard';
import styles from './dashboard.module.css';

/** Exercises tried and their best scores per case and step, and the review cards due now. */
export function PracticeSummary() {
  const data = usePractice((s) => s.data);
  const loaded = usePractice((s) => s.load.kind !== 'loading');
  const total = EXERCISE_SETS.reduce((n, s) => n + s.set.exercises.length, 0);
  const best = (caseId: string, step: string) => {
    const attempts = data.exercises[exerciseKey(caseId, step)]?.attempts ?? [];
    return attempts.length ? Math.max(...attempts.map((a) => a.score)) : undefined;
  };
  const bests = EXERCISE_SETS.flatMap(({ set }) =>
    set.exercises.map((e) => best(set.caseId, e.step)),
  ).filter((b): b is number => b !== undefined);
  const mean = bests.reduce((a, b) => a + b, 0) / Math.max(1, bests.length);
  const due = dueCards(data.cards, new Date()).filter((c) => cardSubject(c.id)).length;
  const cards = Object.keys(data.cards).length;

  return (
    <section className={styles.dashboard} aria-labelledby="practice-heading" aria-busy={!loaded}>
      <h2 id="practice-heading">Exercises and reviews</h2>
      <PracticeBanner />
      <div className={styles.stats}>
        <Stat
          label="Exercises tried"
          value={`${bests.length} / ${total}`}
          pct={Math.round((100 * bests.length) / Math.max(1, total))}
          testId="stat-exercises"
        />
        <Stat
          label="Average best score"
          value={bests.length ? pct(mean) : '–'}
          pct={Math.round(100 * mean)}
          testId="stat-exercise-score"
        />
        <div className={styles.stat} data-testid="stat-reviews">
          <span className={styles.statLabel}>Review cards</span>
          <span className={styles.statValue}>{due} due</span>
          <span>
            {cards} in total · <Link href="/review/">review now</Link>
          </span>
        </div>
      </div>
      <ScoreTrend data={data} />
      <div className={styles.scroll}>
        <table className={styles.table} data-testid="exercise-scores">
          <caption className="visually-hidden">Best exercise score by case study and step</caption>
          <thead>
            <tr>
              <th scope="col">Case study</th>
              {STEPS.map((s) => (
                <th scope="col" key={s.id}>
                  {s.short}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {EXERCISE_SETS.map(({ set }) => (
              <tr key={set.caseId}>
                <th scope="row">{set.title}</th>
                {STEPS.map((s) => {
                  const b = best(set.caseId, s.id);
                  return (
                    <td key={s.id}>
                      <Link
                        href={`/practice/${set.caseId}/${s.id}/`}
                        aria-label={`${set.title}, ${s.title}: ${b === undefined ? 'not tried' : `best ${pct(b)}`}`}
                      >
                        {b === undefined ? '–' : pct(b)}
                      </Link>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Every attempt's score in the order it was made, one line per case study. */
function ScoreTrend({ data }: { data: PracticeData }) {
  const series: LineSeries[] = EXERCISE_SETS.map(({ set }) => {
    const attempts = set.exercises
      .flatMap((e) => data.exercises[exerciseKey(set.caseId, e.step)]?.attempts ?? [])
      .sort((a, b) => a.at.localeCompare(b.at));
    return {
      label: set.title,
      x: attempts.map((_, i) => i + 1),
      y: attempts.map((a) => Math.round(a.score * 100)),
    };
  }).filter((s) => s.x.length > 0);
  if (series.reduce((n, s) => n + s.x.length, 0) < 2) return null;
  const summary = series
    .map((s) => `${s.label}: ${s.y.length} attempts, latest ${s.y.at(-1)}%`)
    .join('; ');
  return (
    <LineChart
      title="Exercise scores, attempt by attempt"
      summary={summary}
      series={series}
      xLabel="Attempt (in order, per case study)"
      yLabel="Score (%)"
      yRange={[0, 100]}
      height={200}
      testId="score-trend"
    />
  );
}
