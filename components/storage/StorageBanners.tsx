'use client';

import { useState, type ReactNode } from 'react';
import type { LoadStatus } from '@/lib/storage/document';
import { downloadText } from '@/components/progress/download';
import styles from '@/components/progress/StorageBanner.module.css';

/** How a banner names one kind of saved data (progress, practice, a diagram, …). */
export interface StoredThing {
  /** Title when a newer version of the app wrote it: 'Your progress was saved by a newer…'. */
  newer: string;
  /** Title when it cannot be read: 'Your saved progress could not be read'. */
  unreadable: string;
  /** How the sentences after the title refer to it. */
  pronoun: 'it' | 'them';
  /** For the repaired banner: 'saved progress', 'saved practice', … */
  noun: string;
  /** File name of the downloaded copy. */
  backupFile: string;
}

interface Common {
  thing: StoredThing;
  testId: string;
  /** data-state of the banner (tests and styles read it). */
  state: string;
}

/**
 * Saved data that could not be read (damaged, or written by a newer version): it is left
 * untouched, can be downloaded, and — when damaged — set aside for a fresh start with a backup.
 */
export function BlockedBanner({
  load,
  thing,
  testId,
  state,
  onStartFresh,
  futureNote = '',
  note = '',
  startFreshLabel = 'Start fresh (keep a backup)',
}: Common & {
  load: Extract<LoadStatus, { kind: 'blocked' }>;
  onStartFresh: () => void;
  /** Added after "Reload…" when a newer version wrote it. */
  futureNote?: string;
  /** Added after "left untouched…" in both cases. */
  note?: string;
  startFreshLabel?: string;
}) {
  const future = load.reason === 'future';
  const it = thing.pronoun;
  const has = it === 'it' ? 'It has' : 'They have';
  return (
    <div
      className={`${styles.banner} ${styles.danger}`}
      role="alert"
      data-testid={testId}
      data-state={state}
    >
      <p>
        <strong>{future ? thing.newer : thing.unreadable}</strong> ({load.detail}). {has} been left
        untouched, and nothing on this page will be saved over {it}.{note}
        {future
          ? ` Reload the page to get the newest version.${futureNote}`
          : ` Download a copy to keep ${it}, then start fresh: the damaged copy is backed up first.`}
      </p>
      <div className={styles.actions}>
        <button
          type="button"
          className="button"
          onClick={() => downloadText(thing.backupFile, load.raw)}
          data-testid="download-raw"
        >
          Download a copy
        </button>
        {!future && (
          <button type="button" className="button" onClick={onStartFresh} data-testid="start-fresh">
            {startFreshLabel}
          </button>
        )}
      </div>
    </div>
  );
}

/** Some saved entries were damaged and set aside; the rest was kept and the original backed up. */
export function RepairedBanner({
  load,
  thing,
  testId,
  state,
}: Common & { load: Extract<LoadStatus, { kind: 'repaired' }> }) {
  const [hidden, setHidden] = useState(false);
  if (hidden) return null;
  const n = load.dropped.length;
  return (
    <div
      className={`${styles.banner} ${styles.warn}`}
      role="status"
      data-testid={testId}
      data-state={state}
    >
      <p>
        Some {thing.noun} was damaged and has been set aside ({n} {n === 1 ? 'entry' : 'entries'}:{' '}
        {load.dropped.slice(0, 3).join(', ')}
        {n > 3 ? ', …' : ''}). Everything else was kept, and the original is backed up in your
        browser.
      </p>
      <div className={styles.actions}>
        <button type="button" className="button" onClick={() => setHidden(true)}>
          Dismiss
        </button>
      </div>
    </div>
  );
}

/** A write failed (e.g. the storage is full): the message says what to do; work stays in the tab. */
export function SaveFailedBanner({
  message,
  testId,
  children,
}: {
  message: string;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <div
      className={`${styles.banner} ${styles.warn}`}
      role="alert"
      data-testid={testId}
      data-state="save-failed"
    >
      <p>{message}</p>
      {children && <div className={styles.actions}>{children}</div>}
    </div>
  );
}
