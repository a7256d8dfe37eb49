'use client';

import { DIMENSIONS, LEVELS, LEVEL_NAMES } from '@/lib/mock/grading';
import { grade } from '@/lib/mock/session';
import { getMockStore, useMock } from './mock-store';
import styles from './mock.module.css';

/** One radio group per dimension; every level shows its described anchor. */
export function SelfGrade() {
  const grades = useMock((s) => s.session!.grades);
  const locked = useMock((s) => s.session!.recordedAs !== null);
  return (
    <div className={styles.grade}>
      {DIMENSIONS.map((d) => (
        <fieldset key={d.id} data-testid={`grade-${d.id}`} disabled={locked}>
          <legend>{d.title}</legend>
          {LEVELS.map((level) => (
            <label key={level} className={styles.level}>
              <input
                type="radio"
                name={`grade-${d.id}`}
                value={level}
                checked={grades[d.id] === level}
                onChange={() =>
                  getMockStore()
                    .getState()
                    .update((s) => grade(s, d.id, level))
                }
              />
              <span>
                <strong>
                  {level} · {LEVEL_NAMES[level]}
                </strong>
                : {d.anchors[level - 1]}
              </span>
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
