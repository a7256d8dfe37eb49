import { getMDXComponent } from 'mdx-bundler/client';
import type { LessonMeta } from '@/lib/content/load';
import type { NavLink } from '@/lib/content/nav';
import { stepById } from '@/lib/framework/steps';
import { mdxComponents } from '@/components/mdx/registry';
import { LessonDoneButton } from './LessonDoneButton';
import { PrevNext } from './PrevNext';
import styles from './lesson.module.css';

interface Props {
  meta: LessonMeta;
  code: string;
  prev?: NavLink;
  next?: NavLink;
}

/** A compiled lesson with its title block, the "done" control and previous/next links. */
export function LessonView({ meta, code, prev, next }: Props) {
  // A server component rendered once per lesson at build time: there is no re-render that could reset state.
  const Content = getMDXComponent(code);
  const step = meta.step ? stepById(meta.step) : undefined;
  return (
    <article className={styles.article} data-testid="lesson" data-slug={meta.slug}>
      <p className={styles.eyebrow}>{step ? `Step ${step.number} of 7` : 'The framework'}</p>
      <h1 className={styles.title}>{meta.title}</h1>
      <p className={styles.description}>{meta.description}</p>
      <div className={styles.meta}>
        <span>{meta.readingMinutes} min read</span>
        {meta.selfChecks.length > 0 && <span>{meta.selfChecks.length} self-checks</span>}
        <LessonDoneButton slug={meta.slug} />
      </div>
      <div className={styles.prose}>
        {/* eslint-disable-next-line react-hooks/static-components -- see above */}
        <Content components={mdxComponents(meta.slug)} />
      </div>
      <div className={styles.finish}>
        <p>Finished reading? Mark it done to track your progress.</p>
        <LessonDoneButton slug={meta.slug} />
      </div>
      <PrevNext prev={prev} next={next} />
    </article>
  );
}
