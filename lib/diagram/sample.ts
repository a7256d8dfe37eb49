import { createRng } from '../random';
import { EDGE_KINDS, NODE_KINDS, NODE_KIND_INFO, type NodeKind } from './kinds';
import type { Diagram, DiagramEdge, DiagramNode } from './schema';

/**
 * A plausible diagram of any size, from a seed: an online and an offline area with components
 * inside, a few free-standing ones, and connections between neighbours. For tests, benchmarks
 * and demos of the editor; positions sit on a 20 px grid as the editor's snapping makes them.
 */
export function sampleDiagram(nodeCount: number, seed: number): Diagram {
  const rng = createRng(seed);
  const components = NODE_KINDS.filter((k) => !NODE_KIND_INFO[k].group);
  const nodes: DiagramNode[] = [];
  const areas = nodeCount >= 4 ? (['online-area', 'offline-area'] as const) : [];
  for (const [i, kind] of areas.entries())
    nodes.push(makeNode(`area-${i + 1}`, kind, i * 1400, 0, 1200, 1600));
  while (nodes.length < nodeCount) {
    const n = nodes.length;
    const kind = components[rng.int(components.length)]!;
    const node = makeNode(`n${n}`, kind, rng.int(56) * 20, rng.int(76) * 20);
    node.label = `${NODE_KIND_INFO[kind].label} ${n}`;
    if (areas.length > 0 && rng.next() < 0.8) node.parentId = `area-${1 + rng.int(areas.length)}`;
    nodes.push(node);
  }
  const edges: DiagramEdge[] = [];
  const targets = nodes.filter((n) => !NODE_KIND_INFO[n.kind].group);
  for (let i = 1; i < targets.length; i++) {
    const source = targets[rng.int(i)]!;
    const kind = EDGE_KINDS[rng.int(EDGE_KINDS.length)]!;
    edges.push({
      id: `e${i}`,
      source: source.id,
      target: targets[i]!.id,
      kind,
      label: rng.next() < 0.3 ? 'features' : '',
    });
  }
  return {
    id: `sample-${seed}`,
    title: `Sample (${nodeCount} nodes)`,
    nodes,
    edges,
    viewport: { x: 0, y: 0, zoom: 1 },
  };
}

function makeNode(
  id: string,
  kind: NodeKind,
  x: number,
  y: number,
  width?: number,
  height?: number,
): DiagramNode {
  const size = NODE_KIND_INFO[kind].defaultSize;
  return {
    id,
    kind,
    label: NODE_KIND_INFO[kind].label,
    notes: '',
    position: { x, y },
    size: { width: width ?? size.width, height: height ?? size.height },
  };
}
