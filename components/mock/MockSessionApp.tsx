'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { mockCase } from '@/lib/mock/cases';
import { isRunning } from '@/lib/mock/session';
import { EndScreen } from './EndScreen';
import { InterviewerPanel } from './InterviewerPanel';
import { MockClockBar } from './MockClockBar';
import { MockDiagram } from './MockDiagram';
import { MockStorageBanner } from './MockStorageBanner';
import { StepNotes } from './StepNotes';
import { getMockStore, useMock, useMockInit } from './mock-store';
import styles from './mock.module.css';

const HEARTBEAT_MS = 15_000;

/** /mock/session/: the interview in progress, or its end screen once finished. */
export function MockSessionApp() {
  const loaded = useMockInit();
  const session = useMock((s) => s.session);
  useEffect(() => {
    if (loaded) document.documentElement.dataset.mockLoaded = 'true';
  }, [loaded]);

  if (!loaded) return <p className={styles.page}>Loading your mock…</p>;
  const c = session && mockCase(session.caseId);
  if (!session || !c)
    return (
      <div className={styles.page}>
        <MockStorageBanner />
        <p data-testid="mock-none">
          There is no mock interview in progress. <Link href="/mock/">Start one</Link>.
        </p>
      </div>
    );
  return (
    <div className={styles.wide}>
      <MockStorageBanner />
      {session.finishedAtMs === null ? <Interview /> : <EndScreen />}
    </div>
  );
}

function Interview() {
  const running = useMock((s) => (s.session ? isRunning(s.session) : false));
  const caseId = useMock((s) => s.session!.caseId);
  const c = mockCase(caseId)!;
  useEffect(() => {
    if (!running) return;
    // Keeps the saved "last seen" time fresh, so a reload knows the tab was open.
    const id = window.setInterval(() => getMockStore().getState().heartbeat(), HEARTBEAT_MS);
    return () => window.clearInterval(id);
  }, [running]);
  return (
    <>
      <h1 style={{ margin: '4px 0 8px', fontSize: 24 }}>Mock interview: {c.title}</h1>
      <details className={styles.card} open>
        <summary>
          <strong>The interviewer:</strong> “{c.interviewer.opening}”
        </summary>
        <p>{c.story}</p>
      </details>
      <MockClockBar />
      <div className={styles.workArea}>
        <StepNotes />
        <MockDiagram />
      </div>
      <InterviewerPanel />
    </>
  );
}
