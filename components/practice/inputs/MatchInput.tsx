'use client';

import { useId } from 'react';
import { seededShuffle } from '@/lib/grading/shuffle';
import type { MatchItem } from '@/lib/grading/types';
import styles from '../practice.module.css';

export function MatchInput({
  item,
  pairs,
  disabled,
  onChange,
}: {
  item: MatchItem;
  pairs: Readonly<Record<string, string>>;
  disabled: boolean;
  onChange: (pairs: Record<string, string>) => void;
}) {
  const base = useId();
  const rights = seededShuffle(
    item.pairs.map((p) => p.right),
    item.id,
  );
  return (
    <div className={styles.matchGrid}>
      {item.pairs.map((p, i) => (
        <div key={p.left} className={styles.matchRow}>
          <label htmlFor={`${base}-${i}`}>{p.left}</label>
          <select
            id={`${base}-${i}`}
            value={pairs[p.left] ?? ''}
            disabled={disabled}
            onChange={(e) => onChange({ ...pairs, [p.left]: e.target.value })}
          >
            <option value="">Choose…</option>
            {rights.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
      ))}
    </div>
  );
}
