import type { ReactNode } from 'react';
import styles from './mdx.module.css';

export function Dialogue({ children }: { children: ReactNode }) {
  return (
    <figure className={styles.dialogue}>
      <figcaption className="visually-hidden">
        A sample exchange between interviewer and candidate
      </figcaption>
      {children}
    </figure>
  );
}

function Line({ who, children }: { who: 'Interviewer' | 'Candidate'; children: ReactNode }) {
  return (
    <div
      className={`${styles.line} ${who === 'Interviewer' ? styles.interviewer : styles.candidate}`}
    >
      <span className={styles.speaker}>{who}</span>
      <div className={styles.lineText}>{children}</div>
    </div>
  );
}

export function Interviewer({ children }: { children: ReactNode }) {
  return <Line who="Interviewer">{children}</Line>;
}

export function Candidate({ children }: { children: ReactNode }) {
  return <Line who="Candidate">{children}</Line>;
}
