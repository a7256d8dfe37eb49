'use client';

import { useState } from 'react';
import type { PracticeItem } from '@/lib/grading/exercise';
import type { Answer, Grade } from '@/lib/grading/types';
import { GradeLines, pct } from './GradeLines';
import { ItemInput } from './ItemInput';
import styles from './practice.module.css';
import { solutionLines } from './solution';

/** One exercise item: its prompt, an input, a hint, and after checking the graded lines. */
export function ItemCard({
  item,
  index,
  answer,
  note,
  grade,
  revealed,
  disabled,
  onAnswer,
  onNote,
}: {
  item: PracticeItem;
  index: number;
  answer: Answer | undefined;
  note: string;
  grade: Grade | undefined;
  revealed: boolean;
  disabled: boolean;
  onAnswer: (a: Answer) => void;
  onNote: (text: string) => void;
}) {
  const [hint, setHint] = useState(false);
  const headingId = `item-${item.id}`;
  return (
    <section
      className={styles.item}
      aria-labelledby={headingId}
      data-testid={`item-${item.id}`}
      data-score={grade ? grade.score : undefined}
    >
      <h3 id={headingId} className={styles.prompt}>
        <span className={styles.number}>{index + 1}.</span> {item.prompt}
      </h3>
      <ItemInput
        item={item}
        answer={answer}
        note={note}
        disabled={disabled}
        onAnswer={onAnswer}
        onNote={onNote}
      />
      <div className={styles.itemTools}>
        <button
          type="button"
          className="button"
          aria-expanded={hint}
          onClick={() => setHint((h) => !h)}
        >
          {hint ? 'Hide hint' : 'Hint'}
        </button>
      </div>
      {hint && <p className={styles.hint}>{item.hint}</p>}
      {grade && (
        <div className={styles.graded} data-testid="item-grade">
          <p className={styles.itemScore}>
            Score: <strong>{pct(grade.score)}</strong>
          </p>
          <GradeLines lines={grade.lines} />
        </div>
      )}
      {revealed && (
        <div className={styles.solution} data-testid="item-solution">
          <p className={styles.itemScore}>Reference answer</p>
          <GradeLines lines={solutionLines(item)} />
        </div>
      )}
    </section>
  );
}
