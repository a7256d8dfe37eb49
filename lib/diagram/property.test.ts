import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { wrap } from '../storage/envelope';
import { base64UrlEncode } from './codec';
import { canonicalJson } from './equality';
import { embedInSvgMetadata, exportDiagramJson, extractFromSvg, importDiagramText } from './files';
import { EDGE_KINDS, NODE_KINDS, NODE_KIND_INFO } from './kinds';
import { restoreDiagram, type DiagramImport, type RestoreResult } from './restore';
import { sampleDiagram } from './sample';
import {
  MAX_COORDINATE,
  MAX_LABEL_LENGTH,
  MAX_NODE_SIZE,
  MAX_NOTES_LENGTH,
  MAX_TITLE_LENGTH,
  MAX_VIEWPORT_OFFSET,
  MAX_ZOOM,
  MIN_NODE_SIZE,
  MIN_ZOOM,
  diagramSchema,
  type Diagram,
  type DiagramEdge,
  type DiagramNode,
} from './schema';
import { decodeShareFragment, encodeShareFragment } from './share';
import { cleanText, truncateText } from './text';

/**
 * Hostile and malformed input, thousands of times: nothing may throw, every call must finish
 * well under a second, every result must pass the schema, and valid diagrams must survive every
 * round trip. The seed is fixed (set FC_SEED to explore others); a failure prints its seed and path.
 */
const SEED = Number(process.env.FC_SEED ?? 20260101);
const now = new Date('2026-01-01T00:00:00Z');
const stats = { inputs: 0, hostile: 0, calls: 0, maxMs: 0, slowest: '', maxInputMs: 0 };

function timed<T>(what: string, fn: () => T): T {
  const start = performance.now();
  const out = fn();
  const ms = performance.now() - start;
  stats.calls++;
  if (ms > stats.maxMs) Object.assign(stats, { maxMs: ms, slowest: what });
  expect(ms, `${what} took ${ms.toFixed(0)} ms`).toBeLessThan(1000);
  return out;
}

function checkRestore(r: RestoreResult): Diagram {
  const parsed = diagramSchema.safeParse(r.diagram);
  expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 2))).toBe(true);
  expect(r.problems.every((p) => typeof p === 'string' && p.length > 0)).toBe(true);
  if (r.error) expect(r.diagram.nodes).toEqual([]);
  return r.diagram;
}

function checkImport(r: DiagramImport): void {
  if (r.ok) checkRestore({ diagram: r.diagram, problems: r.problems });
  else expect(r.error.message).toMatch(/^[A-Z]/);
}

/** Every way a valid diagram travels must bring it back unchanged. */
function checkRoundTrips(d: Diagram): void {
  const expected = canonicalJson(d);
  const again = timed('restore(valid)', () => restoreDiagram(d));
  expect(again.problems).toEqual([]);
  expect(canonicalJson(again.diagram)).toBe(expected);
  const fromJson = timed('import JSON', () => importDiagramText(exportDiagramJson(d, now)));
  expect(fromJson.ok && canonicalJson(fromJson.diagram)).toBe(expected);
  const fromLink = timed('share link', () => decodeShareFragment(encodeShareFragment(d, now)));
  expect(fromLink.ok && canonicalJson(fromLink.diagram)).toBe(expected);
}

function run<T>(
  arb: fc.Arbitrary<T>,
  numRuns: number,
  offset: number,
  check: (v: T) => void,
  hostile = true,
) {
  fc.assert(
    fc.property(arb, (v) => {
      stats.inputs++;
      if (hostile) stats.hostile++;
      const start = performance.now();
      check(v);
      stats.maxInputMs = Math.max(stats.maxInputMs, performance.now() - start);
    }),
    { numRuns, seed: SEED + offset },
  );
}

// ---- hostile pieces -------------------------------------------------------------------------

const LONG = 'x'.repeat(100_000);
const ids = fc.constantFrom(
  'a',
  'b',
  'c',
  'g1',
  'g2',
  'a-2',
  'node-1',
  'edge-1',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '',
  ' ',
);
const hostileId = fc.oneof(
  { weight: 6, arbitrary: ids },
  fc.string({ maxLength: 4 }),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(null, undefined, NaN, 1.5, 'i'.repeat(150), 'a\u0000b'),
  fc.constant({}),
);
const hostileNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -1e308, -0, 5e-324, 2 ** 53, 0.05, 8),
  fc.integer({ min: -3000, max: 3000 }),
  fc.constantFrom('12', null, undefined, true, {}, [1]),
);
const hostileText = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.constantFrom(
    LONG,
    '\uD800',
    '\uDC00x',
    'a\r\nb\u0007',
    '😀'.repeat(150),
    null,
    undefined,
    42,
    {},
    ['a'],
  ),
);
const hostileKind = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NODE_KINDS) },
  fc.constantFrom(
    'foo',
    'constructor',
    '__proto__',
    'toString',
    'group',
    '',
    'Client',
    null,
    undefined,
    3,
    {},
  ),
);
const point = (n: fc.Arbitrary<unknown>, a: string, b: string) =>
  fc.oneof({ weight: 4, arbitrary: fc.record({ [a]: n, [b]: n }, { requiredKeys: [] }) }, n);

const hostileNode = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record(
      {
        id: hostileId,
        kind: hostileKind,
        label: hostileText,
        notes: hostileText,
        position: point(hostileNumber, 'x', 'y'),
        size: point(hostileNumber, 'width', 'height'),
        parentId: hostileId,
        style: fc.constant({ background: 'url(javascript:alert(1))' }),
        className: fc.string({ maxLength: 5 }),
        'data-testid': fc.string({ maxLength: 5 }),
      },
      { requiredKeys: ['id', 'kind'] },
    ),
  },
  fc.anything({ maxDepth: 2 }),
);
const hostileEdge = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record(
      {
        id: hostileId,
        source: hostileId,
        target: hostileId,
        kind: fc.oneof(fc.constantFrom(...EDGE_KINDS), fc.constantFrom('x', '__proto__', null, 1)),
        label: hostileText,
        animated: fc.boolean(),
      },
      { requiredKeys: ['source', 'target'] },
    ),
  },
  fc.anything({ maxDepth: 2 }),
);
const hostileDiagram = fc.record(
  {
    id: hostileId,
    title: hostileText,
    nodes: fc.oneof(
      { weight: 12, arbitrary: fc.array(hostileNode, { maxLength: 30 }) },
      fc.anything({ maxDepth: 2 }),
    ),
    edges: fc.oneof(
      { weight: 12, arbitrary: fc.array(hostileEdge, { maxLength: 40 }) },
      fc.anything({ maxDepth: 2 }),
    ),
    viewport: point(hostileNumber, 'x', 'zoom'),
  },
  { requiredKeys: ['nodes'] },
);
/** A v1 file's shape (see migrations.ts), with the same hostile values. */
const hostileV1 = fc.record(
  {
    id: hostileId,
    title: hostileText,
    zoom: hostileNumber,
    pan: point(hostileNumber, 'x', 'y'),
    nodes: fc.array(
      fc.record(
        {
          id: hostileId,
          type: fc.oneof(hostileKind, fc.constantFrom('feature-store', 'cache', 'queue', 'group')),
          label: hostileText,
          x: hostileNumber,
          y: hostileNumber,
          width: hostileNumber,
          parent: hostileId,
        },
        { requiredKeys: [] },
      ),
      { maxLength: 20 },
    ),
    edges: fc.array(
      fc.record(
        { id: hostileId, from: hostileId, to: hostileId, type: fc.constantFrom('data', 'x') },
        { requiredKeys: [] },
      ),
      { maxLength: 20 },
    ),
  },
  { requiredKeys: [] },
);

/**
 * A realistic diagram with damage: fields overwritten with hostile values, nodes duplicated
 * (duplicate ids), and nodes moved into other nodes (missing, non-area and looping parents).
 */
const damagedSample = fc
  .record({
    n: fc.integer({ min: 1, max: 40 }),
    seed: fc.nat(),
    edits: fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom(
          'id',
          'kind',
          'label',
          'notes',
          'position',
          'size',
          'parentId',
          'source',
          'target',
        ),
        fc.oneof(hostileId, hostileNumber, hostileText, hostileKind),
      ),
      { maxLength: 10 },
    ),
    copies: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 5 }),
    moves: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 5 }),
  })
  .map(({ n, seed, edits, copies, moves }) => {
    const d = sampleDiagram(n, seed) as unknown as {
      nodes: Record<string, unknown>[];
      edges: Record<string, unknown>[];
    };
    for (const [i, field, value] of edits) {
      const list = field === 'source' || field === 'target' ? d.edges : d.nodes;
      const item = list[i % Math.max(1, list.length)];
      if (item) item[field] = value;
    }
    for (const [i, j] of copies)
      d.nodes.splice(j % d.nodes.length, 0, { ...d.nodes[i % d.nodes.length]! });
    for (const [i, j] of moves)
      d.nodes[i % d.nodes.length]!.parentId = d.nodes[j % d.nodes.length]!.id;
    return d;
  });

/** Puts a `__proto__` key (parsed by JSON.parse as an own property) into every object. */
function withProtoKeys(json: string): string {
  return json.replace(/\{(?=")/g, '{"__proto__":{"kind":"client","id":"p","polluted":true},');
}

// ---- valid diagrams ---------------------------------------------------------------------------

const validText = (max: number, multiline: boolean) =>
  fc
    .string({ unit: 'grapheme', maxLength: Math.min(max, 40) })
    .map((s) => truncateText(cleanText(s, multiline), max));
const coord = fc.double({ min: -MAX_COORDINATE, max: MAX_COORDINATE, noNaN: true });
const length = fc.double({ min: MIN_NODE_SIZE, max: MAX_NODE_SIZE, noNaN: true });
const validId = fc.oneof(
  fc
    .string({ minLength: 1, maxLength: 12 })
    .map((s) => cleanText(s, false))
    .filter((s) => s.length > 0),
  ids.filter((s) => s !== ''),
);

const validDiagram: fc.Arbitrary<Diagram> = fc
  .record({
    id: validId,
    title: validText(MAX_TITLE_LENGTH, false),
    nodeIds: fc.uniqueArray(validId, { maxLength: 25, size: 'medium' }),
    specs: fc.array(
      fc.record({
        kind: fc.constantFrom(...NODE_KINDS),
        label: validText(MAX_LABEL_LENGTH, true),
        notes: validText(MAX_NOTES_LENGTH, true),
        x: coord,
        y: coord,
        w: length,
        h: length,
        parent: fc.nat(),
      }),
      { minLength: 25, maxLength: 25 },
    ),
    edgeIds: fc.uniqueArray(validId, { maxLength: 30, size: 'medium' }),
    edgeSpecs: fc.array(
      fc.record({
        s: fc.nat(),
        t: fc.nat(),
        kind: fc.constantFrom(...EDGE_KINDS),
        label: validText(MAX_LABEL_LENGTH, true),
      }),
      { minLength: 30, maxLength: 30 },
    ),
    viewport: fc.record({
      x: fc.double({ min: -MAX_VIEWPORT_OFFSET, max: MAX_VIEWPORT_OFFSET, noNaN: true }),
      y: fc.double({ min: -MAX_VIEWPORT_OFFSET, max: MAX_VIEWPORT_OFFSET, noNaN: true }),
      zoom: fc.double({ min: MIN_ZOOM, max: MAX_ZOOM, noNaN: true }),
    }),
  })
  .map(({ id, title, nodeIds, specs, edgeIds, edgeSpecs, viewport }) => {
    const nodes: DiagramNode[] = nodeIds.map((nid, i) => {
      const s = specs[i]!;
      return {
        id: nid,
        kind: s.kind,
        label: s.label,
        notes: s.notes,
        position: { x: s.x, y: s.y },
        size: { width: s.w, height: s.h },
      };
    });
    // Parents: an earlier group node, so the order rule holds.
    nodes.forEach((n, i) => {
      const groups = nodes.slice(0, i).filter((g) => NODE_KIND_INFO[g.kind].group);
      const pick = specs[i]!.parent % (groups.length + 1);
      if (pick > 0) n.parentId = groups[pick - 1]!.id;
    });
    const edges: DiagramEdge[] =
      nodes.length === 0
        ? []
        : edgeIds.map((eid, i) => {
            const s = edgeSpecs[i]!;
            return {
              id: eid,
              source: nodes[s.s % nodes.length]!.id,
              target: nodes[s.t % nodes.length]!.id,
              kind: s.kind,
              label: s.label,
            };
          });
    return { id, title, nodes, edges, viewport };
  });

// ---- properties ---------------------------------------------------------------------------------

describe('property: restore never fails', () => {
  it('arbitrary values (2,500)', () => {
    const anything = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
    });
    run(anything, 2500, 1, (x) => {
      checkRestore(timed('restore(anything)', () => restoreDiagram(x)));
      checkRestore(
        timed('restore({nodes: anything})', () => restoreDiagram({ nodes: x, edges: x })),
      );
      checkRestore(
        timed('restore(envelope of anything)', () =>
          restoreDiagram({ app: 'mlsd-lab', kind: 'diagram', version: 2, data: x }),
        ),
      );
    });
  });

  it('hostile diagrams as objects and as JSON with __proto__ keys (3,000)', () => {
    run(hostileDiagram, 3000, 2, (x) => {
      const d = checkRestore(timed('restore(hostile)', () => restoreDiagram(x)));
      checkRoundTrips(d);
      const text = withProtoKeys(JSON.stringify(x));
      checkImport(timed('import(hostile JSON)', () => importDiagramText(text)));
    });
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('realistic diagrams with damage (1,500)', () => {
    run(damagedSample, 1500, 8, (x) => {
      const d = checkRestore(timed('restore(damaged)', () => restoreDiagram(x)));
      checkRoundTrips(d);
      checkImport(
        timed('import(damaged JSON)', () => importDiagramText(withProtoKeys(JSON.stringify(x)))),
      );
    });
  });

  it('envelopes of any version around v1- and v2-shaped junk (1,500)', () => {
    const version = fc.constantFrom<unknown>(1, 2, 3, 0, -1, 1.5, '2', null);
    run(fc.tuple(version, fc.oneof(hostileV1, hostileDiagram)), 1500, 3, ([v, data]) => {
      const text = JSON.stringify({
        app: 'mlsd-lab',
        kind: 'diagram',
        version: v,
        savedAt: now.toISOString(),
        data,
      });
      checkRestore(timed('restore(envelope)', () => restoreDiagram(text)));
      checkImport(timed('import(envelope)', () => importDiagramText(withProtoKeys(text))));
    });
  });

  it('share fragments: random text, random bytes, random deflate, damaged links (2,000)', () => {
    const valid = encodeShareFragment(sampleDiagram(20, 1), now);
    const fragment = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }).map((s) => `1.${s}`),
      fc.uint8Array({ maxLength: 300 }).map((b) => `1.${base64UrlEncode(b)}`),
      fc.uint8Array({ maxLength: 300 }).map((b) => `1.${base64UrlEncode(deflateSync(b))}`),
      hostileDiagram.map(
        (d) =>
          `1.${base64UrlEncode(deflateSync(new TextEncoder().encode(wrap('diagram', 2, d, now))))}`,
      ),
      fc
        .tuple(fc.nat(valid.length - 1), fc.string({ minLength: 1, maxLength: 1 }))
        .map(([i, c]) => valid.slice(0, i) + c + valid.slice(i + 1)),
      fc.nat(valid.length).map((i) => valid.slice(0, i)),
    );
    run(fragment, 2000, 4, (f) =>
      checkImport(timed('decodeShareFragment', () => decodeShareFragment(f))),
    );
  });

  it('SVG text: random, with random payloads, damaged exports (1,500)', () => {
    const exported = embedInSvgMetadata(
      '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>',
      sampleDiagram(15, 2),
      now,
    );
    const svg = fc.oneof(
      fc.string({ maxLength: 200 }).map((s) => `<svg>${s}</svg>`),
      fc.string({ unit: 'binary', maxLength: 200 }).map((s) => `<${s}`),
      fc
        .uint8Array({ maxLength: 300 })
        .map(
          (b) =>
            `<svg><metadata><mlsd:diagram>1.${base64UrlEncode(b)}</mlsd:diagram></metadata></svg>`,
        ),
      fc.string({ maxLength: 100 }).map((s) => `<svg><mlsd:diagram ${s}>${s}</mlsd:diagram>`),
      fc
        .tuple(fc.nat(exported.length - 1), fc.string({ minLength: 1, maxLength: 1 }))
        .map(([i, c]) => exported.slice(0, i) + c + exported.slice(i + 1)),
      fc.nat(exported.length).map((i) => exported.slice(0, i)),
    );
    run(svg, 1500, 5, (s) => {
      checkImport(timed('extractFromSvg', () => extractFromSvg(s)));
      checkImport(timed('importDiagramText(svg)', () => importDiagramText(s)));
    });
  });

  it('deep nesting and huge arrays (36)', () => {
    const deep = fc.integer({ min: 1000, max: 20_000 }).map((n) => '['.repeat(n) + ']'.repeat(n));
    const nestedNotes = fc.integer({ min: 100, max: 3000 }).map((n) => {
      let v: unknown = 'x';
      for (let i = 0; i < n; i++) v = [v];
      return { nodes: [{ id: 'a', kind: 'note', notes: v, label: v }], edges: v };
    });
    const huge = fc.integer({ min: 2000, max: 4000 }).map((n) => ({
      nodes: Array.from({ length: n }, (_, i) => ({
        id: `n${i % 1500}`,
        kind: 'client',
        parentId: `n${(i * 7) % n}`,
        label: 'L'.repeat(300),
      })),
      edges: Array.from({ length: n * 2 }, (_, i) => ({
        source: `n${i % 1700}`,
        target: `n${(i * 13) % 2100}`,
      })),
    }));
    run(fc.oneof(deep, nestedNotes, huge), 36, 6, (x) => {
      const d = checkRestore(timed('restore(deep/huge)', () => restoreDiagram(x)));
      checkRestore(
        timed('restore(deep/huge envelope)', () =>
          restoreDiagram({ app: 'mlsd-lab', kind: 'diagram', version: 2, data: x }),
        ),
      );
      if (typeof x !== 'string')
        checkImport(timed('import(deep/huge JSON)', () => importDiagramText(JSON.stringify(x))));
      checkRoundTrips(d);
    });
  });
});

describe('property: valid diagrams survive every round trip', () => {
  it('JSON, share link and SVG (600)', () => {
    run(
      validDiagram,
      600,
      7,
      (d) => {
        expect(diagramSchema.safeParse(d).success).toBe(true);
        checkRoundTrips(d);
        const fromSvg = timed('svg round trip', () =>
          extractFromSvg(embedInSvgMetadata('<svg></svg>', d, now)),
        );
        expect(fromSvg.ok && canonicalJson(fromSvg.diagram)).toBe(canonicalJson(d));
      },
      false,
    );
  });
});

afterAll(() => {
  console.log(
    `property tests: ${stats.inputs} generated inputs (${stats.hostile} malformed or hostile), ${stats.calls} timed calls; slowest call ${stats.maxMs.toFixed(1)} ms (${stats.slowest}), slowest input with all its checks ${stats.maxInputMs.toFixed(1)} ms; seed ${SEED}`,
  );
  expect(stats.hostile).toBeGreaterThanOrEqual(10_000);
});
