import { describe, expect, it } from 'vitest';
import { wrap } from '../storage/envelope';
import { DIAGRAM_CHAIN, DIAGRAM_MIGRATIONS } from './migrations';
import { restoreDiagram } from './restore';
import { diagramSchema, type Diagram } from './schema';

const now = new Date('2026-01-01T00:00:00Z');

interface Fixture {
  name: string;
  before: unknown;
  /** What the migration step alone returns. */
  after: unknown;
}

/**
 * Fixtures per migration, keyed by the version it migrates from. The meta-test below fails when
 * a migration has none, so a new format cannot ship untested.
 */
const FIXTURES: Record<number, Fixture[]> = {
  1: [
    {
      name: 'a v1 diagram with every field',
      before: {
        id: 'feed',
        title: 'Feed ranking',
        zoom: 0.75,
        pan: { x: -120, y: 40 },
        nodes: [
          { id: 'g', type: 'group', label: 'Offline', x: 0, y: 0, width: 600, height: 400 },
          { id: 'fs', type: 'feature-store', label: 'Features', x: 20, y: 40, parent: 'g' },
          { id: 'c', type: 'cache', label: 'Cache', notes: 'TTL 5 min', x: 700, y: 40 },
        ],
        edges: [{ id: 'e1', from: 'fs', to: 'c', type: 'data', label: 'nightly' }],
      },
      after: {
        id: 'feed',
        title: 'Feed ranking',
        nodes: [
          {
            id: 'g',
            kind: 'offline-area',
            label: 'Offline',
            notes: undefined,
            position: { x: 0, y: 0 },
            size: { width: 600, height: 400 },
            parentId: undefined,
          },
          {
            id: 'fs',
            kind: 'feature-store-batch',
            label: 'Features',
            notes: undefined,
            position: { x: 20, y: 40 },
            size: undefined,
            parentId: 'g',
          },
          {
            id: 'c',
            kind: 'prediction-cache',
            label: 'Cache',
            notes: 'TTL 5 min',
            position: { x: 700, y: 40 },
            size: undefined,
            parentId: undefined,
          },
        ],
        edges: [{ id: 'e1', source: 'fs', target: 'c', kind: 'data', label: 'nightly' }],
        viewport: { x: -120, y: 40, zoom: 0.75 },
      },
    },
    {
      name: 'v1 kind renames (queue, an online group, unchanged kinds)',
      before: {
        nodes: [
          { id: 'q', type: 'queue' },
          { id: 'g', type: 'group', label: 'Serving' },
          { id: 'r', type: 'ranking-service' },
        ],
        edges: [],
      },
      after: {
        id: undefined,
        title: undefined,
        nodes: [
          {
            id: 'q',
            kind: 'event-log',
            label: undefined,
            notes: undefined,
            position: { x: undefined, y: undefined },
            size: undefined,
            parentId: undefined,
          },
          {
            id: 'g',
            kind: 'online-area',
            label: 'Serving',
            notes: undefined,
            position: { x: undefined, y: undefined },
            size: undefined,
            parentId: undefined,
          },
          {
            id: 'r',
            kind: 'ranking-service',
            label: undefined,
            notes: undefined,
            position: { x: undefined, y: undefined },
            size: undefined,
            parentId: undefined,
          },
        ],
        edges: [],
        viewport: { x: undefined, y: undefined, zoom: undefined },
      },
    },
    {
      name: 'junk passes through for restore to judge',
      before: { nodes: 'many', edges: [null, 3], pan: 'left' },
      after: {
        id: undefined,
        title: undefined,
        nodes: 'many',
        edges: [null, 3],
        viewport: { x: undefined, y: undefined, zoom: undefined },
      },
    },
  ],
};

describe('diagram migrations', () => {
  it('has fixtures for every migration (meta-test)', () => {
    const versions = DIAGRAM_MIGRATIONS.map((_, i) => i + 1);
    for (const v of versions)
      expect(FIXTURES[v]?.length ?? 0, `no fixtures for v${v}`).toBeGreaterThan(0);
    expect(Object.keys(FIXTURES).map(Number)).toEqual(versions);
    expect(DIAGRAM_CHAIN.current).toBe(DIAGRAM_MIGRATIONS.length + 1);
  });

  for (const [from, fixtures] of Object.entries(FIXTURES)) {
    const step = DIAGRAM_MIGRATIONS[Number(from) - 1];
    for (const f of fixtures)
      it(`v${from} → v${Number(from) + 1}: ${f.name}`, () => {
        expect(step).toBeDefined();
        expect(step!(f.before)).toStrictEqual(f.after);
        // …and the whole path through the envelope and restore yields a valid diagram.
        const r = restoreDiagram(wrap('diagram', Number(from), f.before, now));
        expect(r.error).toBeUndefined();
        expect(diagramSchema.safeParse(r.diagram).success).toBe(true);
      });
  }

  it('opens a v1 file as the equivalent v2 diagram with no problems', () => {
    const r = restoreDiagram(wrap('diagram', 1, FIXTURES[1]![0]!.before, now));
    expect(r.problems).toEqual([]);
    expect(r.diagram).toEqual({
      id: 'feed',
      title: 'Feed ranking',
      nodes: [
        {
          id: 'g',
          kind: 'offline-area',
          label: 'Offline',
          notes: '',
          position: { x: 0, y: 0 },
          size: { width: 600, height: 400 },
        },
        {
          id: 'fs',
          kind: 'feature-store-batch',
          label: 'Features',
          notes: '',
          position: { x: 20, y: 40 },
          size: { width: 180, height: 72 },
          parentId: 'g',
        },
        {
          id: 'c',
          kind: 'prediction-cache',
          label: 'Cache',
          notes: 'TTL 5 min',
          position: { x: 700, y: 40 },
          size: { width: 180, height: 72 },
        },
      ],
      edges: [{ id: 'e1', source: 'fs', target: 'c', kind: 'data', label: 'nightly' }],
      viewport: { x: -120, y: 40, zoom: 0.75 },
    } satisfies Diagram);
  });

  it.each([null, 0, 'x', [], [1], { nodes: [[]] }, { nodes: [{ type: {} }] }, { pan: null }])(
    'never throws on junk: %j',
    (junk) => {
      for (const step of DIAGRAM_MIGRATIONS) expect(() => step(junk)).not.toThrow();
    },
  );

  it('does not read fields hidden in __proto__', () => {
    const v1 = JSON.parse('{"nodes":[{"id":"a","__proto__":{"type":"client","x":5}}]}');
    const out = DIAGRAM_MIGRATIONS[0]!(v1) as { nodes: { kind: unknown; position: unknown }[] };
    expect(out.nodes[0]).toMatchObject({ kind: undefined, position: { x: undefined } });
  });
});
