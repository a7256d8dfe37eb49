import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import { z } from 'zod';

/**
 * Review cards for missed exercise items, scheduled with FSRS (ts-fsrs). A card is plain JSON
 * (dates as ISO strings) so it can be saved as is; the clock is always passed in, so tests run
 * on a fixed date. Fuzz is off: the same answers on the same dates give the same schedule.
 */
export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type ReviewRating = (typeof RATINGS)[number];

const GRADE: Record<ReviewRating, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

const isoDate = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');

export const reviewCardSchema = z
  .object({
    /** "case/step/item": the exercise item the card asks about again. */
    id: z.string().regex(/^[a-z0-9-]{1,60}\/[a-z0-9-]{1,60}\/[a-z0-9-]{1,60}$/),
    addedAt: isoDate,
    due: isoDate,
    lastReview: isoDate.optional(),
    stability: z.number().finite().min(0),
    difficulty: z.number().finite().min(0),
    scheduledDays: z.number().finite().min(0),
    learningSteps: z.number().int().min(0),
    reps: z.number().int().min(0),
    lapses: z.number().int().min(0),
    state: z.number().int().min(0).max(3),
  })
  .strip();

export type ReviewCard = z.infer<typeof reviewCardSchema>;

const scheduler = fsrs({ enable_fuzz: false });

function toFsrs(c: ReviewCard): Card {
  const card: Card = {
    due: new Date(c.due),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: 0,
    scheduled_days: c.scheduledDays,
    learning_steps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
  };
  if (c.lastReview) card.last_review = new Date(c.lastReview);
  return card;
}

function fromFsrs(id: string, addedAt: string, card: Card): ReviewCard {
  const out: ReviewCard = {
    id,
    addedAt,
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
  };
  if (card.last_review) out.lastReview = card.last_review.toISOString();
  return out;
}

export function cardId(caseId: string, step: string, itemId: string): string {
  return `${caseId}/${step}/${itemId}`;
}

export function parseCardId(id: string): { caseId: string; step: string; itemId: string } | null {
  const [caseId, step, itemId, ...rest] = id.split('/');
  return caseId && step && itemId && rest.length === 0 ? { caseId, step, itemId } : null;
}

export function newCard(id: string, now: Date): ReviewCard {
  return fromFsrs(id, now.toISOString(), createEmptyCard(now));
}

/**
 * Adds a card for each missed item. An item missed again that already has a card is made due
 * now (its learning history is kept), so a fresh mistake is reviewed without waiting.
 */
export function addMissed(
  cards: Readonly<Record<string, ReviewCard>>,
  ids: readonly string[],
  now: Date,
): Record<string, ReviewCard> {
  const out = { ...cards };
  for (const id of ids) {
    const existing = out[id];
    if (!existing) out[id] = newCard(id, now);
    else if (Date.parse(existing.due) > now.getTime())
      out[id] = { ...existing, due: now.toISOString() };
  }
  return out;
}

/** The card after answering it with `rating` at `now`. */
export function reviewCard(card: ReviewCard, rating: ReviewRating, now: Date): ReviewCard {
  const next = scheduler.next(toFsrs(card), now, GRADE[rating]);
  return fromFsrs(card.id, card.addedAt, next.card);
}

/** When each rating would bring the card back, for the buttons' labels. */
export function previewIntervals(card: ReviewCard, now: Date): Record<ReviewRating, Date> {
  const preview = scheduler.repeat(toFsrs(card), now);
  return {
    again: preview[Rating.Again].card.due,
    hard: preview[Rating.Hard].card.due,
    good: preview[Rating.Good].card.due,
    easy: preview[Rating.Easy].card.due,
  };
}

/** Cards due at `now`, the longest overdue first. */
export function dueCards(cards: Readonly<Record<string, ReviewCard>>, now: Date): ReviewCard[] {
  return Object.values(cards)
    .filter((c) => Date.parse(c.due) <= now.getTime())
    .sort((a, b) => Date.parse(a.due) - Date.parse(b.due) || a.id.localeCompare(b.id));
}

/** "in 10 minutes", "in 3 days": how far away `due` is, for humans. */
export function describeInterval(from: Date, due: Date): string {
  const minutes = Math.max(0, Math.round((due.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return minutes <= 1 ? 'in 1 minute' : `in ${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return hours === 1 ? 'in 1 hour' : `in ${hours} hours`;
  const days = Math.round(hours / 24);
  return days === 1 ? 'in 1 day' : `in ${days} days`;
}
