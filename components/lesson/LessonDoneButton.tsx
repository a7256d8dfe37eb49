'use client';

import { useProgress } from '@/components/progress/ProgressProvider';

export function LessonDoneButton({ slug }: { slug: string }) {
  const done = useProgress((s) => s.progress.lessons[slug] !== undefined);
  const loading = useProgress((s) => s.load.kind === 'loading');
  const setLessonDone = useProgress((s) => s.setLessonDone);
  return (
    <button
      type="button"
      className={done ? 'button' : 'button button-primary'}
      aria-pressed={done}
      disabled={loading}
      onClick={() => setLessonDone(slug, !done)}
      data-testid="lesson-done"
    >
      {done ? '✓ Completed — mark as not done' : 'Mark lesson as done'}
    </button>
  );
}
