import type { Metadata } from 'next';
import Link from 'next/link';
import { stepById } from '@/lib/framework/steps';
import { EXERCISE_SETS, findExercise } from '@/components/practice/catalogue';
import { ExerciseView } from '@/components/practice/ExerciseView';
import { PracticeProvider } from '@/components/practice/PracticeProvider';
import styles from '@/components/home/home.module.css';

export const dynamicParams = false;

export function generateStaticParams() {
  return EXERCISE_SETS.flatMap(({ set }) =>
    set.exercises.map((e) => ({ caseId: set.caseId, step: e.step })),
  );
}

type Params = { params: Promise<{ caseId: string; step: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { caseId, step } = await params;
  const e = findExercise(caseId, step);
  return { title: e ? `${e.title} · Practice` : 'Practice', description: e?.brief };
}

export default async function ExercisePage({ params }: Params) {
  const { caseId, step } = await params;
  const set = EXERCISE_SETS.find((s) => s.set.caseId === caseId)?.set;
  const exercise = findExercise(caseId, step);
  const s = stepById(step);
  return (
    <div className={styles.page}>
      <section className={styles.hero}>
        <p>
          <Link href="/practice/">Practice</Link> · {set?.title} · Step {s?.number} ({s?.short})
        </p>
        <h1>{exercise?.title}</h1>
      </section>
      <PracticeProvider>
        <ExerciseView caseId={caseId} step={step} />
      </PracticeProvider>
    </div>
  );
}
