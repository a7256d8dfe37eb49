'use client';

import { useId, useState } from 'react';
import type { RubricItem } from '@/lib/grading/types';
import styles from '../practice.module.css';

/**
 * Free text, then a self-grade: the talking points stay hidden until the learner has written
 * (or chooses to compare), so the checklist does not write the answer for them.
 */
export function RubricInput({
  item,
  checked,
  note,
  disabled,
  onCheck,
  onNote,
}: {
  item: RubricItem;
  checked: readonly string[] | undefined;
  note: string;
  disabled: boolean;
  onCheck: (checked: string[]) => void;
  onNote: (text: string) => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(checked !== undefined);
  const ticks = checked ?? [];
  return (
    <div className={styles.rubric}>
      <label htmlFor={id} className={styles.note}>
        Your answer (kept in this browser; you grade it yourself against the rubric)
      </label>
      <textarea
        id={id}
        rows={5}
        value={note}
        disabled={disabled}
        onChange={(e) => onNote(e.target.value)}
      />
      {!open ? (
        <button
          type="button"
          className="button"
          disabled={disabled}
          onClick={() => {
            setOpen(true);
            onCheck([...ticks]);
          }}
        >
          Self-grade against the rubric
        </button>
      ) : (
        <fieldset className={styles.checklist}>
          <legend>Tick each talking point your answer covers</legend>
          {item.points.map((p) => (
            <label key={p.id} className={styles.option}>
              <input
                type="checkbox"
                checked={ticks.includes(p.id)}
                disabled={disabled}
                onChange={(e) =>
                  onCheck(e.target.checked ? [...ticks, p.id] : ticks.filter((t) => t !== p.id))
                }
              />
              <span>{p.text}</span>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
