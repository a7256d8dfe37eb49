'use client';

import { Panel } from '@xyflow/react';
import { useId } from 'react';
import { EDGE_KINDS, EDGE_KIND_INFO, type EdgeKind } from '@/lib/diagram';
import { EDGE_CLASS } from './edges/FlowEdge';
import { useEditor } from './store/EditorProvider';
import edgeStyles from './edges/edges.module.css';
import styles from './editor.module.css';

function Sample({ kind }: { kind: EdgeKind }) {
  return (
    <svg
      width="36"
      height="10"
      aria-hidden="true"
      focusable="false"
      className={styles.legendSample}
    >
      <line x1="1" y1="5" x2="35" y2="5" className={`${edgeStyles.path} ${EDGE_CLASS[kind]}`} />
    </svg>
  );
}

/**
 * What the three connection kinds look like (colour and line pattern, so they differ without
 * colour too). In the editor it also chooses the kind new connections get.
 */
export function Legend() {
  const readOnly = useEditor((s) => s.readOnly);
  const edgeKind = useEditor((s) => s.edgeKind);
  const setEdgeKind = useEditor((s) => s.setEdgeKind);
  const name = useId();

  if (readOnly)
    return (
      <Panel position="top-right" className={styles.legend} data-testid="diagram-legend">
        <p className={styles.legendTitle}>Connections</p>
        <ul>
          {EDGE_KINDS.map((kind) => (
            <li key={kind} title={EDGE_KIND_INFO[kind].description}>
              <Sample kind={kind} /> {EDGE_KIND_INFO[kind].label}
            </li>
          ))}
        </ul>
      </Panel>
    );

  return (
    <Panel position="top-right" className={styles.legend} data-testid="diagram-legend">
      <fieldset>
        <legend className={styles.legendTitle}>New connections</legend>
        {EDGE_KINDS.map((kind) => (
          <label key={kind} title={EDGE_KIND_INFO[kind].description}>
            <input
              type="radio"
              name={name}
              value={kind}
              checked={edgeKind === kind}
              onChange={() => setEdgeKind(kind)}
              data-testid={`new-edge-kind-${kind}`}
            />
            <Sample kind={kind} /> {EDGE_KIND_INFO[kind].label}
          </label>
        ))}
      </fieldset>
    </Panel>
  );
}
