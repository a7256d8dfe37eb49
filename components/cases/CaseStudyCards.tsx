import Link from 'next/link';
import { CASE_STUDIES, casePath } from '@/lib/catalogue';
import styles from '@/components/home/home.module.css';

/**
 * The case studies as cards: each links its lesson (read) and its live system (run) once they
 * exist; what is not built yet says so instead of linking an empty page.
 */
export function CaseStudyCards() {
  return (
    <ul className={styles.grid}>
      {CASE_STUDIES.map((c) => (
        <li key={c.id}>
          <div className={styles.card} data-testid={`case-${c.id}`}>
            <span className={styles.cardTop}>
              <span>Case study</span>
              <span className="badge">{c.status === 'coming' ? 'Coming' : 'Live'}</span>
            </span>
            <h3>{c.status === 'live' ? <Link href={casePath(c.id)}>{c.title}</Link> : c.title}</h3>
            <p>{c.blurb}</p>
            {(c.lesson || c.status === 'live') && (
              <p className={styles.cardLinks}>
                {c.lesson && <Link href={`/learn/${c.lesson}/`}>Read the lesson</Link>}
                {c.status === 'live' ? (
                  <Link href={casePath(c.id)}>Run the system</Link>
                ) : (
                  <span>Live system coming</span>
                )}
              </p>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
