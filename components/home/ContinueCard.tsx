'use client';

import Link from 'next/link';
import type { NavLink } from '@/lib/content/nav';
import { useProgress } from '@/components/progress/ProgressProvider';
import styles from './home.module.css';

/** "Where you left off": the first lesson in reading order that is not done yet. */
export function ContinueCard({ lessons }: { lessons: NavLink[] }) {
  const done = useProgress((s) => s.progress.lessons);
  const loaded = useProgress((s) => s.load.kind !== 'loading');
  const count = lessons.filter((l) => done[l.slug]).length;
  const next = lessons.find((l) => !done[l.slug]);
  const pct = Math.round((100 * count) / Math.max(1, lessons.length));
  return (
    <div className={styles.continue} data-testid="continue-card" aria-busy={!loaded}>
      <div>
        <strong>
          {count === 0 ? 'Start here' : next ? 'Continue where you left off' : 'Framework complete'}
        </strong>
        <div>
          {count} of {lessons.length} lessons done
        </div>
      </div>
      <div
        className={`progress-bar ${styles.bar}`}
        role="progressbar"
        aria-label="Lessons completed"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <span style={{ width: `${pct}%` }} />
      </div>
      {next ? (
        <Link className="button button-primary" href={`/learn/${next.slug}/`}>
          {count === 0 ? 'Start' : 'Continue'}: {next.title}
        </Link>
      ) : (
        <Link className="button" href="/progress/">
          See your progress
        </Link>
      )}
    </div>
  );
}
