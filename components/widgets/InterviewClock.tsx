'use client';

import { useEffect, useRef, useState } from 'react';
import { formatClock, interviewPhases, readClock } from '@/lib/framework/clock';
import { INTERVIEW_MINUTES } from '@/lib/framework/steps';
import styles from './widgets.module.css';

const PHASES = interviewPhases();

/** A 45-minute practice clock: where you should be in the framework right now. */
export function InterviewClock() {
  const [elapsed, setElapsed] = useState(0);
  const [running, setRunning] = useState(false);
  const startedAt = useRef<number | null>(null);
  const base = useRef(0);

  useEffect(() => {
    if (!running) return;
    startedAt.current = performance.now();
    const id = window.setInterval(() => {
      setElapsed(base.current + (performance.now() - (startedAt.current ?? 0)) / 1000);
    }, 250);
    return () => window.clearInterval(id);
  }, [running]);

  const toggle = () => {
    if (running) base.current = elapsed;
    setRunning(!running);
  };
  const reset = () => {
    setRunning(false);
    base.current = 0;
    setElapsed(0);
  };
  const reading = readClock(elapsed, PHASES);

  return (
    <div className={styles.clock} data-testid="interview-clock">
      <div className={styles.clockTop}>
        <div>
          <div className={styles.clockTime} aria-live="off">
            {formatClock(elapsed)} <span className={styles.muted}>/ {INTERVIEW_MINUTES}:00</span>
          </div>
          <div aria-live="polite">
            {reading.overrun ? (
              <strong className={styles.overrun}>
                Time is up — wrap up and ask your questions.
              </strong>
            ) : (
              <>
                Now: <strong>{reading.phase.label}</strong> ·{' '}
                {formatClock(reading.secondsLeftInPhase)} left in this part
              </>
            )}
          </div>
        </div>
        <div className={styles.buttons}>
          <button type="button" className="button button-primary" onClick={toggle}>
            {running ? 'Pause' : elapsed > 0 ? 'Resume' : 'Start a practice clock'}
          </button>
          <button type="button" className="button" onClick={reset} disabled={elapsed === 0}>
            Reset
          </button>
        </div>
      </div>
      <div
        className={styles.timeline}
        role="img"
        aria-label={`Timeline of a ${INTERVIEW_MINUTES}-minute interview: ${PHASES.map((p) => `${p.label} ${p.minutes} minutes`).join(', ')}`}
      >
        {PHASES.map((p) => (
          <div
            key={p.id}
            className={`${styles.segment} ${p.id === reading.phase.id && elapsed > 0 ? styles.segmentNow : ''}`}
            style={{ flexGrow: p.minutes }}
          >
            <span className={styles.segmentLabel} title={p.label}>
              {p.short}
            </span>
            <span className={styles.segmentMinutes}>{p.minutes}m</span>
          </div>
        ))}
        <div
          className={styles.needle}
          style={{ left: `${reading.fraction * 100}%` }}
          aria-hidden="true"
        />
      </div>
    </div>
  );
}
