import { z } from 'zod';
import { EDGE_KINDS, NODE_KINDS } from '../diagram/kinds';
import { STEP_IDS, type StepId } from '../framework/steps';
import type { DiagramRubric } from './diagram';
import type { ExerciseItem } from './types';

/**
 * A design-it-yourself exercise: one case study, one framework step, a few graded items and
 * (for one step per case) a diagram task. Case studies keep theirs as data in
 * `case-studies/<id>/reference/exercises.ts`; `exerciseSetSchema` checks that data in a test, so a
 * typo in a reference answer (two correct single-choice options, a tolerance wider than its
 * half-credit band, a path to a component that does not exist) fails CI rather than a learner.
 */
export type PracticeItem = ExerciseItem & {
  /** A nudge shown on request, before the answer is revealed. */
  hint: string;
};

export interface DiagramTask {
  id: string;
  prompt: string;
  hint: string;
  rubric: DiagramRubric;
  /** Why the reference looks the way it does, shown with the reference after grading. */
  explanation: string;
}

export interface Exercise {
  caseId: string;
  step: StepId;
  title: string;
  /** The situation, in a sentence or two. */
  brief: string;
  items: PracticeItem[];
  diagram?: DiagramTask;
}

export interface ExerciseSet {
  caseId: string;
  title: string;
  exercises: Exercise[];
}

const id = z.string().regex(/^[a-z0-9-]{1,60}$/, 'ids are lowercase words joined by hyphens');
const text = z.string().trim().min(3);
const base = { id, prompt: text, hint: text };

const choice = z
  .object({
    ...base,
    type: z.literal('choice'),
    multiple: z.boolean().optional(),
    options: z.array(z.object({ id, text, correct: z.boolean(), why: text })).min(2),
  })
  .refine(
    (c) =>
      c.multiple
        ? c.options.some((o) => o.correct)
        : c.options.filter((o) => o.correct).length === 1,
    'a single choice needs exactly one correct option, a multiple choice at least one',
  );

const order = z.object({
  ...base,
  type: z.literal('order'),
  steps: z.array(z.object({ id, text })).min(3),
  explanation: text,
});

const match = z
  .object({
    ...base,
    type: z.literal('match'),
    pairs: z.array(z.object({ left: text, right: text, why: text })).min(2),
  })
  .refine(
    (m) => new Set(m.pairs.map((p) => p.left)).size === m.pairs.length,
    'every left entry must be different',
  );

const number = z
  .object({
    ...base,
    type: z.literal('number'),
    unit: z.string().min(1),
    answer: z
      .number()
      .finite()
      .refine((n) => n !== 0, 'a zero answer has no relative tolerance'),
    tolerance: z.number().positive().max(1),
    partial: z.number().positive().max(10),
    working: text,
  })
  .refine((n) => n.partial > n.tolerance, 'the half-credit band must be wider than the tolerance');

const rubric = z.object({
  ...base,
  type: z.literal('rubric'),
  points: z.array(z.object({ id, text })).min(3),
  modelAnswer: text,
});

const item = z.union([choice, order, match, number, rubric]);

const diagramTask = z
  .object({
    id,
    prompt: text,
    hint: text,
    explanation: text,
    rubric: z.object({
      components: z
        .array(z.object({ id, label: text, anyOf: z.array(z.enum(NODE_KINDS)).min(1), why: text }))
        .min(3),
      paths: z
        .array(
          z.object({
            id,
            from: id,
            to: id,
            via: z.array(z.enum(EDGE_KINDS)).optional(),
            label: text,
            why: text,
          }),
        )
        .min(2),
      forbidden: z.array(z.object({ id, from: id, to: id, label: text, why: text })),
    }),
  })
  .refine((t) => {
    const known = new Set(t.rubric.components.map((c) => c.id));
    return [...t.rubric.paths, ...t.rubric.forbidden].every(
      (p) => known.has(p.from) && known.has(p.to),
    );
  }, 'every path and shortcut must join components the rubric names');

const exercise = z
  .object({
    caseId: id,
    step: z.enum(STEP_IDS),
    title: text,
    brief: text,
    items: z.array(item).min(2),
    diagram: diagramTask.optional(),
  })
  .refine((e) => new Set(e.items.map((i) => i.id)).size === e.items.length, 'item ids repeat');

export const exerciseSetSchema = z
  .object({ caseId: id, title: text, exercises: z.array(exercise) })
  .refine(
    (s) => s.exercises.every((e) => e.caseId === s.caseId),
    'every exercise belongs to the set’s case',
  )
  .refine(
    (s) => STEP_IDS.every((step) => s.exercises.filter((e) => e.step === step).length === 1),
    'one exercise per framework step',
  )
  .refine((s) => s.exercises.filter((e) => e.diagram).length === 1, 'one diagram task per case');

/** The key an exercise is saved and reviewed under: "case/step". */
export function exerciseKey(caseId: string, step: string): string {
  return `${caseId}/${step}`;
}
