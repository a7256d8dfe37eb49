'use client';

import Link from 'next/link';
import { useState } from 'react';
import { formatClock } from '@/lib/framework/clock';
import { mockCase } from '@/lib/mock/cases';
import { BAND_LABELS, BAND_RULE, bandFor } from '@/lib/mock/grading';
import { elapsedMs } from '@/lib/mock/session';
import { Comparison } from './Comparison';
import { SelfGrade } from './SelfGrade';
import { StepTimes } from './StepTimes';
import { getMockStore, useMock } from './mock-store';
import styles from './mock.module.css';

/** After the interview: self-grade, band, time per step and the comparison with the reference. */
export function EndScreen() {
  const session = useMock((s) => s.session!);
  const c = mockCase(session.caseId)!;
  const band = bandFor(session.grades);
  const [error, setError] = useState('');

  const record = async () => {
    const ok = await getMockStore().getState().record();
    setError(ok ? '' : 'Grade all five dimensions first.');
  };

  return (
    <div data-testid="mock-end">
      <h1 style={{ margin: '8px 0' }}>Mock finished: {c.title}</h1>
      <p className={styles.muted}>
        {formatClock(elapsedMs(session, 0) / 1000)} of {session.totalMinutes}:00 used ·{' '}
        {session.asked.length} clarifying questions asked.{' '}
        <Link href="/mock/">Back to the mock interview page</Link>
      </p>
      <section className={styles.card} aria-labelledby="grade-title">
        <h2 id="grade-title">Grade yourself</h2>
        <p className={styles.muted}>
          Pick the level whose description fits best. Be honest: this is for you.
        </p>
        <SelfGrade />
        <p aria-live="polite">
          Overall:{' '}
          <span className={styles.band} data-testid="mock-band">
            {band ? BAND_LABELS[band] : 'grade all five dimensions'}
          </span>
        </p>
        <p className={styles.muted}>{BAND_RULE}</p>
        {session.recordedAs ? (
          <p data-testid="mock-recorded">
            Saved in your history. <Link href="/mock/">See all attempts</Link>
          </p>
        ) : (
          <button
            type="button"
            className="button button-primary"
            disabled={!band}
            onClick={() => void record()}
            data-testid="mock-record"
          >
            Save to my history
          </button>
        )}
        {error && <p role="alert">{error}</p>}
      </section>
      <StepTimes />
      <Comparison />
    </div>
  );
}
