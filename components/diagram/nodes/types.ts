import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { FlowEdge } from '../edges/FlowEdge';
import type { FlowNodeType } from '../flow';
import { AreaNode } from './AreaNode';
import { ComponentNode, NoteNode } from './ComponentNode';

/** Declared once at module scope: a new object per render would remount every node. */
export const nodeTypes = {
  component: ComponentNode,
  note: NoteNode,
  area: AreaNode,
} satisfies Record<FlowNodeType, NodeTypes[string]>;

export const edgeTypes = { flow: FlowEdge } satisfies EdgeTypes;
