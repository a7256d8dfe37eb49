'use client';

import { useId, useMemo, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  EDGE_KINDS,
  EDGE_KIND_INFO,
  MAX_LABEL_LENGTH,
  MAX_NOTES_LENGTH,
  NODE_KIND_INFO,
  type EdgeKind,
} from '@/lib/diagram';
import { ConnectForm } from './ConnectForm';
import { KindIcon } from './icons';
import { useEditor } from './store/EditorProvider';
import type { EditorState } from './store/editor-store';
import styles from './editor.module.css';

function selectionKey(s: EditorState): string {
  const nodes = s.nodes.filter((n) => n.selected).map((n) => n.id);
  const edges = s.edges.filter((e) => e.selected).map((e) => e.id);
  return JSON.stringify([nodes, edges]);
}

export function useSelection(): { nodeIds: string[]; edgeIds: string[] } {
  const key = useEditor(selectionKey);
  return useMemo(() => {
    const [nodeIds, edgeIds] = JSON.parse(key) as [string[], string[]];
    return { nodeIds, edgeIds };
  }, [key]);
}

/** The side panel: details of what is selected, editable unless the view is read-only. */
export function Inspector({ labelRef }: { labelRef?: RefObject<HTMLTextAreaElement | null> }) {
  const { nodeIds, edgeIds } = useSelection();
  const uid = useId();
  let body;
  if (nodeIds.length === 1 && edgeIds.length === 0)
    body = <NodePanel id={nodeIds[0]!} labelRef={labelRef} />;
  else if (edgeIds.length === 1 && nodeIds.length === 0) body = <EdgePanel id={edgeIds[0]!} />;
  else if (nodeIds.length + edgeIds.length > 1)
    body = <MultiPanel nodes={nodeIds.length} edges={edgeIds.length} />;
  else body = <EmptyPanel />;
  return (
    <section className={styles.inspector} aria-labelledby={`${uid}-title`} data-testid="inspector">
      <h2 id={`${uid}-title`} className={styles.panelTitle}>
        Details
      </h2>
      {body}
    </section>
  );
}

function EmptyPanel() {
  const readOnly = useEditor((s) => s.readOnly);
  const count = useEditor((s) => s.nodes.length);
  if (readOnly)
    return <p className={styles.hint}>Select a component to read its notes and connections.</p>;
  return (
    <div className={styles.hint}>
      <p>
        {count === 0
          ? 'The canvas is empty: add a component from the list.'
          : 'Nothing is selected.'}
      </p>
      <ul className={styles.tips}>
        <li>Tab to a node, Enter selects it, arrow keys move it (Shift: bigger steps).</li>
        <li>Delete removes what is selected; Ctrl+Z undoes, Ctrl+Shift+Z or Ctrl+Y redoes.</li>
        <li>Ctrl+C, Ctrl+V and Ctrl+D copy, paste and duplicate; Ctrl+A selects everything.</li>
        <li>Shift+drag selects an area; Ctrl+click adds to the selection.</li>
      </ul>
    </div>
  );
}

function NodePanel({
  id,
  labelRef,
}: {
  id: string;
  labelRef?: RefObject<HTMLTextAreaElement | null>;
}) {
  const data = useEditor((s) => s.nodes.find((n) => n.id === id)?.data);
  const readOnly = useEditor((s) => s.readOnly);
  const setNodeText = useEditor((s) => s.setNodeText);
  const deleteSelection = useEditor((s) => s.deleteSelection);
  const uid = useId();
  if (!data) return null;
  const info = NODE_KIND_INFO[data.kind];
  return (
    <div className={styles.panelBody} data-testid="node-panel">
      <p className={styles.kindLine}>
        <KindIcon kind={data.kind} /> {info.label}
      </p>
      <p className={styles.hint}>{info.description}</p>
      {readOnly ? (
        <>
          <h3 className={styles.readLabel} data-testid="inspector-label-text">
            {data.label}
          </h3>
          {data.notes !== '' && (
            <p className={styles.readNotes} data-testid="inspector-notes-text">
              {data.notes}
            </p>
          )}
        </>
      ) : (
        <>
          <label className={styles.field} htmlFor={`${uid}-label`}>
            Label
          </label>
          <textarea
            id={`${uid}-label`}
            ref={labelRef}
            rows={2}
            maxLength={MAX_LABEL_LENGTH}
            value={data.label}
            onChange={(e) => setNodeText(id, { label: e.target.value })}
            data-testid="inspector-label"
          />
          <label className={styles.field} htmlFor={`${uid}-notes`}>
            Notes
          </label>
          <textarea
            id={`${uid}-notes`}
            rows={5}
            maxLength={MAX_NOTES_LENGTH}
            value={data.notes}
            onChange={(e) => setNodeText(id, { notes: e.target.value })}
            data-testid="inspector-notes"
          />
        </>
      )}
      {data.kind !== 'online-area' && data.kind !== 'offline-area' && (
        <>
          <NodeConnections id={id} />
          {!readOnly && <ConnectForm source={id} />}
        </>
      )}
      {!readOnly && (
        <button
          type="button"
          className={`button ${styles.danger}`}
          onClick={deleteSelection}
          data-testid="delete-selection"
        >
          Delete {data.kind.endsWith('-area') ? 'area (keeps what is inside)' : 'node'}
        </button>
      )}
    </div>
  );
}

function NodeConnections({ id }: { id: string }) {
  const rows = useEditor(
    useShallow((s) =>
      s.edges
        .filter((e) => e.source === id || e.target === id)
        .map((e) => `${e.id}\u0000${e.ariaLabel ?? ''}`),
    ),
  );
  const selectOnly = useEditor((s) => s.selectOnly);
  if (rows.length === 0) return <p className={styles.hint}>No connections yet.</p>;
  return (
    <>
      <h3 className={styles.subTitle}>Connections</h3>
      <ul className={styles.connections} data-testid="node-connections">
        {rows.map((row) => {
          const [edgeId, label] = row.split('\u0000') as [string, string];
          return (
            <li key={edgeId}>
              <button
                type="button"
                className={styles.linkButton}
                onClick={() => selectOnly([], [edgeId])}
              >
                {label}
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function EdgePanel({ id }: { id: string }) {
  const edge = useEditor((s) => s.edges.find((e) => e.id === id));
  const readOnly = useEditor((s) => s.readOnly);
  const setEdge = useEditor((s) => s.setEdge);
  const deleteSelection = useEditor((s) => s.deleteSelection);
  const uid = useId();
  if (!edge?.data) return null;
  const { kind, label } = edge.data;
  return (
    <div className={styles.panelBody} data-testid="edge-panel">
      <p className={styles.kindLine}>Connection</p>
      <p data-testid="edge-description">{edge.ariaLabel}</p>
      {!readOnly && (
        <>
          <label className={styles.field} htmlFor={`${uid}-kind`}>
            Kind
          </label>
          <select
            id={`${uid}-kind`}
            value={kind}
            onChange={(e) => setEdge(id, { kind: e.target.value as EdgeKind })}
            data-testid="edge-kind"
          >
            {EDGE_KINDS.map((k) => (
              <option key={k} value={k}>
                {EDGE_KIND_INFO[k].label}
              </option>
            ))}
          </select>
          <label className={styles.field} htmlFor={`${uid}-label`}>
            Label
          </label>
          <input
            id={`${uid}-label`}
            type="text"
            maxLength={MAX_LABEL_LENGTH}
            value={label}
            onChange={(e) => setEdge(id, { label: e.target.value })}
            data-testid="edge-label-input"
          />
          <button
            type="button"
            className={`button ${styles.danger}`}
            onClick={deleteSelection}
            data-testid="delete-selection"
          >
            Delete connection
          </button>
        </>
      )}
    </div>
  );
}

function MultiPanel({ nodes, edges }: { nodes: number; edges: number }) {
  const readOnly = useEditor((s) => s.readOnly);
  const deleteSelection = useEditor((s) => s.deleteSelection);
  const duplicate = useEditor((s) => s.duplicate);
  return (
    <div className={styles.panelBody} data-testid="multi-panel">
      <p>
        {nodes} {nodes === 1 ? 'node' : 'nodes'} and {edges}{' '}
        {edges === 1 ? 'connection' : 'connections'} selected.
      </p>
      {!readOnly && (
        <div className={styles.row}>
          {nodes > 0 && (
            <button type="button" className="button" onClick={duplicate}>
              Duplicate
            </button>
          )}
          <button
            type="button"
            className={`button ${styles.danger}`}
            onClick={deleteSelection}
            data-testid="delete-selection"
          >
            Delete
          </button>
        </div>
      )}
    </div>
  );
}
