import { describe, expect, it } from 'vitest';
import {
  addMissed,
  cardId,
  describeInterval,
  dueCards,
  newCard,
  parseCardId,
  previewIntervals,
  reviewCard,
  reviewCardSchema,
  type ReviewCard,
} from './cards';

const T0 = new Date('2026-11-22T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const ID = cardId('video-recs', 'frame', 'label');

describe('review cards', () => {
  it('a missed item becomes a card due at once, valid by schema and plain JSON', () => {
    const cards = addMissed({}, [ID], T0);
    const card = cards[ID]!;
    expect(card.due).toBe(T0.toISOString());
    expect(reviewCardSchema.parse(JSON.parse(JSON.stringify(card)))).toEqual(card);
    expect(dueCards(cards, T0).map((c) => c.id)).toEqual([ID]);
  });

  it('ratings order the next due date: again < hard < good < easy', () => {
    const card = newCard(ID, T0);
    const due = (r: 'again' | 'hard' | 'good' | 'easy') => Date.parse(reviewCard(card, r, T0).due);
    expect(due('again')).toBeLessThan(due('hard'));
    expect(due('hard')).toBeLessThan(due('good'));
    expect(due('good')).toBeLessThan(due('easy'));
    expect(due('again')).toBeGreaterThan(T0.getTime());
    const preview = previewIntervals(card, T0);
    expect(preview.good.toISOString()).toBe(reviewCard(card, 'good', T0).due);
  });

  it('the schedule is deterministic and intervals grow with successful reviews', () => {
    let card: ReviewCard = newCard(ID, T0);
    let now = T0;
    const gaps: number[] = [];
    for (let i = 0; i < 4; i++) {
      card = reviewCard(card, 'good', now);
      const next = new Date(card.due);
      gaps.push(next.getTime() - now.getTime());
      now = next;
    }
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThanOrEqual(gaps[i - 1]!);
    expect(gaps.at(-1)!).toBeGreaterThan(24 * 3600_000);
    let again: ReviewCard = newCard(ID, T0);
    now = T0;
    for (let i = 0; i < 4; i++) {
      again = reviewCard(again, 'good', now);
      now = new Date(again.due);
    }
    expect(again).toEqual(card);
  });

  it('a card answered "again" after learning counts a lapse', () => {
    let card = newCard(ID, T0);
    let now = T0;
    for (let i = 0; i < 3; i++) {
      card = reviewCard(card, 'good', now);
      now = new Date(card.due);
    }
    const lapsed = reviewCard(card, 'again', now);
    expect(lapsed.lapses).toBe(card.lapses + 1);
    expect(Date.parse(lapsed.due) - now.getTime()).toBeLessThan(3600_000);
  });

  it('only due cards are served, longest overdue first; a repeat miss makes a card due now', () => {
    const a = cardId('ad-click', 'data', 'leaks');
    let cards = addMissed({}, [ID], T0);
    cards = addMissed(cards, [a], at(5));
    cards[ID] = reviewCard(cards[ID]!, 'easy', at(5));
    expect(dueCards(cards, at(6)).map((c) => c.id)).toEqual([a]);
    cards = addMissed(cards, [ID], at(10));
    expect(dueCards(cards, at(10)).map((c) => c.id)).toEqual([a, ID]);
    expect(cards[ID]!.reps).toBe(1);
  });

  it('card ids round-trip and bad ids are refused', () => {
    expect(parseCardId(ID)).toEqual({ caseId: 'video-recs', step: 'frame', itemId: 'label' });
    expect(parseCardId('a/b')).toBeNull();
    expect(reviewCardSchema.safeParse({ ...newCard(ID, T0), id: 'no slashes' }).success).toBe(
      false,
    );
  });

  it('describes intervals in words', () => {
    expect(describeInterval(T0, at(1))).toBe('in 1 minute');
    expect(describeInterval(T0, at(10))).toBe('in 10 minutes');
    expect(describeInterval(T0, at(180))).toBe('in 3 hours');
    expect(describeInterval(T0, at(60 * 24 * 4))).toBe('in 4 days');
  });
});
