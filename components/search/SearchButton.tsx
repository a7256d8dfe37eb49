'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type MiniSearch from 'minisearch';
import {
  loadSearchIndex,
  search,
  type SearchDoc,
  type SearchHit,
} from '@/lib/content/search-index';
import styles from './search.module.css';

type IndexState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; index: MiniSearch<SearchDoc> }
  | { kind: 'failed'; message: string };

/** A search box over every lesson section; the index (built at build time) loads on first open. */
export function SearchButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState<IndexState>({ kind: 'idle' });
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const hits: SearchHit[] = state.kind === 'ready' ? search(state.index, query) : [];

  const ensureIndex = useCallback(() => {
    if (state.kind === 'ready' || state.kind === 'loading') return;
    setState({ kind: 'loading' });
    fetch('/search-index.json')
      .then((r) => {
        if (!r.ok) throw new Error(`the index answered ${r.status}`);
        return r.text();
      })
      .then((text) => setState({ kind: 'ready', index: loadSearchIndex(text) }))
      .catch((error: unknown) =>
        setState({
          kind: 'failed',
          message: error instanceof Error ? error.message : String(error),
        }),
      );
  }, [state.kind]);

  const open = useCallback(() => {
    ensureIndex();
    dialog.current?.showModal();
  }, [ensureIndex]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing =
        e.target instanceof HTMLElement &&
        (e.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.target.tagName));
      if ((e.key === 'k' && (e.metaKey || e.ctrlKey)) || (e.key === '/' && !typing)) {
        e.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  const go = (hit: SearchHit | undefined) => {
    if (!hit) return;
    dialog.current?.close();
    window.location.assign(hit.url);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Enter') go(hits[active]);
    else return;
    e.preventDefault();
  };

  return (
    <>
      <button
        type="button"
        className={`button ${styles.trigger}`}
        onClick={open}
        aria-keyshortcuts="Control+K /"
        aria-label="Search lessons"
        data-testid="search-open"
      >
        <span aria-hidden="true">⌕</span> <span className={styles.label}>Search</span>{' '}
        <kbd className={styles.kbd}>/</kbd>
      </button>
      <dialog
        ref={dialog}
        className={styles.dialog}
        aria-label="Search lessons"
        onClose={() => setQuery('')}
      >
        <div className={styles.box}>
          <label htmlFor="site-search" className="visually-hidden">
            Search lessons
          </label>
          <input
            id="site-search"
            className={styles.input}
            type="text"
            placeholder="Search lessons (e.g. calibration, two-tower, drift)"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            autoComplete="off"
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls="search-results"
            aria-activedescendant={hits[active] ? `search-hit-${active}` : undefined}
            data-testid="search-input"
          />
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
        {state.kind === 'loading' && <p className={styles.status}>Loading the index…</p>}
        {state.kind === 'failed' && (
          <p className={styles.status} role="alert">
            Search is unavailable: {state.message}.
          </p>
        )}
        {state.kind === 'ready' && query.trim() !== '' && hits.length === 0 && (
          <p className={styles.status}>No lesson mentions “{query}”.</p>
        )}
        <ul id="search-results" role="listbox" className={styles.results} aria-label="Results">
          {hits.map((hit, i) => (
            <li
              key={hit.id}
              id={`search-hit-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? styles.active : undefined}
            >
              <a
                href={hit.url}
                onClick={(e) => {
                  e.preventDefault();
                  go(hit);
                }}
                data-testid="search-hit"
              >
                <span className={styles.hitTitle}>{hit.heading}</span>
                <span className={styles.hitLesson}>{hit.title}</span>
                <span className={styles.hitSnippet}>{hit.snippet}</span>
              </a>
            </li>
          ))}
        </ul>
      </dialog>
    </>
  );
}
