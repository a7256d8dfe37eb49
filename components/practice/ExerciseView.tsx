'use client';

import Link from 'next/link';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Diagram } from '@/lib/diagram';
import { exerciseKey, type Exercise } from '@/lib/grading/exercise';
import { gradeExercise } from '@/lib/grading/grade-exercise';
import type { Answer } from '@/lib/grading/types';
import { stepById } from '@/lib/framework/steps';
import { emptyRecord } from '@/lib/practice/schema';
import { AttemptHistory } from './AttemptHistory';
import { DiagramTask } from './DiagramTask';
import { pct } from './GradeLines';
import { initialOrder } from './ItemInput';
import { ItemCard } from './ItemCard';
import { PracticeBanner } from './PracticeBanner';
import { usePractice, usePracticeApi } from './PracticeProvider';
import { findExercise, referenceDiagram } from './catalogue';
import styles from './practice.module.css';

/** One exercise: answer, check, read the graded explanation, retry; saved as you go. */
export function ExerciseView({ caseId, step }: { caseId: string; step: string }) {
  const exercise = findExercise(caseId, step);
  if (!exercise) return <p role="alert">There is no exercise for {`${caseId}/${step}`}.</p>;
  return <Loaded exercise={exercise} />;
}

function Loaded({ exercise }: { exercise: Exercise }) {
  const key = exerciseKey(exercise.caseId, exercise.step);
  const loading = usePractice((s) => s.load.kind === 'loading');
  const record = usePractice((s) => s.data.exercises[key]) ?? emptyRecord();
  const api = usePracticeApi();
  const actions = api.getState();
  const [revealed, setRevealed] = useState(false);
  const [generation, setGeneration] = useState(0);
  const flushDiagram = useRef<(() => void) | null>(null);
  const lesson = stepById(exercise.step);

  const grade = useMemo(
    () => (record.submitted ? gradeExercise(exercise, record.answers, record.diagram) : undefined),
    [exercise, record.submitted, record.answers, record.diagram],
  );
  const onDiagram = useCallback((d: Diagram) => api.getState().setDiagram(key, d), [api, key]);

  const submit = () => {
    flushDiagram.current?.();
    // An ordering task left as shown is still an answer: record the order the learner saw.
    for (const item of exercise.items)
      if (item.type === 'order' && !record.answers[item.id])
        actions.setAnswer(key, item.id, { type: 'order', order: initialOrder(item) });
    actions.submit(exercise);
  };
  const reset = () => {
    actions.reset(key);
    setRevealed(false);
    setGeneration((g) => g + 1);
  };

  if (loading) return <p data-testid="practice-loading">Loading your saved answers…</p>;
  const last = record.attempts.at(-1);
  return (
    <div className={styles.exercise} data-testid="exercise" data-submitted={record.submitted}>
      <PracticeBanner />
      <p className={styles.brief}>{exercise.brief}</p>
      {lesson && (
        <p className={styles.note}>
          Step {lesson.number} of the framework — read{' '}
          <Link href={`/learn/${lesson.lesson}/`}>{lesson.title}</Link> first if it is new to you.
        </p>
      )}
      <div key={generation} className={styles.itemsBox}>
        {exercise.items.map((item, i) => (
          <ItemCard
            key={item.id}
            item={item}
            index={i}
            answer={record.answers[item.id]}
            note={record.notes[item.id] ?? ''}
            grade={grade?.items[item.id]}
            revealed={revealed}
            disabled={record.submitted}
            onAnswer={(a: Answer) => actions.setAnswer(key, item.id, a)}
            onNote={(t) => actions.setNote(key, item.id, t)}
          />
        ))}
        {exercise.diagram && (
          <DiagramTask
            task={exercise.diagram}
            diagram={record.diagram}
            reference={referenceDiagram(exercise.caseId)}
            grade={grade?.items[exercise.diagram.id]}
            revealed={revealed}
            onChange={onDiagram}
            flushRef={flushDiagram}
          />
        )}
      </div>

      <div className={styles.actionsBar}>
        {record.submitted ? (
          <button
            type="button"
            className="button button-primary"
            onClick={() => actions.retry(key)}
          >
            Try again
          </button>
        ) : (
          <button type="button" className="button button-primary" onClick={submit}>
            Check my answers
          </button>
        )}
        <button
          type="button"
          className="button"
          aria-pressed={revealed}
          onClick={() => setRevealed((r) => !r)}
        >
          {revealed ? 'Hide the solution' : 'Reveal the solution'}
        </button>
        <button type="button" className="button" onClick={reset}>
          Reset answers
        </button>
      </div>

      <div role="status" className={styles.result} data-testid="exercise-result">
        {grade && last && (
          <p>
            You scored <strong data-testid="exercise-score">{pct(grade.score)}</strong> on attempt{' '}
            {record.attempts.length}.{' '}
            {last.missed.length > 0 ? (
              <>
                {last.missed.length} missed {last.missed.length === 1 ? 'item was' : 'items were'}{' '}
                added to your <Link href="/review/">review queue</Link>.
              </>
            ) : (
              'Every item was right.'
            )}
          </p>
        )}
      </div>
      <AttemptHistory attempts={record.attempts} />
    </div>
  );
}
