import { describe, expect, it } from 'vitest';
import { diagramSchema, type Diagram } from '@/lib/diagram';
import { fromDiagram, toDiagram, type DiagramFlowNode } from './flow';
import * as ops from './ops';

const area: Diagram['nodes'][number] = {
  id: 'online',
  kind: 'online-area',
  label: 'Online',
  notes: '',
  position: { x: 100, y: 100 },
  size: { width: 600, height: 400 },
};

function graph(nodes: Diagram['nodes'], edges: Diagram['edges'] = []): ops.Graph {
  return fromDiagram({ id: 'd', title: 't', nodes, edges, viewport: { x: 0, y: 0, zoom: 1 } });
}

function asDiagram(g: ops.Graph): Diagram {
  return toDiagram({ id: 'd', title: 't' }, g.nodes, g.edges, { x: 0, y: 0, zoom: 1 });
}

const byId = (g: ops.Graph, id: string) => g.nodes.find((n) => n.id === id)!;

describe('editing operations', () => {
  it('adds a node where it lands: inside an area it becomes a child, positioned relative to it', () => {
    let g = graph([area]);
    g = ops.addNode(g, 'ranking-service', { x: 400, y: 300 }, 'r');
    const r = byId(g, 'r');
    expect(r.parentId).toBe('online');
    // Centred on the drop point, snapped to the 20 px grid, relative to the area's corner.
    expect(r.position).toEqual({ x: 320 - 100, y: 260 - 100 });
    expect(r.selected).toBe(true);
    g = ops.addNode(g, 'offline-area', { x: 0, y: 0 }, 'off');
    expect(g.nodes[0]!.id).toBe('off');
    expect(diagramSchema.safeParse(asDiagram(g)).success).toBe(true);
  });

  it('never stacks a new node exactly on another one', () => {
    let g = graph([]);
    g = ops.addNode(g, 'client', { x: 0, y: 0 }, 'a');
    g = ops.addNode(g, 'client', { x: 0, y: 0 }, 'b');
    expect(byId(g, 'a').position).not.toEqual(byId(g, 'b').position);
  });

  it('deleting an area keeps what was inside, where it was on the canvas', () => {
    let g = ops.addNode(graph([area]), 'client', { x: 400, y: 300 }, 'c');
    const before = ops.absolutePositions(g.nodes).get('c');
    g = ops.removeElements(g, new Set(['online']), new Set());
    expect(g.nodes.map((n) => n.id)).toEqual(['c']);
    expect(byId(g, 'c').parentId).toBeUndefined();
    expect(byId(g, 'c').position).toEqual(before);
  });

  it('removing a node removes its connections', () => {
    let g = graph([]);
    g = ops.addNode(g, 'client', { x: 0, y: 0 }, 'a');
    g = ops.addNode(g, 'cdn', { x: 400, y: 0 }, 'b');
    g = ops.connect(g, 'a', 'b', 'request', '', 'e')!;
    expect(g.edges).toHaveLength(1);
    expect(ops.removeElements(g, new Set(['b']), new Set()).edges).toHaveLength(0);
  });

  it('a drag into or out of an area changes membership and keeps the canvas position', () => {
    let g = ops.addNode(graph([area]), 'client', { x: 1000, y: 1000 }, 'c');
    expect(byId(g, 'c').parentId).toBeUndefined();
    g = {
      ...g,
      nodes: g.nodes.map((n) =>
        n.id === 'c' ? ({ ...n, position: { x: 300, y: 300 } } as DiagramFlowNode) : n,
      ),
    };
    g = ops.reparent(g, new Set(['c']));
    expect(byId(g, 'c').parentId).toBe('online');
    expect(byId(g, 'c').position).toEqual({ x: 200, y: 200 });
    // Dragged out again (child positions are relative to the area at 100, 100).
    g = {
      ...g,
      nodes: g.nodes.map((n) =>
        n.id === 'c' ? ({ ...n, position: { x: 1000, y: 1000 } } as DiagramFlowNode) : n,
      ),
    };
    g = ops.reparent(g, new Set(['c']));
    expect(byId(g, 'c').parentId).toBeUndefined();
    expect(byId(g, 'c').position).toEqual({ x: 1100, y: 1100 });
    expect(diagramSchema.safeParse(asDiagram(g)).success).toBe(true);
  });

  it('refuses connections to itself, to areas, and exact duplicates', () => {
    let g = ops.addNode(graph([area]), 'client', { x: 0, y: 0 }, 'a');
    g = ops.addNode(g, 'cdn', { x: 900, y: 900 }, 'b');
    expect(ops.connect(g, 'a', 'a', 'data', '', 'e')).toBeUndefined();
    expect(ops.connect(g, 'a', 'online', 'data', '', 'e')).toBeUndefined();
    g = ops.connect(g, 'a', 'b', 'data', '', 'e')!;
    expect(ops.connect(g, 'a', 'b', 'data', '', 'e2')).toBeUndefined();
    expect(ops.connect(g, 'a', 'b', 'training', '', 'e2')).toBeDefined();
  });

  it('renaming a node updates what screen readers hear for its connections', () => {
    let g = ops.addNode(graph([]), 'client', { x: 0, y: 0 }, 'a');
    g = ops.addNode(g, 'cdn', { x: 400, y: 0 }, 'b');
    g = ops.connect(g, 'a', 'b', 'request', 'assets', 'e')!;
    g = ops.updateNodeText(g, 'a', { label: 'iOS app' });
    expect(byId(g, 'a').ariaLabel).toBe('iOS app (Client / app)');
    expect(g.edges[0]!.ariaLabel).toBe('Request path from iOS app to CDN: assets');
    g = ops.updateEdge(g, 'e', { kind: 'data' });
    expect(g.edges[0]!.ariaLabel).toBe('Data flow from iOS app to CDN: assets');
  });

  it('copy and paste: fresh ids, connections between copied nodes, an area brings its contents', () => {
    let g = ops.addNode(graph([area]), 'client', { x: 300, y: 300 }, 'a');
    g = ops.addNode(g, 'cdn', { x: 500, y: 300 }, 'b');
    g = ops.connect(g, 'a', 'b', 'request', 'x', 'e')!;
    g = ops.select(g, new Set(['online']), new Set());
    const fragment = ops.copySelection(g)!;
    expect(fragment.nodes.map((n) => n.id).sort()).toEqual(['a', 'b', 'online']);
    const pasted = ops.pasteFragment(g, fragment, 40);
    expect(pasted.nodes).toHaveLength(6);
    expect(pasted.edges).toHaveLength(2);
    const copyEdge = pasted.edges[1]!;
    expect([copyEdge.source, copyEdge.target]).not.toContain('a');
    const d = asDiagram(pasted);
    expect(diagramSchema.safeParse(d).success).toBe(true);
    expect(pasted.nodes.filter((n) => n.selected)).toHaveLength(3);
  });

  it('pasting a child without its area puts it on the canvas where it was', () => {
    let g = ops.addNode(graph([area]), 'client', { x: 300, y: 300 }, 'a');
    g = ops.select(g, new Set(['a']), new Set());
    const fragment = ops.copySelection(g)!;
    expect(fragment.nodes[0]!.parentId).toBeUndefined();
    const abs = ops.absolutePositions(g.nodes).get('a')!;
    const pasted = ops.pasteFragment(g, fragment, 40);
    const copy = pasted.nodes[pasted.nodes.length - 1]!;
    expect(copy.position).toEqual({ x: abs.x + 40, y: abs.y + 40 });
  });
});
