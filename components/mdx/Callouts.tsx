import type { ReactNode } from 'react';
import styles from './mdx.module.css';

export function Note({ children }: { children: ReactNode }) {
  return (
    <aside className={`${styles.callout} ${styles.note}`} aria-label="Note">
      <p className={styles.calloutTitle}>Note</p>
      {children}
    </aside>
  );
}

export function Pitfall({ children }: { children: ReactNode }) {
  return (
    <aside className={`${styles.callout} ${styles.pitfall}`} aria-label="Pitfall">
      <p className={styles.calloutTitle}>Pitfall</p>
      {children}
    </aside>
  );
}

export function TalkingPoints({ children }: { children: ReactNode }) {
  return (
    <aside className={`${styles.callout} ${styles.talking}`} aria-label="Talking points">
      <p className={styles.calloutTitle}>Say it out loud</p>
      {children}
    </aside>
  );
}

export function DeepDive({ title, children }: { title: string; children: ReactNode }) {
  return (
    <details className={styles.deepDive}>
      <summary>
        <span className={styles.deepDiveLabel}>Deep dive</span> {title}
      </summary>
      <div className={styles.deepDiveBody}>{children}</div>
    </details>
  );
}
