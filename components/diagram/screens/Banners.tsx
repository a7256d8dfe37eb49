'use client';

import { useStore } from 'zustand';
import { downloadText } from '@/components/progress/download';
import banner from '@/components/progress/StorageBanner.module.css';
import { downloadJson } from '../export-files';
import type { DiagramSession } from '../library/session';
import { useLibrary } from '../library/LibraryProvider';
import { useEditorApi } from '../store/EditorProvider';

/**
 * What went wrong with saving, in words a learner can act on (the same rules and look as the
 * progress banner): unreadable or newer data is left untouched and can be downloaded; a full
 * disk keeps the work in the tab.
 */
export function SessionBanner({ session }: { session: DiagramSession }) {
  const load = useStore(session.state, (s) => s.load);
  const save = useStore(session.state, (s) => s.save);
  const store = useEditorApi();

  if (load.kind === 'blocked') {
    const future = load.reason === 'future';
    return (
      <div
        className={`${banner.banner} ${banner.danger}`}
        role="alert"
        data-testid="diagram-storage-banner"
        data-state={`blocked-${load.reason}`}
      >
        <p>
          <strong>
            {future
              ? 'This diagram was saved by a newer version of MLSD Lab.'
              : 'This saved diagram could not be read'}
          </strong>{' '}
          ({load.detail}). It has been left untouched, and nothing in this tab will be saved over
          it.
          {future
            ? ' Reload the page to get the newest version. What you draw here is kept in this tab only; export it as JSON to keep it.'
            : ' Download a copy to keep it, then start fresh: the damaged copy is backed up first.'}
        </p>
        <div className={banner.actions}>
          <button
            type="button"
            className="button"
            onClick={() => downloadText('mlsd-lab-diagram-backup.json', load.raw)}
            data-testid="download-raw"
          >
            Download a copy
          </button>
          {!future && (
            <button
              type="button"
              className="button"
              onClick={() => void session.startFresh()}
              data-testid="start-fresh"
            >
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
        className={`${banner.banner} ${banner.warn}`}
        role="alert"
        data-testid="diagram-storage-banner"
        data-state="save-failed"
      >
        <p>{save.message}</p>
        <div className={banner.actions}>
          <button
            type="button"
            className="button"
            onClick={() => downloadJson(store.getState().toDiagram())}
          >
            Download this diagram
          </button>
          <button type="button" className="button" onClick={() => void session.flush()}>
            Try again
          </button>
        </div>
      </div>
    );
  if (load.kind === 'repaired')
    return (
      <div
        className={`${banner.banner} ${banner.warn}`}
        role="status"
        data-testid="diagram-storage-banner"
        data-state="repaired"
      >
        <p>
          Parts of this saved diagram were damaged and have been repaired; the original is backed up
          in your browser. What changed:
        </p>
        <ul>
          {load.dropped.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </div>
    );
  return null;
}

/** The list of diagrams itself could not be read or saved. */
export function LibraryBanner() {
  const load = useLibrary((s) => s.load);
  const save = useLibrary((s) => s.save);
  const startFresh = useLibrary((s) => s.startFresh);
  if (load.kind === 'blocked')
    return (
      <div
        className={`${banner.banner} ${banner.danger}`}
        role="alert"
        data-testid="library-banner"
        data-state={`blocked-${load.reason}`}
      >
        <p>
          <strong>Your list of diagrams could not be read</strong> ({load.detail}). It has been left
          untouched; the diagrams below were found in storage directly.
        </p>
        <div className={banner.actions}>
          <button
            type="button"
            className="button"
            onClick={() => downloadText('mlsd-lab-diagram-list-backup.json', load.raw)}
          >
            Download a copy
          </button>
          {load.reason === 'corrupt' && (
            <button type="button" className="button" onClick={() => void startFresh()}>
              Rebuild the list (keep a backup)
            </button>
          )}
        </div>
      </div>
    );
  if (save.kind === 'failed')
    return (
      <div
        className={`${banner.banner} ${banner.warn}`}
        role="alert"
        data-testid="library-banner"
        data-state="save-failed"
      >
        <p>{save.message}</p>
      </div>
    );
  return null;
}

/** What an import or a copy repaired: every sentence restore returned (in that diagram's editor). */
export function NoticeBanner({ diagramId }: { diagramId?: string }) {
  const notice = useLibrary((s) => s.notice);
  const clear = useLibrary((s) => s.clearNotice);
  if (!notice || notice.for !== diagramId) return null;
  return (
    <div
      className={`${banner.banner} ${notice.lines.length ? banner.warn : ''}`}
      role="status"
      data-testid="notice"
    >
      <div>
        <p>
          <strong>{notice.title}</strong>
          {notice.lines.length > 0 && ' Some parts had to be repaired or left out:'}
        </p>
        {notice.lines.length > 0 && (
          <ul>
            {notice.lines.map((line, i) => (
              <li key={i} data-testid="notice-problem">
                {line}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className={banner.actions}>
        <button type="button" className="button" onClick={clear}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
