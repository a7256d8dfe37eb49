'use client';

import Link from 'next/link';
import { CASE_STUDIES, casePath } from '@/lib/catalogue';
import type { NavSection } from '@/lib/content/nav';
import { useProgress } from '@/components/progress/ProgressProvider';
import styles from './layout.module.css';

/** Lesson navigation from content/nav.json, with a tick on each completed lesson. */
export function Sidebar({ sections, current }: { sections: NavSection[]; current?: string }) {
  const lessons = useProgress((s) => s.progress.lessons);
  const list = (
    <nav aria-label="Lessons" className={styles.sidebarNav}>
      {sections.map((section) => (
        <div key={section.title}>
          <p className={styles.sidebarTitle}>{section.title}</p>
          <ol className={styles.sidebarList}>
            {section.lessons.map((l) => (
              <li key={l.slug}>
                <Link
                  href={`/learn/${l.slug}/`}
                  aria-current={l.slug === current ? 'page' : undefined}
                  className={l.slug === current ? styles.active : undefined}
                >
                  <span>{l.title}</span>
                  {lessons[l.slug] && (
                    <span className={styles.done} aria-label="completed" title="Completed">
                      ✓
                    </span>
                  )}
                </Link>
              </li>
            ))}
          </ol>
        </div>
      ))}
      <div>
        <p className={styles.sidebarTitle}>Live systems</p>
        <ul className={styles.sidebarList}>
          {CASE_STUDIES.map((c) =>
            c.status === 'live' ? (
              <li key={c.id}>
                <Link href={casePath(c.id)}>
                  <span>{c.title}</span>
                </Link>
              </li>
            ) : (
              <li key={c.id} className={styles.coming}>
                {c.title} <span className="badge">coming</span>
              </li>
            ),
          )}
        </ul>
      </div>
    </nav>
  );
  return (
    <>
      <details className={styles.mobileNav}>
        <summary>All lessons</summary>
        {list}
      </details>
      <aside className={styles.sidebar}>{list}</aside>
    </>
  );
}
