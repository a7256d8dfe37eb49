'use client';

import { useState } from 'react';
import { downloadText } from '@/components/progress/download';
import styles from '@/components/progress/StorageBanner.module.css';
import { usePractice } from './PracticeProvider';

/** Says, in words a learner can act on, when saved practice could not be read or written. */
export function PracticeBanner() {
  const load = usePractice((s) => s.load);
  const save = usePractice((s) => s.save);
  const startFresh = usePractice((s) => s.startFresh);
  const [hidden, setHidden] = useState(false);

  if (load.kind === 'blocked') {
    const future = load.reason === 'future';
    return (
      <div
        className={`${styles.banner} ${styles.danger}`}
        role="alert"
        data-testid="practice-banner"
        data-state={`blocked-${load.reason}`}
      >
        <p>
          <strong>
            {future
              ? 'Your practice was saved by a newer version of MLSD Lab.'
              : 'Your saved practice answers could not be read'}
          </strong>{' '}
          ({load.detail}). They have been left untouched, and nothing on this page will be saved
          over them.
          {future
            ? ' Reload the page to get the newest version.'
            : ' Download a copy to keep them, then start fresh: the damaged copy is backed up first.'}
        </p>
        <div className={styles.actions}>
          <button
            type="button"
            className="button"
            onClick={() => downloadText('mlsd-lab-practice-backup.json', load.raw)}
          >
            Download a copy
          </button>
          {!future && (
            <button type="button" className="button" onClick={() => void startFresh()}>
              Start fresh (keep a backup)
            </button>
          )}
        </div>
      </div>
    );
  }
  if (save.kind === 'failed')
    return (
      <div
        className={`${styles.banner} ${styles.warn}`}
        role="alert"
        data-testid="practice-banner"
        data-state="save-failed"
      >
        <p>{save.message}</p>
      </div>
    );
  if (load.kind === 'repaired' && !hidden)
    return (
      <div
        className={`${styles.banner} ${styles.warn}`}
        role="status"
        data-testid="practice-banner"
        data-state="repaired"
      >
        <p>
          Some saved practice was damaged and has been set aside (
          {load.dropped.slice(0, 3).join(', ')}
          {load.dropped.length > 3 ? ', …' : ''}). Everything else was kept, and the original is
          backed up in your browser.
        </p>
        <div className={styles.actions}>
          <button type="button" className="button" onClick={() => setHidden(true)}>
            Dismiss
          </button>
        </div>
      </div>
    );
  return null;
}
