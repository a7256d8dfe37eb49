'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { emptyDiagram, MAX_TITLE_LENGTH } from '@/lib/diagram';
import { useLibrary, useLibraryApi } from '../library/LibraryProvider';
import type { LibraryEntry } from '../library/library-spec';
import { REFERENCES } from '../references';
import { LibraryBanner, NoticeBanner } from './Banners';
import { ConfirmDialog } from './ConfirmDialog';
import { diagramHref, useImportFile } from './use-import';
import styles from './screens.module.css';

/** The learner's diagrams: open, create, rename, duplicate, delete; references and imports. */
export function LibraryView() {
  const entries = useLibrary((s) => s.entries);
  const loading = useLibrary((s) => s.load.kind === 'loading');
  const library = useLibraryApi();
  const router = useRouter();
  const { importFile, error: importError, busy } = useImportFile();
  const fileInput = useRef<HTMLInputElement>(null);
  const [error, setError] = useState('');
  const [deleting, setDeleting] = useState<LibraryEntry | null>(null);

  // A notice about a diagram (how it was imported or copied) was for its editor, not this list.
  useEffect(() => {
    if (library.getState().notice?.for !== undefined) library.getState().clearNotice();
  }, [library]);

  const create = async () => {
    setError('');
    const outcome = await library.getState().create(emptyDiagram());
    if (outcome.ok) router.push(diagramHref(outcome.id));
    else setError(outcome.message);
  };

  const onDrop = (event: DragEvent) => {
    const file = event.dataTransfer.files?.[0];
    if (!file) return;
    event.preventDefault();
    void importFile(file);
  };

  const sorted = [...entries].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));

  return (
    <div
      className={styles.library}
      data-testid="library"
      data-state={loading ? 'loading' : 'ready'}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={onDrop}
    >
      <header className={styles.libraryHeader}>
        <h1>Architecture diagrams</h1>
        <p className={styles.muted}>
          Draw the system you would put on the whiteboard: clients, the request path, data and
          training flows, online and offline parts. Diagrams are saved in this browser only.
        </p>
        <div className={styles.actions}>
          <button
            type="button"
            className="button button-primary"
            onClick={() => void create()}
            disabled={loading}
            data-testid="new-diagram"
          >
            New diagram
          </button>
          <button
            type="button"
            className="button"
            onClick={() => fileInput.current?.click()}
            disabled={loading || busy}
          >
            Import a file…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,.svg,application/json,image/svg+xml"
            hidden
            data-testid="library-import-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </div>
        <p className={styles.muted}>
          You can also drop a diagram file (.json, or an .svg exported here) on this page.
        </p>
      </header>
      <LibraryBanner />
      <NoticeBanner />
      {(error || importError) && (
        <p role="alert" className={styles.error} data-testid="import-error">
          {error || importError}
        </p>
      )}

      <section aria-labelledby="my-diagrams" className={styles.section}>
        <h2 id="my-diagrams">My diagrams</h2>
        {loading ? (
          <p className={styles.muted}>Loading…</p>
        ) : sorted.length === 0 ? (
          <p className={styles.muted} data-testid="library-empty">
            No diagrams yet. Start a new one, or begin from a reference below.
          </p>
        ) : (
          <ul className={styles.entries}>
            {sorted.map((entry) => (
              <EntryRow
                key={entry.id}
                entry={entry}
                onDelete={() => setDeleting(entry)}
                onError={setError}
              />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="references" className={styles.section}>
        <h2 id="references">Start from a reference</h2>
        <ul className={styles.cards}>
          {REFERENCES.map((r) => (
            <li key={r.caseId} className={styles.card}>
              <h3>{r.title.split(':')[0]}</h3>
              <p className={styles.muted}>{r.summary}</p>
              <Link
                href={`/diagrams/?ref=${encodeURIComponent(r.caseId)}`}
                className="button"
                data-testid={`reference-${r.caseId}`}
              >
                View the reference
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <ConfirmDialog
        open={deleting !== null}
        title="Delete this diagram?"
        confirmLabel="Delete"
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          const entry = deleting;
          setDeleting(null);
          if (!entry) return;
          const outcome = await library.getState().remove(entry.id);
          if (!outcome.ok) setError(outcome.message);
        }}
      >
        “{deleting?.title}” will be removed from this browser. This cannot be undone; export it
        first if you may want it back.
      </ConfirmDialog>
    </div>
  );
}

function EntryRow({
  entry,
  onDelete,
  onError,
}: {
  entry: LibraryEntry;
  onDelete: () => void;
  onError: (message: string) => void;
}) {
  const library = useLibraryApi();
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(entry.title);
  const updated = entry.updatedAt ? new Date(entry.updatedAt).toLocaleString() : '';

  const rename = async () => {
    setRenaming(false);
    if (title === entry.title) return;
    const outcome = await library.getState().rename(entry.id, title);
    if (!outcome.ok) onError(outcome.message);
  };

  return (
    <li className={styles.entry} data-testid="library-entry" data-id={entry.id}>
      {renaming ? (
        <form
          className={styles.renameForm}
          onSubmit={(e) => {
            e.preventDefault();
            void rename();
          }}
        >
          <label className="visually-hidden" htmlFor={`rename-${entry.id}`}>
            New title
          </label>
          <input
            id={`rename-${entry.id}`}
            value={title}
            maxLength={MAX_TITLE_LENGTH}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="rename-input"
            // eslint-disable-next-line jsx-a11y/no-autofocus -- the field replaces the button just pressed
            autoFocus
          />
          <button type="submit" className="button" data-testid="rename-save">
            Save
          </button>
          <button type="button" className="button" onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <div className={styles.entryMain}>
          <Link
            href={diagramHref(entry.id)}
            className={styles.entryTitle}
            data-testid="open-diagram"
          >
            {entry.title.trim() === '' ? 'Untitled diagram' : entry.title}
          </Link>
          {updated && <span className={styles.muted}>Saved {updated}</span>}
        </div>
      )}
      {!renaming && (
        <div className={styles.entryActions}>
          <button
            type="button"
            className="button"
            onClick={() => {
              setTitle(entry.title);
              setRenaming(true);
            }}
            data-testid="rename-diagram"
          >
            Rename<span className="visually-hidden"> {entry.title}</span>
          </button>
          <button
            type="button"
            className="button"
            onClick={() =>
              void library
                .getState()
                .duplicate(entry.id)
                .then((o) => !o.ok && onError(o.message))
            }
            data-testid="duplicate-diagram"
          >
            Duplicate<span className="visually-hidden"> {entry.title}</span>
          </button>
          <button type="button" className="button" onClick={onDelete} data-testid="delete-diagram">
            Delete<span className="visually-hidden"> {entry.title}</span>
          </button>
        </div>
      )}
    </li>
  );
}
