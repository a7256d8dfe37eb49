import type { Diagram, DiagramEdge, DiagramNode } from './schema';

/**
 * The canonical form of a diagram: only the format's fields, in a fixed key order, -0 as 0, and
 * no `parentId: undefined`. Two diagrams are the same drawing exactly when their canonical JSON
 * is the same string. Node and edge order is kept: it is the drawing order (and parents must
 * come first), so it is part of the diagram.
 */
export function canonicalDiagram(d: Diagram): Diagram {
  return {
    id: d.id,
    title: d.title,
    nodes: d.nodes.map(canonicalNode),
    edges: d.edges.map(canonicalEdge),
    viewport: { x: num(d.viewport.x), y: num(d.viewport.y), zoom: num(d.viewport.zoom) },
  };
}

export function canonicalJson(d: Diagram): string {
  return JSON.stringify(canonicalDiagram(d));
}

export function diagramsEqual(a: Diagram, b: Diagram): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function num(n: number): number {
  return n === 0 ? 0 : n;
}

function canonicalNode(n: DiagramNode): DiagramNode {
  const node: DiagramNode = {
    id: n.id,
    kind: n.kind,
    label: n.label,
    notes: n.notes,
    position: { x: num(n.position.x), y: num(n.position.y) },
    size: { width: num(n.size.width), height: num(n.size.height) },
  };
  if (n.parentId !== undefined) node.parentId = n.parentId;
  return node;
}

function canonicalEdge(e: DiagramEdge): DiagramEdge {
  return { id: e.id, source: e.source, target: e.target, kind: e.kind, label: e.label };
}
