'use client';

import { formatClock } from '@/lib/framework/clock';
import { STEPS, stepById } from '@/lib/framework/steps';
import {
  currentStep,
  elapsedMs,
  finish,
  goToStep,
  isRunning,
  nextStep,
  pause,
  previousStep,
  readStep,
  resume,
  totalMs,
} from '@/lib/mock/session';
import { getMockStore, useMock } from './mock-store';
import { useNow } from './use-now';
import styles from './mock.module.css';

/** The timer, the step you are on with its budget, and the buttons that move between steps. */
export function MockClockBar() {
  const session = useMock((s) => s.session!);
  const running = isRunning(session);
  const now = useNow(running);
  const update = getMockStore().getState().update;
  const elapsed = elapsedMs(session, now);
  const left = totalMs(session) - elapsed;
  const reading = readStep(session, now);
  const step = stepById(currentStep(session))!;
  const next = nextStep(session);
  const prev = previousStep(session);

  return (
    <section className={styles.clockBar} aria-label="Interview clock" data-testid="mock-clock">
      <div>
        <div className={styles.time} data-testid="mock-elapsed">
          {formatClock(elapsed / 1000)}{' '}
          <span className={styles.muted}>/ {session.totalMinutes}:00</span>
        </div>
        <div className={styles.muted}>
          {left >= 0
            ? `${formatClock(left / 1000)} left${running ? '' : ' · paused'}`
            : 'Time is up: wrap up and finish.'}
        </div>
      </div>
      <div style={{ flex: 1, minWidth: 260 }}>
        <div>
          <strong data-testid="mock-step">
            Step {step.number} of 7: {step.title}
          </strong>
        </div>
        <p className={styles.budget} data-testid="mock-step-budget">
          {formatClock(reading.spentMs / 1000)} spent of a {formatClock(reading.budgetMs / 1000)}{' '}
          budget
        </p>
        <div aria-live="polite">
          {reading.over ? (
            <p className={styles.overBudget} data-testid="mock-over-budget">
              <span aria-hidden="true">⏳</span>
              Over this step’s budget by {formatClock((reading.spentMs - reading.budgetMs) / 1000)}.
              When you are ready, move on: later steps need their time too.
            </p>
          ) : reading.near ? (
            <p className={`${styles.overBudget} ${styles.near}`}>
              <span aria-hidden="true">⌛</span> Nearly at this step’s budget.
            </p>
          ) : null}
        </div>
      </div>
      <div className={styles.actions}>
        <button
          type="button"
          className="button"
          onClick={() => update((s, t) => (running ? pause(s, t) : resume(s, t)))}
        >
          {running ? 'Pause' : 'Resume'}
        </button>
        <button
          type="button"
          className="button"
          disabled={!prev}
          onClick={() => prev && update((s, t) => goToStep(s, prev, t))}
        >
          ← Previous step
        </button>
        {next ? (
          <button
            type="button"
            className="button button-primary"
            data-testid="mock-next"
            onClick={() => update((s, t) => goToStep(s, next, t))}
          >
            Next step →
          </button>
        ) : null}
        <button
          type="button"
          className={next ? 'button' : 'button button-primary'}
          data-testid="mock-finish"
          onClick={() => update((s, t) => finish(s, t))}
        >
          Finish the interview
        </button>
      </div>
      <nav aria-label="Steps" style={{ flexBasis: '100%' }}>
        <ol className={styles.steps}>
          {STEPS.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className={`button ${styles.stepButton}`}
                aria-current={s.id === step.id ? 'step' : undefined}
                onClick={() => update((x, t) => goToStep(x, s.id, t))}
              >
                {s.number}. {s.short}{' '}
                <span className={styles.muted}>
                  {formatClock(((s.minutes / 45) * session.totalMinutes * 60_000) / 1000)}
                </span>
              </button>
            </li>
          ))}
        </ol>
      </nav>
    </section>
  );
}
