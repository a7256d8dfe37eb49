import type { Diagram } from '../diagram/schema';
import { gradeDiagram } from './diagram';
import type { Exercise } from './exercise';
import { gradeItem } from './items';
import type { Answer, Grade } from './types';

export interface ExerciseGrade {
  /** Mean of the item scores, 0..1; every item (the diagram task too) weighs the same. */
  score: number;
  /** Keyed by item id (the diagram task by its own id). */
  items: Record<string, Grade>;
}

const UNANSWERED: Grade = { score: 0, lines: [{ ok: false, text: 'Not answered.' }] };

/**
 * Grades a whole exercise. Missing answers score 0 with a line saying so, so a half-finished
 * attempt is graded rather than refused.
 */
export function gradeExercise(
  exercise: Exercise,
  answers: Readonly<Record<string, Answer>>,
  diagram?: Diagram,
): ExerciseGrade {
  const items: Record<string, Grade> = {};
  for (const item of exercise.items) {
    const answer = answers[item.id];
    items[item.id] = answer ? gradeItem(item, answer) : UNANSWERED;
  }
  if (exercise.diagram)
    items[exercise.diagram.id] = diagram
      ? gradeDiagram(diagram, exercise.diagram.rubric)
      : UNANSWERED;
  const scores = Object.values(items).map((g) => g.score);
  const score = scores.reduce((a, b) => a + b, 0) / Math.max(1, scores.length);
  return { score, items };
}

/** Items scored below this count as missed and become review cards. */
export const MISSED_BELOW = 0.75;

export function missedItems(grade: ExerciseGrade): string[] {
  return Object.entries(grade.items)
    .filter(([, g]) => g.score < MISSED_BELOW)
    .map(([id]) => id);
}
