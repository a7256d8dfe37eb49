import { INTERVIEW_MINUTES, STEPS, WRAP_MINUTES, stepById } from '@/lib/framework/steps';
import styles from './mdx.module.css';

/** Where this step sits in a 45-minute interview, as a bar of all seven steps. */
export function MinuteBudget({ step }: { step: string }) {
  const current = stepById(step);
  if (!current) throw new Error(`MLSD-002: <MinuteBudget step="${step}"> names no step.`);
  return (
    <figure
      className={styles.budget}
      aria-label={`Minute budget: step ${current.number}, ${current.title}, ${current.minutes} of ${INTERVIEW_MINUTES} minutes`}
    >
      <figcaption>
        <strong>
          Step {current.number} of 7 · about {current.minutes} minutes
        </strong>{' '}
        of a {INTERVIEW_MINUTES}-minute interview
      </figcaption>
      <div className={styles.budgetBar} aria-hidden="true">
        {STEPS.map((s) => (
          <span
            key={s.id}
            className={s.id === current.id ? styles.budgetCurrent : undefined}
            style={{ flexGrow: s.minutes }}
            title={`${s.title}: ${s.minutes} min`}
          >
            {s.short}
          </span>
        ))}
        <span
          className={styles.budgetWrap}
          style={{ flexGrow: WRAP_MINUTES }}
          title={`Introductions and your questions: ${WRAP_MINUTES} min`}
        >
          Intro/Q&amp;A
        </span>
      </div>
    </figure>
  );
}
