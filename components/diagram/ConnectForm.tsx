'use client';

import { useId, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { EDGE_KINDS, EDGE_KIND_INFO, MAX_LABEL_LENGTH, type EdgeKind } from '@/lib/diagram';
import { useEditor } from './store/EditorProvider';
import styles from './editor.module.css';

/**
 * Connecting without a mouse: the selected node is the start; pick the end from a list of every
 * other component, the kind and an optional label.
 */
export function ConnectForm({ source }: { source: string }) {
  const options = useEditor(
    useShallow((s) =>
      s.nodes
        .filter((n) => n.id !== source && n.type !== 'area')
        .map((n) => `${n.id}\u0000${n.ariaLabel ?? n.id}`),
    ),
  );
  const defaultKind = useEditor((s) => s.edgeKind);
  const connect = useEditor((s) => s.connect);
  const announce = useEditor((s) => s.announce);
  const [target, setTarget] = useState('');
  const [kind, setKind] = useState<EdgeKind | ''>('');
  const [label, setLabel] = useState('');
  const [message, setMessage] = useState('');
  const uid = useId();

  if (options.length === 0)
    return <p className={styles.hint}>Add another component to connect this one to it.</p>;

  const parsed = options.map((o) => o.split('\u0000') as [string, string]);
  const chosen = parsed.some(([id]) => id === target) ? target : '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      setMessage('Choose the component to connect to.');
      return;
    }
    const id = connect(source, chosen, kind || defaultKind, label, false);
    if (id) {
      setLabel('');
      setMessage('Connected.');
    } else {
      const text = 'These two are already connected this way.';
      setMessage(text);
      announce(text);
    }
  };

  return (
    <form className={styles.connectForm} onSubmit={submit} data-testid="connect-form">
      <h3 className={styles.subTitle}>Connect to another component</h3>
      <label className={styles.field} htmlFor={`${uid}-target`}>
        To
      </label>
      <select
        id={`${uid}-target`}
        value={chosen}
        onChange={(e) => setTarget(e.target.value)}
        data-testid="connect-target"
      >
        <option value="">Choose a component…</option>
        {parsed.map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </select>
      <label className={styles.field} htmlFor={`${uid}-kind`}>
        Kind
      </label>
      <select
        id={`${uid}-kind`}
        value={kind || defaultKind}
        onChange={(e) => setKind(e.target.value as EdgeKind)}
        data-testid="connect-kind"
      >
        {EDGE_KINDS.map((k) => (
          <option key={k} value={k}>
            {EDGE_KIND_INFO[k].label}
          </option>
        ))}
      </select>
      <label className={styles.field} htmlFor={`${uid}-label`}>
        Label (optional)
      </label>
      <input
        id={`${uid}-label`}
        type="text"
        maxLength={MAX_LABEL_LENGTH}
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        data-testid="connect-label"
      />
      <button type="submit" className="button button-primary" data-testid="connect-submit">
        Connect
      </button>
      <p className={styles.formMessage} role="status">
        {message}
      </p>
    </form>
  );
}
