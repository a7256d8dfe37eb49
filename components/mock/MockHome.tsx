'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { drawCase, MOCK_CASES, mockCase } from '@/lib/mock/cases';
import { clampMinutes } from '@/lib/mock/session';
import { createRng } from '@/lib/random';
import { INTERVIEW_MINUTES } from '@/lib/framework/steps';
import { MockHistoryView } from './MockHistoryView';
import { MockStorageBanner } from './MockStorageBanner';
import { getMockStore, useMock, useMockInit } from './mock-store';
import styles from './mock.module.css';

/**
 * Settings read from the URL (harmless for users; documented in the README):
 * - `?minutes=N` (1–45): the length of the next mock. For tests; a short mock is marked as such
 *   in the history and every step's budget shrinks in proportion.
 * - `?seed=N`: the seed for drawing a random case, to reproduce a draw.
 */
function useUrlSettings() {
  const params = useSearchParams();
  const seedParam = Number(params.get('seed'));
  return {
    minutes: clampMinutes(params.get('minutes') ?? undefined),
    seed: Number.isInteger(seedParam) && params.get('seed') !== null ? seedParam : null,
  };
}

export function MockHome() {
  const loaded = useMockInit();
  const session = useMock((s) => s.session);
  const router = useRouter();
  const { minutes, seed } = useUrlSettings();
  const [choice, setChoice] = useState<string>('random');
  const inProgress = session && session.recordedAs === null ? session : null;

  const start = async () => {
    const drawSeed = seed ?? Date.now() % 2 ** 31;
    const caseId = choice === 'random' ? drawCase(createRng(drawSeed)).id : choice;
    await getMockStore()
      .getState()
      .start({
        id: `m-${Date.now().toString(36)}`,
        caseId,
        seed: choice === 'random' ? drawSeed : null,
        totalMinutes: minutes,
      });
    router.push('/mock/session/');
  };

  return (
    <div className={styles.page}>
      <section className={styles.hero}>
        <h1>Mock interview</h1>
        <p className={styles.muted}>
          A {minutes}-minute system design interview with a scripted interviewer. Ask clarifying
          questions, take notes and draw the architecture step by step, then grade yourself and
          compare with the reference solution.
        </p>
      </section>
      <MockStorageBanner />
      {inProgress && (
        <div className={styles.card} data-testid="mock-in-progress">
          <h2>Mock in progress</h2>
          <p>
            {mockCase(inProgress.caseId)?.title}, started{' '}
            {new Date(inProgress.startedAt).toLocaleString()}.
          </p>
          <Link className="button button-primary" href="/mock/session/">
            Continue the mock
          </Link>
        </div>
      )}
      <form
        className={styles.card}
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>
            <h2 style={{ margin: 0 }}>Pick a case</h2>
          </legend>
          <div className={styles.cases}>
            <label className={styles.caseOption} htmlFor="mock-case-random">
              <input
                id="mock-case-random"
                type="radio"
                name="case"
                value="random"
                checked={choice === 'random'}
                onChange={() => setChoice('random')}
              />
              <span>
                Draw one at random
                <small className={styles.optionNote}>
                  Like a real interview: no time to prepare.
                </small>
              </span>
            </label>
            {MOCK_CASES.map((c) => (
              <label key={c.id} className={styles.caseOption} htmlFor={`mock-case-${c.id}`}>
                <input
                  id={`mock-case-${c.id}`}
                  type="radio"
                  name="case"
                  value={c.id}
                  checked={choice === c.id}
                  onChange={() => setChoice(c.id)}
                />
                <span>
                  {c.title}
                  <small className={styles.optionNote}>{c.prompt}</small>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className={styles.actions}>
          <button
            type="submit"
            className="button button-primary"
            disabled={!loaded}
            data-testid="mock-start"
          >
            Start the {minutes}-minute mock
          </button>
          {inProgress && <span className={styles.muted}>This replaces the mock in progress.</span>}
          {minutes !== INTERVIEW_MINUTES && (
            <span className={styles.muted} data-testid="mock-short">
              Shortened by the URL setting ?minutes={minutes}.
            </span>
          )}
        </div>
      </form>
      <MockHistoryView />
    </div>
  );
}
