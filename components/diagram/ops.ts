import {
  NODE_KIND_INFO,
  type DiagramEdge,
  type DiagramNode,
  type EdgeKind,
  type NodeKind,
  type Point,
} from '@/lib/diagram';
import {
  edgeAriaLabel,
  edgeMarker,
  labelMap,
  nodeAriaLabel,
  toDiagramEdge,
  toDiagramNode,
  toFlowEdge,
  toFlowNode,
  type DiagramFlowEdge,
  type DiagramFlowNode,
} from './flow';

/**
 * Editing operations as pure functions over React Flow's arrays: easy to test without React and
 * shared by the mouse and keyboard paths. Every result keeps the format's invariant that a parent
 * comes before its children.
 */
export interface Graph {
  nodes: DiagramFlowNode[];
  edges: DiagramFlowEdge[];
}

export const GRID = 20;

/** Top-left corners in canvas coordinates (positions of children are relative to their parent). */
export function absolutePositions(nodes: readonly DiagramFlowNode[]): Map<string, Point> {
  const abs = new Map<string, Point>();
  for (const n of nodes) {
    const parent = n.parentId === undefined ? undefined : abs.get(n.parentId);
    abs.set(n.id, {
      x: n.position.x + (parent?.x ?? 0),
      y: n.position.y + (parent?.y ?? 0),
    });
  }
  return abs;
}

function sizeOf(n: DiagramFlowNode) {
  const d = NODE_KIND_INFO[n.data.kind].defaultSize;
  return {
    width: n.width ?? n.measured?.width ?? d.width,
    height: n.height ?? n.measured?.height ?? d.height,
  };
}

/** The topmost area (drawn last) containing `point`, skipping `exclude`. */
export function areaAt(
  nodes: readonly DiagramFlowNode[],
  abs: ReadonlyMap<string, Point>,
  point: Point,
  exclude: ReadonlySet<string> = new Set(),
): string | undefined {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i]!;
    if (n.type !== 'area' || exclude.has(n.id)) continue;
    const at = abs.get(n.id)!;
    const { width, height } = sizeOf(n);
    if (point.x >= at.x && point.x <= at.x + width && point.y >= at.y && point.y <= at.y + height)
      return n.id;
  }
  return undefined;
}

export function freshId(prefix: string, taken: ReadonlySet<string>): string {
  let n = 1;
  while (taken.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

const snap = (v: number) => Math.round(v / GRID) * GRID;

/**
 * A new node of `kind` centred on `center` (canvas coordinates), nudged down until it does not
 * sit exactly on another node, and placed inside the area it lands in.
 */
export function addNode(g: Graph, kind: NodeKind, center: Point, id: string): Graph {
  const size = NODE_KIND_INFO[kind].defaultSize;
  const abs = absolutePositions(g.nodes);
  const taken = new Set([...abs.values()].map((p) => `${p.x},${p.y}`));
  let pos = { x: snap(center.x - size.width / 2), y: snap(center.y - size.height / 2) };
  while (taken.has(`${pos.x},${pos.y}`)) pos = { x: pos.x + GRID, y: pos.y + GRID * 2 };
  const info = NODE_KIND_INFO[kind];
  const node: DiagramNode = {
    id,
    kind,
    label: info.group ? `${info.label} area` : info.label,
    notes: '',
    position: pos,
    size: { ...size },
  };
  const nodes = g.nodes.map((n) => (n.selected ? { ...n, selected: false } : n));
  const edges = g.edges.map((e) => (e.selected ? { ...e, selected: false } : e));
  if (info.group) return { nodes: [toFlowNode(node, true), ...nodes], edges };
  const parentId = areaAt(g.nodes, abs, {
    x: pos.x + size.width / 2,
    y: pos.y + size.height / 2,
  });
  if (parentId !== undefined) {
    const p = abs.get(parentId)!;
    node.parentId = parentId;
    node.position = { x: pos.x - p.x, y: pos.y - p.y };
  }
  return { nodes: [...nodes, toFlowNode(node, true)], edges };
}

/**
 * Removes nodes and edges, and every edge touching a removed node. Nodes inside a removed area
 * stay where they are on the canvas, outside any area: deleting a frame never deletes its work.
 */
export function removeElements(
  g: Graph,
  nodeIds: ReadonlySet<string>,
  edgeIds: ReadonlySet<string>,
): Graph {
  if (nodeIds.size === 0 && edgeIds.size === 0) return g;
  const abs = absolutePositions(g.nodes);
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const survivingParent = (id: string | undefined): string | undefined => {
    let cur = id;
    while (cur !== undefined && nodeIds.has(cur)) cur = byId.get(cur)?.parentId;
    return cur;
  };
  const nodes: DiagramFlowNode[] = [];
  for (const n of g.nodes) {
    if (nodeIds.has(n.id)) continue;
    if (n.parentId === undefined || !nodeIds.has(n.parentId)) {
      nodes.push(n);
      continue;
    }
    const parentId = survivingParent(n.parentId);
    const at = abs.get(n.id)!;
    const p = parentId === undefined ? { x: 0, y: 0 } : abs.get(parentId)!;
    const moved = { ...n, position: { x: at.x - p.x, y: at.y - p.y } } as DiagramFlowNode;
    if (parentId === undefined) delete moved.parentId;
    else moved.parentId = parentId;
    nodes.push(moved);
  }
  const edges = g.edges.filter(
    (e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target),
  );
  return { nodes, edges };
}

/** After a drag: each moved component or note joins the area its centre was dropped in (or leaves). */
export function reparent(g: Graph, ids: ReadonlySet<string>): Graph {
  const abs = absolutePositions(g.nodes);
  let nodes = g.nodes;
  let changed = false;
  for (const id of ids) {
    const index = nodes.findIndex((n) => n.id === id);
    const n = nodes[index];
    if (!n || n.type === 'area') continue;
    const at = abs.get(id)!;
    const { width, height } = sizeOf(n);
    const target = areaAt(nodes, abs, { x: at.x + width / 2, y: at.y + height / 2 }, new Set([id]));
    if (target === n.parentId) continue;
    const p = target === undefined ? { x: 0, y: 0 } : abs.get(target)!;
    const moved = { ...n, position: { x: at.x - p.x, y: at.y - p.y } } as DiagramFlowNode;
    if (target === undefined) delete moved.parentId;
    else moved.parentId = target;
    // A child must come after its parent: move it to the end (it is drawn on top, as dropped).
    nodes = [...nodes.slice(0, index), ...nodes.slice(index + 1), moved];
    changed = true;
  }
  return changed ? { nodes, edges: g.edges } : g;
}

export function connect(
  g: Graph,
  source: string,
  target: string,
  kind: EdgeKind,
  label: string,
  id: string,
  selectIt = true,
): Graph | undefined {
  if (source === target) return undefined;
  const ends = g.nodes.filter((n) => n.id === source || n.id === target);
  if (ends.length !== 2 || ends.some((n) => n.type === 'area')) return undefined;
  if (g.edges.some((e) => e.source === source && e.target === target && e.data?.kind === kind))
    return undefined;
  const edge = toFlowEdge({ id, source, target, kind, label }, labelMap(g.nodes), selectIt);
  if (!selectIt) return { nodes: g.nodes, edges: [...g.edges, edge] };
  return {
    nodes: g.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)),
    edges: [...g.edges.map((e) => (e.selected ? { ...e, selected: false } : e)), edge],
  };
}

export function updateNodeText(
  g: Graph,
  id: string,
  patch: { label?: string; notes?: string },
): Graph {
  let renamed = false;
  const nodes = g.nodes.map((n) => {
    if (n.id !== id) return n;
    const data = { ...n.data, ...patch };
    renamed = patch.label !== undefined && patch.label !== n.data.label;
    return { ...n, data, ariaLabel: nodeAriaLabel(n.data.kind, data.label) } as DiagramFlowNode;
  });
  if (!renamed) return { nodes, edges: g.edges };
  const labels = labelMap(nodes);
  const edges = g.edges.map((e) =>
    e.source === id || e.target === id
      ? {
          ...e,
          ariaLabel: edgeAriaLabel(
            e.data?.kind ?? 'data',
            labels.get(e.source),
            labels.get(e.target),
            e.data?.label ?? '',
          ),
        }
      : e,
  );
  return { nodes, edges };
}

export function updateEdge(
  g: Graph,
  id: string,
  patch: { label?: string; kind?: EdgeKind },
): Graph {
  const labels = labelMap(g.nodes);
  const edges = g.edges.map((e) => {
    if (e.id !== id) return e;
    const data = { kind: e.data?.kind ?? 'data', label: e.data?.label ?? '', ...patch };
    return {
      ...e,
      data,
      markerEnd: edgeMarker(data.kind),
      ariaLabel: edgeAriaLabel(data.kind, labels.get(e.source), labels.get(e.target), data.label),
    };
  });
  return { nodes: g.nodes, edges };
}

export function select(
  g: Graph,
  nodeIds: ReadonlySet<string>,
  edgeIds: ReadonlySet<string>,
): Graph {
  return {
    nodes: g.nodes.map((n) =>
      Boolean(n.selected) === nodeIds.has(n.id) ? n : { ...n, selected: nodeIds.has(n.id) },
    ),
    edges: g.edges.map((e) =>
      Boolean(e.selected) === edgeIds.has(e.id) ? e : { ...e, selected: edgeIds.has(e.id) },
    ),
  };
}

/** What Ctrl+C keeps: nodes (with absolute positions when their area is not copied) and edges. */
export interface Fragment {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

export function copySelection(g: Graph): Fragment | undefined {
  const ids = new Set(g.nodes.filter((n) => n.selected).map((n) => n.id));
  if (ids.size === 0) return undefined;
  // Copying an area copies what is inside it.
  for (const n of g.nodes) if (n.parentId !== undefined && ids.has(n.parentId)) ids.add(n.id);
  const abs = absolutePositions(g.nodes);
  const nodes = g.nodes
    .filter((n) => ids.has(n.id))
    .map((n) => {
      const node = { ...toDiagramNode(n) };
      if (node.parentId !== undefined && !ids.has(node.parentId)) {
        node.position = { ...abs.get(n.id)! };
        delete node.parentId;
      }
      return node;
    });
  const edges = g.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => toDiagramEdge(e));
  return { nodes, edges };
}

/** Pastes a copy shifted by `offset`, with fresh ids; the pasted nodes end up selected. */
export function pasteFragment(g: Graph, fragment: Fragment, offset: number): Graph {
  const taken = new Set([...g.nodes.map((n) => n.id), ...g.edges.map((e) => e.id)]);
  const ids = new Map<string, string>();
  for (const n of fragment.nodes) {
    const id = freshId(n.kind, taken);
    taken.add(id);
    ids.set(n.id, id);
  }
  const pasted = fragment.nodes.map((n) => {
    const parentId = n.parentId === undefined ? undefined : ids.get(n.parentId);
    const node: DiagramNode = {
      ...n,
      id: ids.get(n.id)!,
      position:
        parentId === undefined
          ? { x: n.position.x + offset, y: n.position.y + offset }
          : n.position,
    };
    if (parentId === undefined) delete node.parentId;
    else node.parentId = parentId;
    return toFlowNode(node, true);
  });
  const base = select(g, new Set(), new Set());
  const nodes = [
    ...pasted.filter((n) => n.type === 'area'),
    ...base.nodes,
    ...pasted.filter((n) => n.type !== 'area'),
  ];
  const labels = labelMap(nodes);
  const edges = fragment.edges.map((e) => {
    const id = freshId('edge', taken);
    taken.add(id);
    return toFlowEdge(
      { ...e, id, source: ids.get(e.source)!, target: ids.get(e.target)! },
      labels,
      true,
    );
  });
  return { nodes, edges: [...base.edges, ...edges] };
}
