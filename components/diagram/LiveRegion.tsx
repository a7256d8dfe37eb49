'use client';

import { useEditor } from './store/EditorProvider';
import styles from './editor.module.css';

/** Says what an edit did (for screen readers), and shows an edit that was refused. */
export function LiveRegion() {
  const announcement = useEditor((s) => s.announcement);
  const refusal = useEditor((s) => s.refusal);
  return (
    <>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcement">
        {announcement}
      </div>
      {refusal && (
        <p className={styles.error} role="alert">
          {refusal}
        </p>
      )}
    </>
  );
}
