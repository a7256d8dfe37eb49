'use client';

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NODE_KIND_INFO } from '@/lib/diagram';
import type { ComponentFlowNode, NoteFlowNode } from '../flow';
import { KindIcon } from '../icons';
import { charsPerLine, fitLines, fitText } from './fit-text';
import styles from './nodes.module.css';

/** A building block on the canvas: icon, label and the first line of its notes, as plain text. */
export const ComponentNode = memo(function ComponentNode({
  data,
  selected,
  isConnectable,
  width = 180,
  height = 64,
}: NodeProps<ComponentFlowNode>) {
  const info = NODE_KIND_INFO[data.kind];
  const chars = charsPerLine(width, 13);
  const labelLines = Math.max(1, Math.min(3, Math.floor((height - 32) / 16)));
  return (
    <div
      className={styles.component}
      data-category={info.category}
      data-testid="diagram-node"
      data-kind={data.kind}
      data-selected={selected ? 'true' : 'false'}
      title={info.description}
    >
      <Handle type="target" position={Position.Left} isConnectable={isConnectable} />
      <span className={styles.icon} data-node-icon="">
        <KindIcon kind={data.kind} size={20} />
      </span>
      <span className={styles.text}>
        <span className={styles.label} data-testid="node-label">
          {fitText(data.label.trim() === '' ? info.label : data.label, chars * labelLines)}
        </span>
        {data.notes !== '' && (
          <span className={styles.notes} data-testid="node-notes">
            {fitText(data.notes, charsPerLine(width, 12))}
          </span>
        )}
      </span>
      <Handle type="source" position={Position.Right} isConnectable={isConnectable} />
    </div>
  );
});

/** Free text on the canvas. */
export const NoteNode = memo(function NoteNode({
  data,
  selected,
  isConnectable,
  width = 220,
  height = 100,
}: NodeProps<NoteFlowNode>) {
  const chars = Math.max(4, Math.floor((width - 26) / 6.7));
  return (
    <div
      className={styles.note}
      data-testid="diagram-node"
      data-kind="note"
      data-selected={selected ? 'true' : 'false'}
    >
      <Handle type="target" position={Position.Left} isConnectable={isConnectable} />
      <span className={styles.label} data-testid="node-label">
        {fitText(data.label, chars)}
      </span>
      {data.notes !== '' && (
        <span className={styles.noteText} data-testid="node-notes">
          {fitLines(data.notes, chars, Math.max(1, Math.floor((height - 44) / 16)))}
        </span>
      )}
      <Handle type="source" position={Position.Right} isConnectable={isConnectable} />
    </div>
  );
});
