'use client';

import type { LoadStatus } from '@/lib/storage/document';
import { downloadText } from '../progress/download';
import styles from '../progress/StorageBanner.module.css';
import { getMockStore, useMock } from './mock-store';

const WHAT = { session: 'mock in progress', history: 'mock history' } as const;

/** Explains saved mock data that could not be read, was repaired, or could not be written. */
export function MockStorageBanner() {
  const sessionLoad = useMock((s) => s.sessionLoad);
  const historyLoad = useMock((s) => s.historyLoad);
  const save = useMock((s) => s.save);
  return (
    <>
      <LoadBanner which="session" load={sessionLoad} />
      <LoadBanner which="history" load={historyLoad} />
      {save.kind === 'failed' && (
        <div
          className={`${styles.banner} ${styles.warn}`}
          role="alert"
          data-testid="mock-storage-banner"
          data-state="save-failed"
        >
          <p>{save.message}</p>
        </div>
      )}
    </>
  );
}

function LoadBanner({ which, load }: { which: 'session' | 'history'; load: LoadStatus }) {
  if (load.kind === 'repaired')
    return (
      <div
        className={`${styles.banner} ${styles.warn}`}
        role="status"
        data-testid="mock-storage-banner"
        data-state={`repaired-${which}`}
      >
        <p>
          Part of your saved {WHAT[which]} was damaged and has been set aside (
          {load.dropped.slice(0, 3).join(', ')}
          {load.dropped.length > 3 ? ', …' : ''}). Everything else was kept, and the original is
          backed up in your browser.
        </p>
      </div>
    );
  if (load.kind !== 'blocked') return null;
  const future = load.reason === 'future';
  return (
    <div
      className={`${styles.banner} ${styles.danger}`}
      role="alert"
      data-testid="mock-storage-banner"
      data-state={`blocked-${which}`}
    >
      <p>
        <strong>Your saved {WHAT[which]} could not be read</strong> ({load.detail}). It has been
        left untouched, and nothing on this page will be saved over it.
        {future
          ? ' Reload the page to get the newest version of MLSD Lab.'
          : ' Download a copy to keep it, then start fresh: the damaged copy is backed up first.'}
      </p>
      <div className={styles.actions}>
        <button
          type="button"
          className="button"
          onClick={() => downloadText(`mlsd-lab-mock-${which}-backup.json`, load.raw)}
        >
          Download a copy
        </button>
        {!future && (
          <button
            type="button"
            className="button"
            onClick={() => void getMockStore().getState().startFresh(which)}
          >
            Start fresh (keep a backup)
          </button>
        )}
      </div>
    </div>
  );
}
