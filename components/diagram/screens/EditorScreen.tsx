'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { Diagram } from '@/lib/diagram';
import { DiagramEditor } from '../DiagramEditor';
import { useDiagramStorage, useLibraryApi } from '../library/LibraryProvider';
import { createDiagramSession, type DiagramSession } from '../library/session';
import { useEditorApi } from '../store/EditorProvider';
import { NoticeBanner, SessionBanner } from './Banners';
import { useImportFile } from './use-import';
import styles from './screens.module.css';

/** One diagram from the library, autosaved while it is edited. Remount (key) to open another. */
export function EditorScreen({ id, visibleOnly }: { id: string; visibleOnly?: boolean }) {
  const storage = useDiagramStorage();
  const library = useLibraryApi();
  const [session] = useState(() =>
    createDiagramSession(storage.adapter, id, (d, at) => library.getState().touch(id, d.title, at)),
  );
  const [diagram, setDiagram] = useState<Diagram | null>(null);
  const [failure, setFailure] = useState('');
  const { importFile, error } = useImportFile();

  useEffect(() => {
    let live = true;
    session.open().then(
      (d) => live && setDiagram(d),
      (e: unknown) =>
        live && setFailure(`This diagram could not be opened: ${(e as Error).message}`),
    );
    return () => {
      live = false;
    };
  }, [session]);

  if (failure)
    return (
      <div className={styles.centered}>
        <p role="alert">{failure}</p>
        <Link href="/diagrams/">Back to all diagrams</Link>
      </div>
    );
  if (!diagram)
    return (
      <p className={styles.centered} data-testid="editor-loading">
        Opening the diagram…
      </p>
    );
  return (
    <div className={styles.editorScreen}>
      <NoticeBanner diagramId={id} />
      {error && (
        <p role="alert" className={styles.error} data-testid="import-error">
          {error}
        </p>
      )}
      <DiagramEditor
        diagram={diagram}
        onImportFile={importFile}
        toolbarStart={
          <Link href="/diagrams/" className={styles.back} data-testid="back-to-library">
            ← All diagrams
          </Link>
        }
        toolbarStatus={<SaveStatus session={session} />}
        banner={<SessionBanner session={session} />}
        visibleOnly={visibleOnly}
      >
        <Autosave session={session} />
      </DiagramEditor>
    </div>
  );
}

function SaveStatus({ session }: { session: DiagramSession }) {
  const load = useStore(session.state, (s) => s.load);
  const save = useStore(session.state, (s) => s.save);
  const pending = useStore(session.state, (s) => s.pending);
  const state =
    load.kind === 'blocked'
      ? 'blocked'
      : save.kind === 'failed'
        ? 'failed'
        : pending
          ? 'pending'
          : 'saved';
  const text = { blocked: 'Not saved', failed: 'Not saved', pending: 'Saving…', saved: 'Saved' }[
    state
  ];
  return (
    <span className={styles.saveStatus} data-testid="save-status" data-state={state}>
      {text}
    </span>
  );
}

/** Saves after every change (debounced), at once when the page is hidden, and on pagehide. */
function Autosave({ session }: { session: DiagramSession }) {
  const store = useEditorApi();
  useEffect(() => {
    const read = () => store.getState().toDiagram();
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.revision !== prev.revision || s.viewRevision !== prev.viewRevision)
        session.schedule(read);
    });
    const flush = () => void session.flush();
    const onPageHide = () => session.flushOnExit();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [store, session]);
  return null;
}
