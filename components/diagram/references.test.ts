import { describe, expect, it } from 'vitest';
import {
  EDGE_KINDS,
  NODE_KIND_INFO,
  NODE_KINDS,
  diagramSchema,
  restoreDiagram,
} from '@/lib/diagram';
import { STEP_IDS } from '@/lib/framework/steps';
import { AREA_KINDS } from './flow';
import { ICON_IDS } from './icon-ids';
import { REFERENCES } from './references';

describe('reference architectures', () => {
  for (const r of REFERENCES) {
    describe(r.caseId, () => {
      it('is a clean diagram: valid, and restore changes nothing', () => {
        expect(diagramSchema.safeParse(r.diagram).success).toBe(true);
        const restored = restoreDiagram(JSON.parse(JSON.stringify(r.diagram)));
        expect(restored.problems).toEqual([]);
      });

      it('has both areas, every connection kind, and a label on every component', () => {
        const kinds = new Set(r.diagram.nodes.map((n) => n.kind));
        expect(kinds.has('online-area') && kinds.has('offline-area')).toBe(true);
        for (const k of EDGE_KINDS) expect(r.diagram.edges.some((e) => e.kind === k)).toBe(true);
        for (const n of r.diagram.nodes) expect(n.label.trim()).not.toBe('');
        for (const k of [
          'event-log',
          'training-pipeline',
          'model-registry',
          'monitoring',
          'feature-store-online',
        ] as const)
          expect(kinds.has(k)).toBe(true);
      });

      it('names a framework step for every component, and only for nodes that exist', () => {
        const ids = new Set(r.diagram.nodes.map((n) => n.id));
        for (const [id, step] of Object.entries(r.stages)) {
          expect(ids.has(id)).toBe(true);
          expect(STEP_IDS).toContain(step);
        }
        for (const n of r.diagram.nodes)
          if (!NODE_KIND_INFO[n.kind].group) expect(r.stages[n.id], n.id).toBeDefined();
      });
    });
  }
});

describe('kinds as the editor draws them', () => {
  it('has an icon for every kind and knows every group kind as an area', () => {
    for (const k of NODE_KINDS) expect(ICON_IDS).toContain(NODE_KIND_INFO[k].icon);
    expect(NODE_KINDS.filter((k) => NODE_KIND_INFO[k].group)).toEqual([...AREA_KINDS]);
  });
});
