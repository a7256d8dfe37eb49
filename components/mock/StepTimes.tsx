'use client';

import { formatClock } from '@/lib/framework/clock';
import { STEPS } from '@/lib/framework/steps';
import { stepBudgetMs, stepTimes } from '@/lib/mock/session';
import { useMock } from './mock-store';
import styles from './mock.module.css';

/** Time spent in each step against its budget. */
export function StepTimes() {
  const session = useMock((s) => s.session!);
  // The session is finished, so the clock is frozen and `now` does not matter.
  const times = stepTimes(session, 0);
  return (
    <section className={styles.card} aria-labelledby="times-title">
      <h2 id="times-title">Time per step</h2>
      <table className={styles.table} data-testid="mock-step-times">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Spent</th>
            <th scope="col">Budget</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        <tbody>
          {STEPS.map((s) => {
            const spent = times[s.id];
            const budget = stepBudgetMs(session.totalMinutes, s.id);
            return (
              <tr key={s.id}>
                <th scope="row">
                  {s.number}. {s.title}
                </th>
                <td>{formatClock(spent / 1000)}</td>
                <td>{formatClock(budget / 1000)}</td>
                <td>
                  {spent === 0
                    ? 'Skipped'
                    : spent > budget
                      ? `Over by ${formatClock((spent - budget) / 1000)}`
                      : 'Within budget'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
