'use client';

import Link from 'next/link';
import { exerciseKey } from '@/lib/grading/exercise';
import { STEPS } from '@/lib/framework/steps';
import type { ExerciseRecord } from '@/lib/practice/schema';
import { pct } from './GradeLines';
import { PracticeBanner } from './PracticeBanner';
import { usePractice } from './PracticeProvider';
import { EXERCISE_SETS } from './catalogue';
import styles from './practice.module.css';

/** Every exercise by case study and step, with the learner's best and latest scores. */
export function PracticeIndex() {
  const exercises = usePractice((s) => s.data.exercises);
  const loaded = usePractice((s) => s.load.kind !== 'loading');
  return (
    <div aria-busy={!loaded} data-testid="practice-index">
      <PracticeBanner />
      {EXERCISE_SETS.map(({ set }) => (
        <section
          key={set.caseId}
          className={styles.caseSection}
          aria-labelledby={`case-${set.caseId}`}
        >
          <h2 id={`case-${set.caseId}`}>{set.title}</h2>
          <ol className={styles.stepGrid}>
            {STEPS.map((step) => {
              const e = set.exercises.find((x) => x.step === step.id);
              if (!e) return null;
              const record = exercises[exerciseKey(set.caseId, step.id)];
              return (
                <li key={step.id}>
                  <Link
                    className={styles.stepCard}
                    href={`/practice/${set.caseId}/${step.id}/`}
                    data-testid={`exercise-${set.caseId}-${step.id}`}
                  >
                    <span className={styles.stepTop}>
                      <span>
                        Step {step.number} · {step.short}
                      </span>
                      <ScoreBadge record={record} />
                    </span>
                    <strong>{e.title}</strong>
                    <span className={styles.note}>
                      {e.items.length} items{e.diagram ? ' + a diagram' : ''}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}

function ScoreBadge({ record }: { record: ExerciseRecord | undefined }) {
  if (!record?.attempts.length) return <span className="badge">Not tried</span>;
  const best = Math.max(...record.attempts.map((a) => a.score));
  const last = record.attempts.at(-1)!.score;
  return (
    <span className={`badge ${best === 1 ? 'badge-ok' : ''}`} data-testid="score-badge">
      Best {pct(best)} · last {pct(last)}
    </span>
  );
}
