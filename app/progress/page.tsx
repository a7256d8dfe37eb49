import type { Metadata } from 'next';
import { loadLessonMeta, loadNav } from '@/lib/content/load';
import { readingOrder } from '@/lib/content/nav';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { DASHBOARD_EXTRA_SECTIONS } from '@/components/dashboard/extra-sections';
import { PracticeSummary } from '@/components/dashboard/PracticeSummary';
import { PracticeProvider } from '@/components/practice/PracticeProvider';
import styles from '@/components/home/home.module.css';

export const metadata: Metadata = {
  title: 'Your progress',
  description:
    'Lessons completed, self-check results, exercise scores and review cards due, saved in this browser.',
};

export default function ProgressPage() {
  const lessons = readingOrder(loadNav()).map((l) => {
    const m = loadLessonMeta(l.slug);
    return { slug: m.slug, title: m.title, selfChecks: m.selfChecks };
  });
  return (
    <div className={styles.page}>
      <section className={styles.hero}>
        <h1>Your progress</h1>
        <p>
          Saved in this browser only. Download a copy to move it to another browser or keep it safe.
        </p>
      </section>
      <Dashboard lessons={lessons} />
      <div className={styles.section}>
        <PracticeProvider>
          <PracticeSummary />
        </PracticeProvider>
      </div>
      {DASHBOARD_EXTRA_SECTIONS.map((Section, i) => (
        <div className={styles.section} key={i}>
          <Section />
        </div>
      ))}
    </div>
  );
}
