import { describe, expect, it } from 'vitest';
import { canonicalDiagram, canonicalJson, diagramsEqual } from './equality';
import { sampleDiagram } from './sample';
import type { Diagram } from './schema';

describe('canonical form', () => {
  it('keeps only format fields in a fixed order', () => {
    const d = sampleDiagram(4, 1);
    const shuffled = JSON.parse(
      JSON.stringify({
        viewport: d.viewport,
        edges: d.edges,
        nodes: d.nodes,
        title: d.title,
        id: d.id,
        extra: 1,
      }),
    ) as Diagram;
    expect(canonicalJson(shuffled)).toBe(canonicalJson(d));
    expect(Object.keys(canonicalDiagram(shuffled))).toEqual([
      'id',
      'title',
      'nodes',
      'edges',
      'viewport',
    ]);
  });

  it('treats -0 as 0 and a parentId of undefined as absent', () => {
    const a = sampleDiagram(3, 2);
    const b = structuredClone(a);
    b.viewport.x = -0;
    b.nodes[0]!.parentId = undefined;
    expect(diagramsEqual(a, b)).toBe(true);
  });

  it('tells different diagrams apart, including node order', () => {
    const a = sampleDiagram(5, 3);
    const b = structuredClone(a);
    b.nodes.reverse();
    expect(diagramsEqual(a, b)).toBe(false);
    const c = structuredClone(a);
    c.nodes[1]!.label += '!';
    expect(diagramsEqual(a, c)).toBe(false);
  });
});
