'use client';

import Link from 'next/link';
import { useProgress } from '@/components/progress/ProgressProvider';
import styles from '@/components/home/home.module.css';

interface Entry {
  slug: string;
  title: string;
  description: string;
  readingMinutes: number;
}

export function LessonIndex({ sections }: { sections: { title: string; lessons: Entry[] }[] }) {
  const done = useProgress((s) => s.progress.lessons);
  return (
    <>
      {sections.map((section) => (
        <section key={section.title} className={styles.section} aria-label={section.title}>
          <h2>{section.title}</h2>
          <ol className={styles.grid}>
            {section.lessons.map((l, i) => (
              <li key={l.slug}>
                <Link className={styles.card} href={`/learn/${l.slug}/`}>
                  <span className={styles.cardTop}>
                    <span className={styles.stepNumber}>
                      {i === 0 ? 'Start here' : `Step ${i}`}
                    </span>
                    {done[l.slug] ? (
                      <span className="badge badge-ok">✓ Done</span>
                    ) : (
                      <span>{l.readingMinutes} min read</span>
                    )}
                  </span>
                  <h3>{l.title}</h3>
                  <p>{l.description}</p>
                </Link>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
