import Link from 'next/link';
import type { NavLink } from '@/lib/content/nav';
import styles from './lesson.module.css';

export function PrevNext({ prev, next }: { prev?: NavLink; next?: NavLink }) {
  return (
    <nav aria-label="Previous and next lesson" className={styles.prevNext}>
      {prev ? (
        <Link href={`/learn/${prev.slug}/`} rel="prev" className={styles.pager}>
          <span className={styles.pagerLabel}>← Previous</span>
          <span>{prev.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link
          href={`/learn/${next.slug}/`}
          rel="next"
          className={`${styles.pager} ${styles.pagerNext}`}
        >
          <span className={styles.pagerLabel}>Next →</span>
          <span>{next.title}</span>
        </Link>
      )}
    </nav>
  );
}
