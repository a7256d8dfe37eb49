'use client';

import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NODE_KIND_INFO } from '@/lib/diagram';
import type { AreaFlowNode } from '../flow';
import { KindIcon } from '../icons';
import { useEditorApi } from '../store/EditorProvider';
import styles from './nodes.module.css';

/** An online or offline area: a labelled frame other nodes sit in (their parentId). */
export const AreaNode = memo(function AreaNode({
  data,
  selected,
  draggable,
}: NodeProps<AreaFlowNode>) {
  const store = useEditorApi();
  const info = NODE_KIND_INFO[data.kind];
  return (
    <div
      className={styles.area}
      data-area={data.kind === 'online-area' ? 'online' : 'offline'}
      data-testid="diagram-node"
      data-kind={data.kind}
      data-selected={selected ? 'true' : 'false'}
    >
      {draggable && (
        <NodeResizer
          isVisible={selected}
          minWidth={160}
          minHeight={120}
          onResizeStart={() => store.getState().beginGesture()}
          onResizeEnd={() => store.getState().endGesture()}
        />
      )}
      <div className={styles.areaHeader}>
        <KindIcon kind={data.kind} size={18} />
        <span className={styles.label} data-testid="node-label">
          {data.label.trim() === '' ? info.label : data.label}
        </span>
      </div>
      {data.notes !== '' && (
        <span className={styles.areaNotes} data-testid="node-notes">
          {data.notes}
        </span>
      )}
    </div>
  );
});
