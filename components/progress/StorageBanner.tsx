'use client';

import { useState } from 'react';
import { useProgress } from './ProgressProvider';
import { downloadText } from './download';
import styles from './StorageBanner.module.css';

/** Tells the learner, in words they can act on, when saved progress could not be read or written. */
export function StorageBanner() {
  const load = useProgress((s) => s.load);
  const save = useProgress((s) => s.save);
  const startFresh = useProgress((s) => s.startFresh);
  const [hidden, setHidden] = useState(false);

  if (load.kind === 'blocked') {
    const future = load.reason === 'future';
    return (
      <div
        className={`${styles.banner} ${styles.danger}`}
        role="alert"
        data-testid="storage-banner"
        data-state={`blocked-${load.reason}`}
      >
        <p>
          <strong>
            {future
              ? 'Your progress was saved by a newer version of MLSD Lab.'
              : 'Your saved progress could not be read'}
          </strong>{' '}
          ({load.detail}). It has been left untouched, and nothing in this tab will be saved over
          it.
          {future
            ? ' Reload the page to get the newest version.'
            : ' Download a copy to keep it, then start fresh: the damaged copy is backed up first.'}
        </p>
        <div className={styles.actions}>
          <button
            type="button"
            className="button"
            onClick={() => downloadText('mlsd-lab-progress-backup.json', load.raw)}
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
  if (save.kind === 'failed') {
    return (
      <div
        className={`${styles.banner} ${styles.warn}`}
        role="alert"
        data-testid="storage-banner"
        data-state="save-failed"
      >
        <p>{save.message}</p>
      </div>
    );
  }
  if (load.kind === 'repaired' && !hidden) {
    return (
      <div
        className={`${styles.banner} ${styles.warn}`}
        role="status"
        data-testid="storage-banner"
        data-state="repaired"
      >
        <p>
          Some saved progress was damaged and has been set aside ({load.dropped.length}{' '}
          {load.dropped.length === 1 ? 'entry' : 'entries'}: {load.dropped.slice(0, 3).join(', ')}
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
  }
  return null;
}
