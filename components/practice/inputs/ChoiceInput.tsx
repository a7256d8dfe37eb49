'use client';

import type { ChoiceItem } from '@/lib/grading/types';
import styles from '../practice.module.css';

export function ChoiceInput({
  item,
  selected,
  disabled,
  onChange,
}: {
  item: ChoiceItem;
  selected: readonly string[];
  disabled: boolean;
  onChange: (selected: string[]) => void;
}) {
  const name = `choice-${item.id}`;
  return (
    <div className={styles.options}>
      {item.multiple && <p className={styles.note}>Choose every option that applies.</p>}
      {item.options.map((o) => (
        <label key={o.id} className={styles.option}>
          <input
            type={item.multiple ? 'checkbox' : 'radio'}
            name={name}
            value={o.id}
            checked={selected.includes(o.id)}
            disabled={disabled}
            onChange={(e) =>
              onChange(
                item.multiple
                  ? e.target.checked
                    ? [...selected, o.id]
                    : selected.filter((s) => s !== o.id)
                  : [o.id],
              )
            }
          />
          <span>{o.text}</span>
        </label>
      ))}
    </div>
  );
}
