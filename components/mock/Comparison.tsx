'use client';

import { STEPS } from '@/lib/framework/steps';
import { mockCase } from '@/lib/mock/cases';
import type { InterviewerQuestion } from '@/lib/mock/reference-schema';
import { DiagramViewer } from '../diagram/DiagramViewer';
import { referenceById } from '../diagram/references';
import { useMock } from './mock-store';
import styles from './mock.module.css';

/** Your notes beside the reference, step by step, with the answers that changed the design. */
export function Comparison() {
  const session = useMock((s) => s.session!);
  const c = mockCase(session.caseId)!;
  const asked = new Set(session.asked.map((q) => q.id));
  const changers = c.interviewer.questions.filter((q) => q.changes);
  const reference = referenceById(session.caseId);

  return (
    <section className={styles.card} aria-labelledby="compare-title" data-testid="mock-compare">
      <h2 id="compare-title">Your answer and the reference, step by step</h2>
      <AnswersThatChange questions={changers} asked={asked} />
      {c.solution.steps.map((ref) => {
        const step = STEPS.find((s) => s.id === ref.step)!;
        return (
          <div key={ref.step} data-testid={`compare-${ref.step}`}>
            <h3>
              {step.number}. {step.title}
            </h3>
            <div className={styles.compare}>
              <div>
                <h4>Your notes</h4>
                <p className={styles.yourNotes}>
                  {session.notes[ref.step]?.trim() || '(no notes for this step)'}
                </p>
              </div>
              <div>
                <h4>Reference</h4>
                <p>{ref.summary}</p>
                <ul>
                  {ref.decisions.map((d) => {
                    const by = changers.filter((q) => q.changes!.decisions.includes(d.id));
                    return (
                      <li key={d.id}>
                        <strong>{d.decision}</strong> {d.why}
                        {by.map((q) => (
                          <div key={q.id} style={{ fontSize: 14 }}>
                            Follows from the answer to “{q.question}”:{' '}
                            {asked.has(q.id) ? (
                              <span className={styles.asked}>✓ you asked it</span>
                            ) : (
                              <span className={styles.missed}>✗ you did not ask it</span>
                            )}
                          </div>
                        ))}
                      </li>
                    );
                  })}
                </ul>
                <p>
                  <em>Talking points:</em> {ref.talkingPoints.join(' ')}
                </p>
              </div>
            </div>
          </div>
        );
      })}
      <h3>Diagrams</h3>
      <div className={styles.diagrams}>
        <div>
          <h4>Yours</h4>
          {session.diagram && session.diagram.nodes.length > 0 ? (
            <DiagramViewer diagram={session.diagram} details={false} className={styles.viewer} />
          ) : (
            <p className={styles.muted}>You did not draw a diagram.</p>
          )}
        </div>
        {reference && (
          <div>
            <h4>Reference: {reference.title}</h4>
            <DiagramViewer diagram={reference.diagram} details={false} className={styles.viewer} />
          </div>
        )}
      </div>
    </section>
  );
}

function AnswersThatChange({
  questions,
  asked,
}: {
  questions: InterviewerQuestion[];
  asked: Set<string>;
}) {
  const n = questions.filter((q) => asked.has(q.id)).length;
  return (
    <details open data-testid="mock-changers">
      <summary>
        <strong>
          Answers that change the design: you asked {n} of {questions.length}
        </strong>
      </summary>
      <ul>
        {questions.map((q) => (
          <li key={q.id}>
            {asked.has(q.id) ? (
              <span className={styles.asked}>✓ Asked</span>
            ) : (
              <span className={styles.missed}>✗ Not asked</span>
            )}{' '}
            “{q.question}” — {q.answer} <br />
            <em>Without it:</em> {q.changes!.without} <em>With it:</em> {q.changes!.with}
          </li>
        ))}
      </ul>
    </details>
  );
}
