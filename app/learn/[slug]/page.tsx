import type { Metadata } from 'next';
import { compileLesson, lessonSlugs, loadLessonMeta, loadNav } from '@/lib/content/load';
import { neighbours } from '@/lib/content/nav';
import { LessonView } from '@/components/lesson/LessonView';
import { Sidebar } from '@/components/layout/Sidebar';
import { Toc } from '@/components/layout/Toc';
import styles from '@/components/layout/layout.module.css';

export const dynamicParams = false;

export function generateStaticParams() {
  return lessonSlugs().map((slug) => ({ slug }));
}

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const meta = loadLessonMeta((await params).slug);
  return { title: meta.title, description: meta.description };
}

export default async function LessonPage({ params }: Params) {
  const { slug } = await params;
  const meta = loadLessonMeta(slug);
  const code = await compileLesson(slug);
  const sections = loadNav();
  const { prev, next } = neighbours(sections, slug);
  return (
    <div className={styles.shell}>
      <Sidebar sections={sections} current={slug} />
      <LessonView meta={meta} code={code} prev={prev} next={next} />
      <Toc headings={meta.headings} />
    </div>
  );
}
