'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import styles from './screens.module.css';

/** A modal question (native <dialog>: focus is trapped, Escape cancels, focus returns after). */
export function ConfirmDialog({
  open,
  title,
  confirmLabel,
  onConfirm,
  onCancel,
  children,
}: {
  open: boolean;
  title: string;
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  onCancel: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const uid = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={`${uid}-title`}
      aria-describedby={`${uid}-body`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      data-testid="confirm-dialog"
    >
      <h2 id={`${uid}-title`}>{title}</h2>
      <p id={`${uid}-body`}>{children}</p>
      <div className={styles.actions}>
        <button type="button" className="button" onClick={onCancel} data-testid="confirm-cancel">
          Cancel
        </button>
        <button
          type="button"
          className={`button ${styles.dangerButton}`}
          onClick={() => void onConfirm()}
          data-testid="confirm-ok"
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
