import { z } from 'zod';
import { restoreDiagram } from '../diagram/restore';
import type { Diagram } from '../diagram/schema';
import type { Answer } from '../grading/types';
import { reviewCardSchema, type ReviewCard } from '../review/cards';
import type { Restored } from '../storage/document';
import type { MigrationChain } from '../storage/envelope';

/**
 * What a learner's practice holds (format version 1): per exercise, the current answers, the
 * diagram drawn for it, whether those answers were submitted, and every past attempt's score;
 * plus the review cards made from missed items. Grades are not stored: they are recomputed from
 * the answers and the exercise data, so an improved explanation reaches old attempts too.
 */
export const PRACTICE_KEY = 'mlsd-lab:practice';
export const PRACTICE_KIND = 'practice';
export const PRACTICE_CHAIN: MigrationChain = { current: 1, migrations: [] };
export const MAX_ATTEMPTS = 50;
const MAX_ENTRIES = 2000;

const isoDate = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');
const shortId = z.string().max(80);

export const answerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('choice'), selected: z.array(shortId).max(30) }).strip(),
  z.object({ type: z.literal('order'), order: z.array(shortId).max(30) }).strip(),
  z
    .object({ type: z.literal('match'), pairs: z.record(z.string().max(300), z.string().max(300)) })
    .strip(),
  z.object({ type: z.literal('number'), value: z.number() }).strip(),
  z.object({ type: z.literal('rubric'), checked: z.array(shortId).max(30) }).strip(),
]);

const attemptSchema = z
  .object({
    at: isoDate,
    score: z.number().min(0).max(1),
    missed: z.array(shortId).max(50),
  })
  .strip();
export type Attempt = z.infer<typeof attemptSchema>;

export interface ExerciseRecord {
  answers: Record<string, Answer>;
  /** Free text written for rubric items, keyed by item id (self-graded, never scored). */
  notes: Record<string, string>;
  diagram?: Diagram;
  /** True while the current answers are the submitted ones (the grade is shown). */
  submitted: boolean;
  attempts: Attempt[];
}

export interface PracticeData {
  /** Keyed by "case/step". */
  exercises: Record<string, ExerciseRecord>;
  /** Keyed by card id "case/step/item". */
  cards: Record<string, ReviewCard>;
}

export function emptyPractice(): PracticeData {
  return { exercises: Object.create(null), cards: Object.create(null) };
}

export function emptyRecord(): ExerciseRecord {
  return { answers: {}, notes: {}, submitted: false, attempts: [] };
}

const exerciseKey = z.string().regex(/^[a-z0-9-]{1,60}\/[a-z0-9-]{1,60}$/);
const recordSchema = z
  .object({
    answers: z.record(shortId, answerSchema),
    notes: z.record(shortId, z.string().max(20_000)).optional(),
    diagram: z.unknown().optional(),
    submitted: z.boolean(),
    attempts: z.array(attemptSchema).max(MAX_ATTEMPTS),
  })
  .strip();

const isMap = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Keeps every valid entry of saved practice and names each one it had to drop. */
export function restorePractice(data: unknown): Restored<PracticeData> {
  const value = emptyPractice();
  const dropped: string[] = [];
  if (!isMap(data)) return { value, dropped: ['the whole practice record (not an object)'] };
  restoreExercises(data.exercises, value, dropped);
  if (data.cards !== undefined && !isMap(data.cards)) dropped.push('all review cards (not a map)');
  else
    for (const [key, entry] of Object.entries(data.cards ?? {})) {
      const parsed = reviewCardSchema.safeParse(entry);
      if (
        !parsed.success ||
        parsed.data.id !== key ||
        Object.keys(value.cards).length >= MAX_ENTRIES
      )
        dropped.push(`review card "${key.slice(0, 80)}"`);
      else value.cards[key] = parsed.data;
    }
  return { value, dropped };
}

function restoreExercises(input: unknown, value: PracticeData, dropped: string[]) {
  if (input === undefined) return;
  if (!isMap(input)) return void dropped.push('all exercise answers (not a map)');
  for (const [key, entry] of Object.entries(input)) {
    const parsed = recordSchema.safeParse(entry);
    if (!exerciseKey.safeParse(key).success || !parsed.success) {
      dropped.push(`answers to exercise "${key.slice(0, 80)}"`);
      continue;
    }
    const { diagram: rawDiagram, notes, ...rest } = parsed.data;
    const record: ExerciseRecord = { ...rest, notes: notes ?? {} };
    if (rawDiagram !== undefined) {
      // Diagrams pass the one gate for diagrams; a broken one is dropped, the answers are kept.
      const restored = restoreDiagram(rawDiagram);
      if (restored.error) dropped.push(`the diagram drawn for "${key}"`);
      else record.diagram = restored.diagram;
    }
    value.exercises[key] = record;
  }
}
