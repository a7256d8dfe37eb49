'use client';

import { useId } from 'react';
import { embedCode, shareUrl } from './export-files';
import { useEditorApi } from './store/EditorProvider';
import styles from './editor.module.css';

export type ShareResult =
  { what: 'link' | 'embed'; text: string; copied: boolean } | { what: 'error'; text: string };

/**
 * "Copy link" and "Copy embed code". The diagram travels inside the link's fragment (after #),
 * which browsers never send to a server. The text also stays on screen, selectable, in case the
 * clipboard is not available.
 */
export function ShareButtons({ onResult }: { onResult: (result: ShareResult) => void }) {
  const store = useEditorApi();

  const copy = async (what: 'link' | 'embed') => {
    const diagram = store.getState().toDiagram();
    const made = what === 'link' ? shareUrl(diagram) : embedCode(diagram);
    if (!made.ok) {
      onResult({ what: 'error', text: made.message });
      return;
    }
    let copied = true;
    try {
      await navigator.clipboard.writeText(made.url);
    } catch {
      copied = false;
    }
    onResult({ what, text: made.url, copied });
  };

  return (
    <span className={styles.share}>
      <button
        type="button"
        className="button"
        onClick={() => void copy('link')}
        data-testid="copy-link"
      >
        Copy link
      </button>
      <button
        type="button"
        className="button"
        onClick={() => void copy('embed')}
        data-testid="copy-embed"
      >
        Copy embed code
      </button>
    </span>
  );
}

/** The confirmation under the toolbar, with the text itself (selectable) in case the clipboard failed. */
export function ShareStatus({ result }: { result: ShareResult | null }) {
  const uid = useId();
  return (
    <div role="status" className={styles.shareStatus} data-testid="share-status">
      {result?.what === 'error' && <p className={styles.error}>{result.text}</p>}
      {result && result.what !== 'error' && (
        <>
          <p>
            {result.copied
              ? result.what === 'link'
                ? '✓ Link copied: it opens this diagram read-only (the diagram is inside the link).'
                : '✓ Embed code copied: paste it into a web page.'
              : 'Copy it from this box (the clipboard is not available here):'}
          </p>
          <label className="visually-hidden" htmlFor={`${uid}-text`}>
            {result.what === 'link' ? 'Share link' : 'Embed code'}
          </label>
          <input
            id={`${uid}-text`}
            className={styles.shareText}
            readOnly
            value={result.text}
            onFocus={(e) => e.currentTarget.select()}
            data-testid={result.what === 'link' ? 'share-url' : 'embed-code'}
          />
        </>
      )}
    </div>
  );
}
