import dagre from '@dagrejs/dagre';
import { isGroupKind, type Diagram, type DiagramNode, type Point, type Size } from '@/lib/diagram';

/**
 * Automatic left-to-right layout with dagre, one area at a time: the inside of each area is laid
 * out first (deepest areas first) and the area is sized to fit it, then the top level is laid out
 * with every area as one box. Connections that cross an area's border pull on the area as a whole,
 * so areas never overlap and always have room for their title.
 */
const PAD = { left: 40, right: 40, top: 64, bottom: 40 };
const SPACING = { nodesep: 40, ranksep: 90 };

interface Box {
  position: Point;
  size: Size;
}

function layoutLevel(
  ids: readonly string[],
  sizes: ReadonlyMap<string, Size>,
  links: readonly [string, string][],
): Map<string, Point> {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', ...SPACING, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of ids) {
    const s = sizes.get(id)!;
    g.setNode(id, { width: s.width, height: s.height });
  }
  links.forEach(([a, b], i) => g.setEdge(a, b, {}, `l${i}`));
  dagre.layout(g);
  const out = new Map<string, Point>();
  for (const id of ids) {
    const n = g.node(id);
    const s = sizes.get(id)!;
    out.set(id, { x: (n.x ?? 0) - s.width / 2, y: (n.y ?? 0) - s.height / 2 });
  }
  return out;
}

export function autoLayout(d: Diagram): Diagram {
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  const children = new Map<string | undefined, string[]>();
  for (const n of d.nodes) {
    const list = children.get(n.parentId) ?? [];
    list.push(n.id);
    children.set(n.parentId, list);
  }
  // The ancestor of `id` that sits directly in `parent` (or undefined when outside it).
  const childOf = (id: string, parent: string | undefined): string | undefined => {
    let cur: DiagramNode | undefined = byId.get(id);
    while (cur && cur.parentId !== parent) cur = cur.parentId ? byId.get(cur.parentId) : undefined;
    return cur?.id;
  };
  const sizes = new Map(d.nodes.map((n) => [n.id, { ...n.size }]));
  const boxes = new Map<string, Box>();

  const layoutInside = (parent: string | undefined) => {
    const ids = children.get(parent) ?? [];
    for (const id of ids) if (isGroupKind(byId.get(id)!.kind)) layoutInside(id);
    if (ids.length === 0) return;
    const links: [string, string][] = [];
    for (const e of d.edges) {
      const a = childOf(e.source, parent);
      const b = childOf(e.target, parent);
      if (a !== undefined && b !== undefined && a !== b) links.push([a, b]);
    }
    const placed = layoutLevel(ids, sizes, links);
    const minX = Math.min(...[...placed.values()].map((p) => p.x));
    const minY = Math.min(...[...placed.values()].map((p) => p.y));
    const offset = parent === undefined ? { x: 0, y: 0 } : { x: PAD.left, y: PAD.top };
    let maxX = 0;
    let maxY = 0;
    for (const id of ids) {
      const p = placed.get(id)!;
      const s = sizes.get(id)!;
      const position = {
        x: Math.round(p.x - minX + offset.x),
        y: Math.round(p.y - minY + offset.y),
      };
      boxes.set(id, { position, size: s });
      maxX = Math.max(maxX, position.x + s.width);
      maxY = Math.max(maxY, position.y + s.height);
    }
    if (parent !== undefined)
      sizes.set(parent, {
        width: Math.max(maxX + PAD.right, 240),
        height: Math.max(maxY + PAD.bottom, 160),
      });
  };
  layoutInside(undefined);

  return {
    ...d,
    nodes: d.nodes.map((n) => {
      const box = boxes.get(n.id);
      return box ? { ...n, position: box.position, size: sizes.get(n.id)! } : n;
    }),
  };
}
