'use client';

import { useStore } from 'zustand';
import banner from '@/components/progress/StorageBanner.module.css';
import {
  BlockedBanner,
  SaveFailedBanner,
  type StoredThing,
} from '@/components/storage/StorageBanners';
import { downloadJson } from '../export-files';
import type { DiagramSession } from '../library/session';
import { useLibrary } from '../library/LibraryProvider';
import { useEditorApi } from '../store/EditorProvider';

const DIAGRAM: StoredThing = {
  newer: 'This diagram was saved by a newer version of MLSD Lab.',
  unreadable: 'This saved diagram could not be read',
  pronoun: 'it',
  noun: 'saved diagram',
  backupFile: 'mlsd-lab-diagram-backup.json',
};

const DIAGRAM_LIST: StoredThing = {
  newer: 'Your list of diagrams was saved by a newer version of MLSD Lab.',
  unreadable: 'Your list of diagrams could not be read',
  pronoun: 'it',
  noun: 'list of diagrams',
  backupFile: 'mlsd-lab-diagram-list-backup.json',
};

/**
 * What went wrong with saving, in words a learner can act on (the same rules and look as the
 * progress banner): unreadable or newer data is left untouched and can be downloaded; a full
 * disk keeps the work in the tab.
 */
export function SessionBanner({ session }: { session: DiagramSession }) {
  const load = useStore(session.state, (s) => s.load);
  const save = useStore(session.state, (s) => s.save);
  const store = useEditorApi();

  if (load.kind === 'blocked')
    return (
      <BlockedBanner
        load={load}
        thing={DIAGRAM}
        testId="diagram-storage-banner"
        state={`blocked-${load.reason}`}
        onStartFresh={() => void session.startFresh()}
        futureNote=" What you draw here is kept in this tab only; export it as JSON to keep it."
      />
    );
  if (save.kind === 'failed')
    return (
      <SaveFailedBanner message={save.message} testId="diagram-storage-banner">
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
      </SaveFailedBanner>
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
      <BlockedBanner
        load={load}
        thing={DIAGRAM_LIST}
        testId="library-banner"
        state={`blocked-${load.reason}`}
        onStartFresh={() => void startFresh()}
        startFreshLabel="Rebuild the list (keep a backup)"
        note=" The diagrams below were found in storage directly."
      />
    );
  if (save.kind === 'failed')
    return <SaveFailedBanner message={save.message} testId="library-banner" />;
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
