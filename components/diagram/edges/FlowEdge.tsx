'use client';

import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { EdgeKind } from '@/lib/diagram';
import type { DiagramFlowEdge } from '../flow';
import { fitText } from '../nodes/fit-text';
import styles from './edges.module.css';

/** Colour and line pattern per kind: fixed class names, never anything taken from the data. */
export const EDGE_CLASS = {
  request: styles.request!,
  data: styles.data!,
  training: styles.training!,
} satisfies Record<EdgeKind, string>;

export const FlowEdge = memo(function FlowEdge({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
  markerEnd,
  selected,
}: EdgeProps<DiagramFlowEdge>) {
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const kind = data?.kind ?? 'data';
  const label = data?.label ?? '';
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`${styles.path} ${EDGE_CLASS[kind]} ${selected ? styles.selected : ''}`}
      />
      {label !== '' && (
        <EdgeLabelRenderer>
          <div
            className={`${styles.label} ${EDGE_CLASS[kind]} nodrag nopan`}
            data-testid="edge-label"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {fitText(label, 32)}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
