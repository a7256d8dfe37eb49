'use client';

import { stepById } from '@/lib/framework/steps';
import { currentStep, MAX_NOTES_CHARS, setNotes } from '@/lib/mock/session';
import { getMockStore, useMock } from './mock-store';
import styles from './mock.module.css';

/** Notes for the current step; each step keeps its own, saved as you type. */
export function StepNotes() {
  const step = useMock((s) => currentStep(s.session!));
  const text = useMock((s) => s.session!.notes[step] ?? '');
  const info = stepById(step)!;
  const id = `mock-notes-${step}`;
  return (
    <section className={styles.notes} aria-label="Notes">
      <label htmlFor={id}>
        <strong>
          Notes for step {info.number}: {info.title}
        </strong>
      </label>
      <textarea
        id={id}
        data-testid="mock-notes"
        value={text}
        maxLength={MAX_NOTES_CHARS}
        placeholder="What you would say at this step: decisions, numbers, trade-offs."
        onChange={(e) => {
          const value = e.target.value;
          getMockStore()
            .getState()
            .update((s) => setNotes(s, step, value));
        }}
      />
      <p className={styles.muted} style={{ margin: 0, fontSize: 14 }}>
        <a href={`/learn/${info.lesson}/`} target="_blank" rel="noreferrer">
          The lesson on this step
        </a>{' '}
        (opens in a new tab; in a real interview you would not have it).
      </p>
    </section>
  );
}
