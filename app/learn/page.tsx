import type { Metadata } from 'next';
import { loadLessonMeta, loadNav } from '@/lib/content/load';
import { LessonIndex } from '@/components/dashboard/LessonIndex';
import styles from '@/components/home/home.module.css';

export const metadata: Metadata = {
  title: 'Lessons',
  description: 'Every MLSD Lab lesson, in reading order.',
};

export default function LearnPage() {
  const sections = loadNav().map((s) => ({
    title: s.title,
    lessons: s.lessons.map((l) => {
      const m = loadLessonMeta(l.slug);
      return {
        slug: m.slug,
        title: m.title,
        description: m.description,
        readingMinutes: m.readingMinutes,
      };
    }),
  }));
  return (
    <div className={styles.page}>
      <section className={styles.hero}>
        <h1>Lessons</h1>
        <p>
          Start with the overview, then take the seven steps in order: each one builds on the
          decisions of the one before.
        </p>
      </section>
      <LessonIndex sections={sections} />
    </div>
  );
}
