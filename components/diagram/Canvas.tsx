'use client';

import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore as useFlowStore,
  type Connection,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type OnMove,
  type OnNodeDrag,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useState, type DragEvent } from 'react';
import { NODE_KIND_INFO, isNodeKind, type NodeCategory } from '@/lib/diagram';
import type { DiagramFlowEdge, DiagramFlowNode } from './flow';
import { Legend } from './Legend';
import { nodeTypes, edgeTypes } from './nodes/types';
import { useEditor, useEditorApi } from './store/EditorProvider';
import styles from './editor.module.css';

export const PALETTE_MIME = 'application/x-mlsd-node-kind';
const SNAP_GRID: [number, number] = [20, 20];
/**
 * Below this zoom, icons are a few pixels wide and connection points too small to grab, so they
 * are not drawn: with a thousand nodes on screen that lifts panning from about 26 to 48 fps
 * (scripts/bench-diagram.ts, 2 cores, no GPU). Labels, colours and arrows stay.
 */
export const LOW_DETAIL_ZOOM = 0.4;

const ARIA = {
  'node.a11yDescription.default':
    'Press Enter or Space to select this node. With it selected, use the arrow keys to move it (hold Shift for bigger steps) and Delete to remove it; the side panel renames it and connects it to other nodes.',
  'node.a11yDescription.keyboardDisabled':
    'Press Enter or Space to select this node; its details are shown beside the diagram.',
  'edge.a11yDescription.default':
    'Press Enter or Space to select this connection; then the side panel changes its kind and label, and Delete removes it.',
  'controls.ariaLabel': 'Zoom controls',
  'controls.zoomIn.ariaLabel': 'Zoom in',
  'controls.zoomOut.ariaLabel': 'Zoom out',
  'controls.fitView.ariaLabel': 'Zoom to fit the whole diagram',
  'minimap.ariaLabel': 'Overview map of the whole diagram',
  'handle.ariaLabel': 'Connection point',
};

const MINIMAP_COLOR = {
  client: 'var(--cat-client)',
  serving: 'var(--cat-serving)',
  data: 'var(--cat-data)',
  training: 'var(--cat-training)',
  ops: 'var(--cat-ops)',
  area: 'var(--minimap-area)',
  annotation: 'var(--cat-note)',
} satisfies Record<NodeCategory, string>;

function minimapColor(node: DiagramFlowNode): string {
  return MINIMAP_COLOR[NODE_KIND_INFO[node.data.kind].category];
}

const isValidConnection: IsValidConnection<DiagramFlowEdge> = (c) => c.source !== c.target;

export interface CanvasProps {
  /** Fit the whole diagram on screen at first (read-only views, or never-viewed diagrams). */
  fit?: boolean;
  /** Called on a double click on a node (the editor focuses the label field). */
  onNodeOpen?: (id: string) => void;
  /** For pages that link nodes to other content (a click on a node in a read-only view). */
  onNodeClick?: (id: string) => void;
  snapToGrid?: boolean;
  minimap?: boolean;
  /**
   * React Flow's onlyRenderVisibleElements. Off by default: with 1,000 nodes it halved the pan
   * frame rate (every frame recomputes what is visible) while drags were fast enough without it
   * (scripts/bench-diagram.ts measures both; `?render=visible` in the editor turns it on).
   */
  visibleOnly?: boolean;
}

export function Canvas({
  fit = false,
  onNodeOpen,
  onNodeClick,
  snapToGrid = true,
  minimap = true,
  visibleOnly,
}: CanvasProps) {
  const store = useEditorApi();
  const nodes = useEditor((s) => s.nodes);
  const edges = useEditor((s) => s.edges);
  const readOnly = useEditor((s) => s.readOnly);
  const [initialViewport] = useState(() => store.getState().viewport);
  const zoomedOut = useFlowStore((s) => s.transform[2] < LOW_DETAIL_ZOOM);
  const { screenToFlowPosition } = useReactFlow();

  const onNodesChange = useCallback(
    (changes: NodeChange<DiagramFlowNode>[]) => store.getState().onNodesChange(changes),
    [store],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<DiagramFlowEdge>[]) => store.getState().onEdgesChange(changes),
    [store],
  );
  const onConnect = useCallback(
    (c: Connection) => void store.getState().connect(c.source, c.target),
    [store],
  );
  const onDragStart = useCallback(() => store.getState().beginGesture(), [store]);
  const onNodeDragStop: OnNodeDrag<DiagramFlowNode> = useCallback(
    (_event, _node, dragged) => store.getState().endGesture(dragged.map((n) => n.id)),
    [store],
  );
  const onSelectionDragStop = useCallback(
    (_event: unknown, dragged: DiagramFlowNode[]) =>
      store.getState().endGesture(dragged.map((n) => n.id)),
    [store],
  );
  const onMoveEnd: OnMove = useCallback((_event, vp) => store.getState().setViewport(vp), [store]);
  const onNodeDoubleClick = useCallback(
    (_event: unknown, node: DiagramFlowNode) => onNodeOpen?.(node.id),
    [onNodeOpen],
  );
  const onNodeClickHandler = useCallback(
    (_event: unknown, node: DiagramFlowNode) => onNodeClick?.(node.id),
    [onNodeClick],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(PALETTE_MIME)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME);
      if (!isNodeKind(kind)) return;
      event.preventDefault();
      event.stopPropagation();
      store.getState().addNode(kind, screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [store, screenToFlowPosition],
  );

  return (
    <div
      className={`${styles.canvas} ${zoomedOut ? styles.zoomedOut : ''}`}
      data-detail={zoomedOut ? 'low' : 'full'}
      onDragOver={onDragOver}
      onDrop={onDrop}
      data-testid="diagram-canvas"
    >
      <ReactFlow<DiagramFlowNode, DiagramFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeDragStart={onDragStart}
        onNodeDragStop={onNodeDragStop}
        onSelectionDragStart={onDragStart}
        onSelectionDragStop={onSelectionDragStop}
        onNodeDoubleClick={onNodeOpen ? onNodeDoubleClick : undefined}
        onNodeClick={onNodeClick ? onNodeClickHandler : undefined}
        onMoveEnd={onMoveEnd}
        isValidConnection={isValidConnection}
        defaultViewport={initialViewport}
        fitView={fit}
        fitViewOptions={FIT_OPTIONS}
        minZoom={0.05}
        maxZoom={4}
        snapToGrid={snapToGrid}
        snapGrid={SNAP_GRID}
        deleteKeyCode={null}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={false}
        onlyRenderVisibleElements={visibleOnly ?? false}
        ariaLabelConfig={ARIA}
        zoomOnDoubleClick={false}
      >
        <Background gap={20} />
        <Controls showInteractive={false} />
        {minimap && (
          <MiniMap pannable zoomable nodeColor={minimapColor} className={styles.minimap} />
        )}
        <Legend />
      </ReactFlow>
    </div>
  );
}

const FIT_OPTIONS = { padding: 0.1, maxZoom: 1.2 };
