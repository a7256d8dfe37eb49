import { MarkerType, type Edge, type EdgeMarker, type Node } from '@xyflow/react';
import {
  EDGE_KIND_INFO,
  MAX_COORDINATE,
  MAX_NODE_SIZE,
  MIN_NODE_SIZE,
  NODE_KIND_INFO,
  type Diagram,
  type DiagramEdge,
  type DiagramNode,
  type EdgeKind,
  type NodeKind,
  type Viewport,
} from '@/lib/diagram';

/**
 * The React Flow shapes of the diagram format. The editor keeps these in its store (React Flow
 * needs them for dragging and selection) and converts to and from lib/diagram's `Diagram`, the
 * only shape that is saved, exported, shared or kept in the undo history.
 */
export const AREA_KINDS = ['online-area', 'offline-area'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];
export type ComponentKind = Exclude<NodeKind, AreaKind | 'note'>;

export function isAreaKind(kind: NodeKind): kind is AreaKind {
  return (AREA_KINDS as readonly string[]).includes(kind);
}

type NodeData<K extends NodeKind> = { kind: K; label: string; notes: string };

export type ComponentFlowNode = Node<NodeData<ComponentKind>, 'component'>;
export type NoteFlowNode = Node<NodeData<'note'>, 'note'>;
export type AreaFlowNode = Node<NodeData<AreaKind>, 'area'>;
/** Discriminated by `type`: each has its own renderer in nodeTypes. */
export type DiagramFlowNode = ComponentFlowNode | NoteFlowNode | AreaFlowNode;
export type FlowNodeType = NonNullable<DiagramFlowNode['type']>;

export type FlowEdgeData = { kind: EdgeKind; label: string };
export type DiagramFlowEdge = Edge<FlowEdgeData, 'flow'>;

/** Arrowheads in each kind's colour (CSS variables, so they follow the theme). */
const EDGE_MARKERS = {
  request: { type: MarkerType.ArrowClosed, color: 'var(--edge-request)', width: 16, height: 16 },
  data: { type: MarkerType.ArrowClosed, color: 'var(--edge-data)', width: 16, height: 16 },
  training: { type: MarkerType.ArrowClosed, color: 'var(--edge-training)', width: 16, height: 16 },
} satisfies Record<EdgeKind, EdgeMarker>;

export function edgeMarker(kind: EdgeKind): EdgeMarker {
  return EDGE_MARKERS[kind];
}

export function nodeAriaLabel(kind: NodeKind, label: string): string {
  const kindLabel = NODE_KIND_INFO[kind].label;
  const text = label.trim();
  return text === '' || text === kindLabel ? kindLabel : `${text} (${kindLabel})`;
}

export function edgeAriaLabel(
  kind: EdgeKind,
  source: string | undefined,
  target: string | undefined,
  label: string,
): string {
  const base = `${EDGE_KIND_INFO[kind].label} from ${source ?? 'a missing node'} to ${target ?? 'a missing node'}`;
  return label.trim() === '' ? base : `${base}: ${label}`;
}

export function toFlowNode(n: DiagramNode, selected = false): DiagramFlowNode {
  const base = {
    id: n.id,
    position: { x: n.position.x, y: n.position.y },
    width: n.size.width,
    height: n.size.height,
    selected,
    ariaLabel: nodeAriaLabel(n.kind, n.label),
    ...(n.parentId === undefined ? {} : { parentId: n.parentId }),
  };
  const { kind, label, notes } = n;
  if (isAreaKind(kind)) return { ...base, type: 'area', data: { kind, label, notes } };
  if (kind === 'note') return { ...base, type: 'note', data: { kind, label, notes } };
  return { ...base, type: 'component', data: { kind, label, notes } };
}

export function toFlowEdge(
  e: DiagramEdge,
  labels: ReadonlyMap<string, string>,
  selected = false,
): DiagramFlowEdge {
  return {
    id: e.id,
    source: e.source,
    target: e.target,
    type: 'flow',
    selected,
    markerEnd: EDGE_MARKERS[e.kind],
    data: { kind: e.kind, label: e.label },
    ariaLabel: edgeAriaLabel(e.kind, labels.get(e.source), labels.get(e.target), e.label),
  };
}

/** Node id → the name a screen reader hears for it (label, or the kind's name when blank). */
export function labelMap(nodes: readonly DiagramFlowNode[] | readonly DiagramNode[]) {
  const map = new Map<string, string>();
  for (const n of nodes) {
    const kind = 'kind' in n ? n.kind : n.data.kind;
    const label = 'kind' in n ? n.label : n.data.label;
    map.set(n.id, label.trim() === '' ? NODE_KIND_INFO[kind].label : label);
  }
  return map;
}

export function fromDiagram(d: Diagram): { nodes: DiagramFlowNode[]; edges: DiagramFlowEdge[] } {
  const labels = labelMap(d.nodes);
  return {
    nodes: d.nodes.map((n) => toFlowNode(n)),
    edges: d.edges.map((e) => toFlowEdge(e, labels)),
  };
}

// Unchanged flow nodes convert to the same DiagramNode object, so undo snapshots share them.
const nodeCache = new WeakMap<DiagramFlowNode, DiagramNode>();
const edgeCache = new WeakMap<DiagramFlowEdge, DiagramEdge>();

export function toDiagramNode(f: DiagramFlowNode): DiagramNode {
  const cached = nodeCache.get(f);
  if (cached) return cached;
  const size = NODE_KIND_INFO[f.data.kind].defaultSize;
  const node: DiagramNode = {
    id: f.id,
    kind: f.data.kind,
    label: f.data.label,
    notes: f.data.notes,
    position: { x: coordinate(f.position.x), y: coordinate(f.position.y) },
    size: {
      width: extent(f.width ?? f.measured?.width ?? size.width),
      height: extent(f.height ?? f.measured?.height ?? size.height),
    },
  };
  if (f.parentId !== undefined) node.parentId = f.parentId;
  nodeCache.set(f, node);
  return node;
}

/** Keeps what the editor produces inside the format's limits (restore would otherwise repair it). */
function coordinate(v: number): number {
  if (!Number.isFinite(v)) return 0;
  const r = Math.round(v * 100) / 100;
  return Math.max(-MAX_COORDINATE, Math.min(MAX_COORDINATE, r)) || 0;
}

function extent(v: number): number {
  if (!Number.isFinite(v)) return MIN_NODE_SIZE;
  return Math.max(MIN_NODE_SIZE, Math.min(MAX_NODE_SIZE, Math.round(v * 100) / 100));
}

export function toDiagramEdge(f: DiagramFlowEdge): DiagramEdge {
  const cached = edgeCache.get(f);
  if (cached) return cached;
  const edge: DiagramEdge = {
    id: f.id,
    source: f.source,
    target: f.target,
    kind: f.data?.kind ?? 'data',
    label: f.data?.label ?? '',
  };
  edgeCache.set(f, edge);
  return edge;
}

export function toDiagram(
  meta: { id: string; title: string },
  nodes: readonly DiagramFlowNode[],
  edges: readonly DiagramFlowEdge[],
  viewport: Viewport,
): Diagram {
  return {
    id: meta.id,
    title: meta.title,
    nodes: nodes.map(toDiagramNode),
    edges: edges.map(toDiagramEdge),
    viewport: { ...viewport },
  };
}
