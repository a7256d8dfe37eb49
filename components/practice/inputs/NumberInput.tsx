'use client';

import { useId, useState } from 'react';
import { parseEstimate } from '@/lib/grading/estimate';
import type { NumberItem } from '@/lib/grading/types';
import styles from '../practice.module.css';

export function NumberInput({
  item,
  value,
  disabled,
  onChange,
}: {
  item: NumberItem;
  value: number | undefined;
  disabled: boolean;
  onChange: (value: number) => void;
}) {
  const id = useId();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const bad = text.trim() !== '' && parseEstimate(text) === null;
  return (
    <div className={styles.numberRow}>
      <label htmlFor={id} className="visually-hidden">
        Your estimate in {item.unit}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        disabled={disabled}
        aria-invalid={bad}
        aria-describedby={bad ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseEstimate(e.target.value);
          if (parsed !== null) onChange(parsed);
        }}
      />
      <span>{item.unit}</span>
      {bad && (
        <span id={`${id}-error`} className={styles.inputError}>
          Enter a number such as 69000, 69k or 6.9e4.
        </span>
      )}
    </div>
  );
}
