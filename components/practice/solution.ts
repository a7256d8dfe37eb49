import type { DiagramTask, PracticeItem } from '@/lib/grading/exercise';
import { gradeItem, referenceAnswer } from '@/lib/grading/items';
import type { Line } from '@/lib/grading/types';

/** The reference answer with its explanation, as the grader would explain a perfect answer. */
export function solutionLines(item: PracticeItem): Line[] {
  if (item.type === 'rubric')
    return [
      ...gradeItem(item, referenceAnswer(item)).lines,
      { ok: true, text: `A model answer: ${item.modelAnswer}` },
    ];
  return gradeItem(item, referenceAnswer(item)).lines;
}

/** What the reference architecture has and must not have, each with its reason. */
export function diagramSolutionLines(task: DiagramTask): Line[] {
  return [
    ...task.rubric.components.map((c) => ({ ok: true, text: `${c.label}: ${c.why}` })),
    ...task.rubric.paths.map((p) => ({ ok: true, text: `${p.label}: ${p.why}` })),
    ...task.rubric.forbidden.map((f) => ({ ok: false, text: `Never: ${f.label}. ${f.why}` })),
    { ok: true, text: task.explanation },
  ];
}
