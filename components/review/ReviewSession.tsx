'use client';

import Link from 'next/link';
import { useState } from 'react';
import { STEPS } from '@/lib/framework/steps';
import {
  describeInterval,
  dueCards,
  previewIntervals,
  RATINGS,
  type ReviewCard,
  type ReviewRating,
} from '@/lib/review/cards';
import { GradeLines } from '@/components/practice/GradeLines';
import { PracticeBanner } from '@/components/practice/PracticeBanner';
import { usePractice, usePracticeApi } from '@/components/practice/PracticeProvider';
import { cardSubject, EXERCISE_SETS, type CardSubject } from '@/components/practice/catalogue';
import { diagramSolutionLines, solutionLines } from '@/components/practice/solution';
import styles from './review.module.css';

const LABEL: Record<ReviewRating, string> = {
  again: 'Again',
  hard: 'Hard',
  good: 'Good',
  easy: 'Easy',
};

/** Serves the due review cards one at a time: recall, reveal, rate. */
export function ReviewSession() {
  const cards = usePractice((s) => s.data.cards);
  const loaded = usePractice((s) => s.load.kind !== 'loading');
  const [now, setNow] = useState(() => new Date());
  if (!loaded) return <p data-testid="review-loading">Loading your review cards…</p>;

  const due = dueCards(cards, now).filter((c) => cardSubject(c.id));
  const upcoming = Object.values(cards)
    .filter((c) => Date.parse(c.due) > now.getTime())
    .sort((a, b) => Date.parse(a.due) - Date.parse(b.due));
  return (
    <div data-testid="review">
      <PracticeBanner />
      <p className={styles.count} data-testid="review-due" role="status">
        {due.length === 0
          ? 'Nothing is due right now.'
          : `${due.length} ${due.length === 1 ? 'card' : 'cards'} due.`}{' '}
        {upcoming[0] &&
          `The next one comes back ${describeInterval(now, new Date(upcoming[0].due))}.`}
      </p>
      {due[0] ? (
        <CardView
          key={`${due[0].id}-${due[0].reps}`}
          card={due[0]}
          now={now}
          onRated={() => setNow(new Date())}
        />
      ) : (
        <p>
          Missed items from <Link href="/practice/">practice</Link> become cards here, scheduled so
          that each comes back just before you would forget it.
        </p>
      )}
    </div>
  );
}

function CardView({ card, now, onRated }: { card: ReviewCard; now: Date; onRated: () => void }) {
  const api = usePracticeApi();
  const [shown, setShown] = useState(false);
  const subject = cardSubject(card.id)!;
  const intervals = previewIntervals(card, now);
  const rate = (r: ReviewRating) => {
    api.getState().rate(card.id, r);
    onRated();
  };
  return (
    <article
      className={styles.card}
      aria-labelledby="card-question"
      data-testid="review-card"
      data-card={card.id}
    >
      <p className={styles.where}>{where(subject)}</p>
      <h2 id="card-question" className={styles.question}>
        {subject.kind === 'item'
          ? subject.item.prompt
          : `Draw it: ${subject.exercise.diagram!.prompt}`}
      </h2>
      <p className={styles.note}>Recall your answer, then check it.</p>
      {!shown ? (
        <button type="button" className="button button-primary" onClick={() => setShown(true)}>
          Show the answer
        </button>
      ) : (
        <>
          <GradeLines
            lines={
              subject.kind === 'item'
                ? solutionLines(subject.item)
                : diagramSolutionLines(subject.exercise.diagram!)
            }
            testId="review-answer"
          />
          <p className={styles.links}>
            Explained in the lesson{' '}
            <Link href={`/learn/${subject.lesson}/`} data-testid="review-lesson">
              {lessonTitle(subject)}
            </Link>
            {' · '}
            <Link href={`/practice/${subject.exercise.caseId}/${subject.exercise.step}/`}>
              retry the exercise
            </Link>
          </p>
          <div className={styles.ratings} role="group" aria-label="How well did you remember it?">
            {RATINGS.map((r) => (
              <button
                key={r}
                type="button"
                className="button"
                onClick={() => rate(r)}
                data-testid={`rate-${r}`}
              >
                {LABEL[r]}{' '}
                <span className={styles.interval}>{describeInterval(now, intervals[r])}</span>
              </button>
            ))}
          </div>
        </>
      )}
    </article>
  );
}

function where(subject: CardSubject): string {
  const set = EXERCISE_SETS.find((s) => s.set.caseId === subject.exercise.caseId)?.set;
  const step = STEPS.find((s) => s.id === subject.exercise.step);
  return `${set?.title ?? subject.exercise.caseId} · Step ${step?.number}: ${step?.title}`;
}

function lessonTitle(subject: CardSubject): string {
  return STEPS.find((s) => s.lesson === subject.lesson)?.title ?? subject.lesson;
}
