'use client';

import type { OrderItem } from '@/lib/grading/types';
import styles from '../practice.module.css';

/** Reorder with buttons (keyboard and screen-reader friendly; no drag needed). */
export function OrderInput({
  item,
  order,
  disabled,
  onChange,
}: {
  item: OrderItem;
  order: readonly string[];
  disabled: boolean;
  onChange: (order: string[]) => void;
}) {
  const text = new Map(item.steps.map((s) => [s.id, s.text]));
  const move = (i: number, by: number) => {
    const next = [...order];
    const [x] = next.splice(i, 1);
    next.splice(i + by, 0, x!);
    onChange(next);
  };
  return (
    <ol className={styles.orderList}>
      {order.map((id, i) => (
        <li key={id} className={styles.orderRow} data-testid={`order-${id}`}>
          <span className={styles.orderText}>{text.get(id)}</span>
          <span className={styles.orderButtons}>
            <button
              type="button"
              className="button"
              disabled={disabled || i === 0}
              aria-label={`Move “${text.get(id)}” up`}
              onClick={() => move(i, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="button"
              disabled={disabled || i === order.length - 1}
              aria-label={`Move “${text.get(id)}” down`}
              onClick={() => move(i, 1)}
            >
              ↓
            </button>
          </span>
        </li>
      ))}
    </ol>
  );
}
