import type { Line } from '@/lib/grading/types';
import styles from './practice.module.css';

/** One line per point won or lost, each with its reason. */
export function GradeLines({ lines, testId }: { lines: readonly Line[]; testId?: string }) {
  return (
    <ul className={styles.lines} data-testid={testId}>
      {lines.map((l, i) => (
        <li key={i} className={l.ok ? styles.lineOk : styles.lineBad}>
          <span aria-hidden="true">{l.ok ? '✓' : '✗'}</span>
          <span className="visually-hidden">{l.ok ? 'Good point: ' : 'Problem: '}</span>
          {l.text}
        </li>
      ))}
    </ul>
  );
}

export function pct(score: number): string {
  return `${Math.round(score * 100)}%`;
}
