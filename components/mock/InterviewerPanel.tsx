'use client';

import { useState } from 'react';
import { mockCase } from '@/lib/mock/cases';
import { QUESTION_TOPICS, TOPIC_LABELS, type QuestionTopic } from '@/lib/mock/reference-schema';
import { askQuestion } from '@/lib/mock/session';
import { getMockStore, useMock } from './mock-store';
import styles from './mock.module.css';

/** The scripted interviewer: pick a topic, ask a question, read the answer. */
export function InterviewerPanel() {
  const caseId = useMock((s) => s.session!.caseId);
  const asked = useMock((s) => s.session!.asked);
  const [topic, setTopic] = useState<QuestionTopic>('scale');
  const questions = mockCase(caseId)!.interviewer.questions;
  const askedIds = new Set(asked.map((q) => q.id));

  return (
    <section className={styles.card} aria-labelledby="interviewer-title" data-testid="interviewer">
      <h2 id="interviewer-title">Ask the interviewer</h2>
      <div className={styles.interviewer}>
        <div>
          <div className={styles.topics} role="group" aria-label="Question topics">
            {QUESTION_TOPICS.map((t) => (
              <button
                key={t}
                type="button"
                className="button"
                aria-pressed={t === topic}
                onClick={() => setTopic(t)}
              >
                {TOPIC_LABELS[t]}
              </button>
            ))}
          </div>
          <ul className={styles.questionList} aria-label={`${TOPIC_LABELS[topic]} questions`}>
            {questions
              .filter((q) => q.topic === topic)
              .map((q) => (
                <li key={q.id}>
                  <button
                    type="button"
                    className="button"
                    disabled={askedIds.has(q.id)}
                    data-testid={`ask-${q.id}`}
                    onClick={() =>
                      getMockStore()
                        .getState()
                        .update((s, now) => askQuestion(s, q.id, now))
                    }
                  >
                    {askedIds.has(q.id) ? '✓ ' : ''}
                    {q.question}
                  </button>
                </li>
              ))}
          </ul>
        </div>
        <div>
          <h3 style={{ marginTop: 0 }}>Answers</h3>
          <div aria-live="polite">
            {asked.length === 0 ? (
              <p className={styles.muted}>Questions you ask and their answers appear here.</p>
            ) : (
              <dl className={styles.transcript} data-testid="transcript">
                {asked.map((a) => {
                  const q = questions.find((x) => x.id === a.id);
                  return q ? (
                    <div key={a.id}>
                      <dt>{q.question}</dt>
                      <dd>{q.answer}</dd>
                    </div>
                  ) : null;
                })}
              </dl>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}
