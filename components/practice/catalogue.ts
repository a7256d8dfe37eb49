import { AD_CLICK_EXERCISES } from '@/case-studies/ad-click/reference/exercises';
import { AD_CLICK_REFERENCE } from '@/case-studies/ad-click/reference/diagram';
import { VIDEO_RECS_EXERCISES } from '@/case-studies/video-recs/reference/exercises';
import { VIDEO_RECS_REFERENCE } from '@/case-studies/video-recs/reference/diagram';
import type { Diagram } from '@/lib/diagram';
import type { Exercise, ExerciseSet, PracticeItem } from '@/lib/grading/exercise';
import { parseCardId } from '@/lib/review/cards';
import { stepById } from '@/lib/framework/steps';

/** Every case study with exercises, and its reference architecture for the diagram task. */
export const EXERCISE_SETS: readonly { set: ExerciseSet; reference: Diagram }[] = [
  { set: VIDEO_RECS_EXERCISES, reference: VIDEO_RECS_REFERENCE.diagram },
  { set: AD_CLICK_EXERCISES, reference: AD_CLICK_REFERENCE.diagram },
];

export function findExercise(caseId: string, step: string): Exercise | undefined {
  return EXERCISE_SETS.find((s) => s.set.caseId === caseId)?.set.exercises.find(
    (e) => e.step === step,
  );
}

export function referenceDiagram(caseId: string): Diagram | undefined {
  return EXERCISE_SETS.find((s) => s.set.caseId === caseId)?.reference;
}

export type CardSubject =
  | { kind: 'item'; exercise: Exercise; item: PracticeItem; lesson: string }
  | { kind: 'diagram'; exercise: Exercise; lesson: string };

/** What a review card asks about, or undefined when the exercise no longer has that item. */
export function cardSubject(id: string): CardSubject | undefined {
  const parts = parseCardId(id);
  if (!parts) return undefined;
  const exercise = findExercise(parts.caseId, parts.step);
  const lesson = stepById(parts.step)?.lesson;
  if (!exercise || !lesson) return undefined;
  if (exercise.diagram?.id === parts.itemId) return { kind: 'diagram', exercise, lesson };
  const item = exercise.items.find((i) => i.id === parts.itemId);
  return item ? { kind: 'item', exercise, item, lesson } : undefined;
}
