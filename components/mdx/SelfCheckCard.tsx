'use client';

import { useId, useState, type ReactNode } from 'react';
import { useProgress } from '@/components/progress/ProgressProvider';
import styles from './mdx.module.css';

interface Props {
  lesson: string;
  id: string;
  question: ReactNode[];
  choices: { content: ReactNode; correct: boolean }[];
  hint: ReactNode;
  answer: ReactNode;
}

const RESULT_TEXT = {
  correct: 'Correct',
  incorrect: 'Not quite',
  'got-it': 'You got it',
  missed: 'Missed — worth another look',
} as const;

/** The interactive part of a self-check: choose or think, reveal, and record how it went. */
export function SelfCheckCard({ lesson, id, question, choices, hint, answer }: Props) {
  const saved = useProgress((s) => s.progress.selfChecks[`${lesson}/${id}`]);
  const answerSelfCheck = useProgress((s) => s.answerSelfCheck);
  const clearSelfCheck = useProgress((s) => s.clearSelfCheck);
  const [picked, setPicked] = useState<number | null>(null);
  const [showHint, setShowHint] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const name = useId();
  const isChoice = choices.length > 0;
  const chosen = saved?.choice ?? picked;
  const done = saved !== undefined;

  const check = () => {
    if (picked === null) return;
    answerSelfCheck(lesson, id, choices[picked]?.correct ? 'correct' : 'incorrect', picked);
  };
  const retry = () => {
    clearSelfCheck(lesson, id);
    setPicked(null);
    setRevealed(false);
    setShowHint(false);
  };

  return (
    <section
      className={styles.selfCheck}
      aria-label="Check yourself"
      data-testid={`self-check-${id}`}
      data-result={saved?.result ?? 'none'}
    >
      <p className={styles.selfCheckLabel}>Check yourself</p>
      <div className={styles.question}>{question}</div>
      {isChoice && (
        <fieldset className={styles.choices} disabled={done}>
          <legend className="visually-hidden">Choose one answer</legend>
          {choices.map((c, i) => (
            <label
              key={i}
              className={`${styles.choice} ${done && c.correct ? styles.choiceCorrect : ''} ${done && chosen === i && !c.correct ? styles.choiceWrong : ''}`}
            >
              <input
                type="radio"
                name={name}
                checked={chosen === i}
                onChange={() => setPicked(i)}
              />
              <span>{c.content}</span>
            </label>
          ))}
        </fieldset>
      )}
      {showHint && hint !== null && !done && <div className={styles.hint}>{hint}</div>}
      {(done || revealed) && (
        <div className={styles.answer} data-testid="self-check-answer">
          {done && <p className={styles.result}>{RESULT_TEXT[saved.result]}</p>}
          {answer}
        </div>
      )}
      <div className={styles.selfCheckActions}>
        {!done && hint !== null && (
          <button
            type="button"
            className="button"
            aria-expanded={showHint}
            onClick={() => setShowHint((v) => !v)}
          >
            {showHint ? 'Hide hint' : 'Show hint'}
          </button>
        )}
        {!done && isChoice && (
          <button
            type="button"
            className="button button-primary"
            onClick={check}
            disabled={picked === null}
          >
            Check answer
          </button>
        )}
        {!done && !isChoice && !revealed && (
          <button type="button" className="button button-primary" onClick={() => setRevealed(true)}>
            Reveal answer
          </button>
        )}
        {!done && !isChoice && revealed && (
          <>
            <span>How did you do?</span>
            <button
              type="button"
              className="button"
              onClick={() => answerSelfCheck(lesson, id, 'got-it')}
            >
              I got it
            </button>
            <button
              type="button"
              className="button"
              onClick={() => answerSelfCheck(lesson, id, 'missed')}
            >
              I missed it
            </button>
          </>
        )}
        {done && (
          <button type="button" className="button" onClick={retry}>
            Try again
          </button>
        )}
      </div>
    </section>
  );
}
