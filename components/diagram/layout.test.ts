import { describe, expect, it } from 'vitest';
import { diagramSchema, sampleDiagram, type Diagram } from '@/lib/diagram';
import { absolutePositions } from './ops';
import { fromDiagram } from './flow';
import { autoLayout } from './layout';
import { REFERENCES } from './references';

function boxes(d: Diagram) {
  const abs = absolutePositions(fromDiagram(d).nodes);
  return new Map(
    d.nodes.map((n) => [n.id, { ...abs.get(n.id)!, w: n.size.width, h: n.size.height }]),
  );
}

describe('automatic layout', () => {
  for (const d of [...REFERENCES.map((r) => r.diagram), sampleDiagram(80, 5)]) {
    it(`keeps "${d.title}" valid, every child inside its area, areas apart, left to right`, () => {
      const out = autoLayout(d);
      expect(diagramSchema.safeParse(out).success).toBe(true);
      expect(out.nodes.map((n) => [n.id, n.parentId])).toEqual(
        d.nodes.map((n) => [n.id, n.parentId]),
      );
      const b = boxes(out);
      for (const n of out.nodes) {
        if (!n.parentId) continue;
        const c = b.get(n.id)!;
        const p = b.get(n.parentId)!;
        expect(c.x).toBeGreaterThanOrEqual(p.x);
        expect(c.y).toBeGreaterThanOrEqual(p.y + 40);
        expect(c.x + c.w).toBeLessThanOrEqual(p.x + p.w);
        expect(c.y + c.h).toBeLessThanOrEqual(p.y + p.h);
      }
      const top = out.nodes.filter((n) => !n.parentId).map((n) => b.get(n.id)!);
      for (const [i, a] of top.entries())
        for (const c of top.slice(i + 1))
          expect(a.x + a.w <= c.x || c.x + c.w <= a.x || a.y + a.h <= c.y || c.y + c.h <= a.y).toBe(
            true,
          );
    });
  }

  it('puts the source of a connection left of its target', () => {
    const d: Diagram = {
      ...sampleDiagram(0, 1),
      nodes: ['a', 'b', 'c'].map((id) => ({
        id,
        kind: 'client' as const,
        label: id,
        notes: '',
        position: { x: 0, y: 0 },
        size: { width: 180, height: 64 },
      })),
      edges: [
        { id: 'e1', source: 'a', target: 'b', kind: 'data', label: '' },
        { id: 'e2', source: 'b', target: 'c', kind: 'data', label: '' },
      ],
    };
    const [a, b, c] = autoLayout(d).nodes.map((n) => n.position.x);
    expect(a!).toBeLessThan(b!);
    expect(b!).toBeLessThan(c!);
  });
});
