'use client';

import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { decodeShareFragment } from '@/lib/diagram';
import { DiagramViewer } from '../DiagramViewer';
import { isShareHash, useHash } from './DiagramsApp';
import styles from './embed.module.css';

/**
 * /embed/#d=…: just the diagram, for other sites' iframes. Pan and zoom, nothing else; the
 * diagram comes from the link (through restoreDiagram) and nothing is stored.
 */
const noop = () => () => {};

export function EmbedApp() {
  const hash = useHash();
  const hydrated = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  // Only the diagram in the frame: the site header leaves the page (and the tab order).
  useEffect(() => {
    const header = document.querySelector<HTMLElement>('body > header');
    if (!header) return;
    header.style.display = 'none';
    return () => {
      header.style.display = '';
    };
  }, []);
  const result = useMemo(() => (isShareHash(hash) ? decodeShareFragment(hash) : null), [hash]);

  return (
    <div className={styles.embed} data-embed-root="" data-testid="embed">
      {result === null ? (
        <p className={styles.message} data-testid="embed-empty">
          {hydrated ? 'This embed link holds no diagram.' : 'Loading the diagram…'}
        </p>
      ) : !result.ok ? (
        <p className={styles.message} role="alert" data-testid="embed-error">
          {result.error.message}
        </p>
      ) : (
        <>
          <h1 className="visually-hidden">{result.diagram.title}</h1>
          <DiagramViewer
            diagram={result.diagram}
            details={false}
            minimap={false}
            fill
            className={styles.canvas}
          />
          <a
            className={styles.open}
            href={`/diagrams/${hash}`}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="embed-open"
          >
            Open in MLSD Lab ↗
          </a>
        </>
      )}
    </div>
  );
}
