import { describe, expect, it } from 'vitest';
import { wrap } from '../storage/envelope';
import { canonicalJson } from './equality';
import { MAX_PROBLEMS } from './read';
import { restoreDiagram, type RestoreResult } from './restore';
import { sampleDiagram } from './sample';
import {
  MAX_COORDINATE,
  MAX_EDGES,
  MAX_LABEL_LENGTH,
  MAX_NODES,
  MAX_NODE_SIZE,
  MAX_NOTES_LENGTH,
  MAX_TEXT_CHARS,
  MAX_TITLE_LENGTH,
  MAX_ZOOM,
  MIN_NODE_SIZE,
  MIN_ZOOM,
  diagramSchema,
  type DiagramNode,
} from './schema';

const now = new Date('2026-01-01T00:00:00Z');

/** Restores, checks the result is valid and idempotent, and returns it. */
function restore(input: unknown): RestoreResult {
  const result = restoreDiagram(input);
  const parsed = diagramSchema.safeParse(result.diagram);
  expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
  const again = restoreDiagram(result.diagram);
  expect(again.problems).toEqual([]);
  expect(canonicalJson(again.diagram)).toBe(canonicalJson(result.diagram));
  return result;
}

const node = (id: string, kind: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind,
  ...extra,
});

describe('restoreDiagram: valid input', () => {
  it('keeps a valid diagram exactly, with no problems', () => {
    const d = sampleDiagram(50, 1);
    const r = restore(d);
    expect(r.problems).toEqual([]);
    expect(r.error).toBeUndefined();
    expect(r.diagram).toEqual(d);
  });

  it('fills defaults for missing fields', () => {
    const r = restore({ nodes: [node('a', 'ann-index')] });
    expect(r.problems).toEqual([]);
    expect(r.diagram).toEqual({
      id: 'diagram',
      title: 'Untitled diagram',
      nodes: [
        {
          id: 'a',
          kind: 'ann-index',
          label: 'ANN index',
          notes: '',
          position: { x: 0, y: 0 },
          size: { width: 180, height: 72 },
        },
      ],
      edges: [],
      viewport: { x: 0, y: 0, zoom: 1 },
    });
  });

  it('accepts an envelope object, envelope text and a byte-order mark', () => {
    const d = sampleDiagram(5, 2);
    const text = wrap('diagram', 2, d, now);
    expect(restore(JSON.parse(text)).diagram).toEqual(d);
    expect(restore(text).diagram).toEqual(d);
    expect(restore(`\uFEFF${text}`).diagram).toEqual(d);
  });
});

describe('restoreDiagram: numbers', () => {
  it.each([
    ['NaN', NaN, 0, 'invalid position'],
    ['Infinity', Infinity, MAX_COORDINATE, 'absurdly far'],
    ['-Infinity', -Infinity, -MAX_COORDINATE, 'absurdly far'],
    ['1e308', 1e308, MAX_COORDINATE, 'absurdly far'],
    ['-1e308', -1e308, -MAX_COORDINATE, 'absurdly far'],
    ['a string', '12', 0, 'invalid position'],
    ['null', null, 0, 'invalid position'],
  ])('clamps a %s coordinate', (_label, x, expected, message) => {
    const r = restore({ nodes: [node('a', 'client', { label: 'App', position: { x, y: 3 } })] });
    expect(r.diagram.nodes[0]!.position).toEqual({ x: expected, y: 3 });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^Node 'App'/);
    expect(r.problems[0]).toContain(message);
  });

  it('reads 1e308 and 1e400 written in JSON text', () => {
    const text = '{"nodes":[{"id":"a","kind":"client","position":{"x":1e308,"y":-1e400}}]}';
    expect(restore(text).diagram.nodes[0]!.position).toEqual({
      x: MAX_COORDINATE,
      y: -MAX_COORDINATE,
    });
  });

  it('turns -0 into 0 so the diagram survives JSON', () => {
    const r = restore({ nodes: [node('a', 'client', { position: { x: -0, y: 0 } })] });
    expect(Object.is(r.diagram.nodes[0]!.position.x, 0)).toBe(true);
  });

  it.each([
    [{ width: 0, height: 40 }, { width: MIN_NODE_SIZE, height: 40 }, 'resized'],
    [{ width: -5, height: 1e9 }, { width: MIN_NODE_SIZE, height: MAX_NODE_SIZE }, 'resized'],
    [{ width: NaN, height: 40 }, { width: 180, height: 40 }, 'invalid size'],
    ['big', { width: 180, height: 64 }, 'invalid size'],
  ])('clamps size %j', (size, expected, message) => {
    const r = restore({ nodes: [node('a', 'client', { size })] });
    expect(r.diagram.nodes[0]!.size).toEqual(expected);
    expect(r.problems[0]).toContain(message);
  });

  it('fills a missing width or height from the kind', () => {
    const r = restore({ nodes: [node('a', 'client', { size: { width: 300 } })] });
    expect(r.diagram.nodes[0]!.size).toEqual({ width: 300, height: 64 });
    expect(r.problems).toEqual([]);
  });

  it('clamps and resets the viewport', () => {
    const r = restore({ nodes: [], viewport: { x: 1e308, y: 2, zoom: 1e9 } });
    expect(r.diagram.viewport).toEqual({ x: 8e6, y: 2, zoom: MAX_ZOOM });
    expect(r.problems).toEqual([
      'The saved zoom or scroll position was out of range and was adjusted.',
    ]);
    expect(restore({ nodes: [], viewport: { zoom: 0 } }).diagram.viewport.zoom).toBe(MIN_ZOOM);
    const bad = restore({ nodes: [], viewport: 'wide' });
    expect(bad.diagram.viewport).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(bad.problems[0]).toMatch(/invalid and were reset/);
  });
});

describe('restoreDiagram: text', () => {
  it('shortens a 100,000-character label, notes and title', () => {
    const long = 'x'.repeat(100_000);
    const r = restore({ title: long, nodes: [node('a', 'note', { label: long, notes: long })] });
    expect(r.diagram.title).toHaveLength(MAX_TITLE_LENGTH);
    expect(r.diagram.nodes[0]!.label).toHaveLength(MAX_LABEL_LENGTH);
    expect(r.diagram.nodes[0]!.notes).toHaveLength(MAX_NOTES_LENGTH);
    expect(r.problems).toEqual([
      'The title was longer than 200 characters and was shortened.',
      `Node '${'x'.repeat(39)}…': its label was longer than 200 characters and was shortened.`,
      `Node '${'x'.repeat(39)}…': its notes were longer than 5,000 characters and were shortened.`,
    ]);
  });

  it('never cuts an emoji in half', () => {
    const label = `${'a'.repeat(MAX_LABEL_LENGTH - 1)}😀`;
    expect(restore({ nodes: [node('a', 'client', { label })] }).diagram.nodes[0]!.label).toBe(
      'a'.repeat(MAX_LABEL_LENGTH - 1),
    );
  });

  it('removes control characters and lone surrogates, keeps line breaks in labels', () => {
    const r = restore({
      title: 'A\r\nB\u0000',
      nodes: [node('a', 'client', { label: 'line 1\r\nline 2\u0007\uD800', notes: 'tab\there' })],
    });
    expect(r.diagram.title).toBe('A B');
    expect(r.diagram.nodes[0]!.label).toBe('line 1\nline 2\uFFFD');
    expect(r.diagram.nodes[0]!.notes).toBe('tab\there');
  });

  it('accepts numbers as labels and resets objects', () => {
    const r = restore({
      nodes: [node('a', 'client', { label: 42 }), node('b', 'cdn', { label: {} })],
    });
    expect(r.diagram.nodes.map((n) => n.label)).toEqual(['42', 'CDN']);
    expect(r.problems).toEqual(["Node 'b': its label was not text and was reset to 'CDN'."]);
  });
});

describe('restoreDiagram: kinds and references', () => {
  it('removes nodes of unknown or missing kinds and keeps the rest', () => {
    const r = restore({
      nodes: [
        node('x', 'foo'),
        node('a', 'client'),
        { id: 'y' },
        node('z', 'constructor'),
        node('p', '__proto__'),
        node('t', 'toString'),
        node('b', 'cdn'),
      ],
    });
    expect(r.diagram.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(r.problems).toEqual([
      "Node 'x' had an unknown kind 'foo' and was removed.",
      "Node 'y' had no kind and was removed.",
      "Node 'z' had an unknown kind 'constructor' and was removed.",
      "Node 'p' had an unknown kind '__proto__' and was removed.",
      "Node 't' had an unknown kind 'toString' and was removed.",
    ]);
  });

  it('removes entries that are not nodes and keeps the others', () => {
    const r = restore({ nodes: [null, 7, 'a', [], node('a', 'client'), undefined] });
    expect(r.diagram.nodes.map((n) => n.id)).toEqual(['a']);
    expect(r.problems).toHaveLength(5);
    expect(r.problems[0]).toBe('Entry #1 in the node list was not a node and was removed.');
  });

  it('removes dangling connections', () => {
    const r = restore({
      nodes: [node('a', 'client'), node('x', 'foo')],
      edges: [
        { id: 'e1', source: 'a', target: 'gone' },
        { id: 'e2', source: 'x', target: 'a', label: 'clicks' },
        { id: 'e3', target: 'a' },
        { id: 'e4', source: 'a', target: 'a' },
      ],
    });
    expect(r.diagram.edges.map((e) => e.id)).toEqual(['e4']);
    expect(r.problems.slice(1)).toEqual([
      "Connection 'e1' ended at a node that is missing ('gone') and was removed.",
      "Connection 'clicks' started at a node that is missing ('x') and was removed.",
      "Connection 'e3' had no start node and was removed.",
    ]);
  });

  it('makes a connection of unknown kind a data flow', () => {
    const r = restore({
      nodes: [node('a', 'client'), node('b', 'cdn')],
      edges: [
        { id: 'e', source: 'a', target: 'b', kind: 'telepathy' },
        { id: 'f', source: 'a', target: 'b' },
      ],
    });
    expect(r.diagram.edges.map((e) => e.kind)).toEqual(['data', 'data']);
    expect(r.problems).toEqual([
      "Connection 'e' had an unknown kind 'telepathy'; it is now a data flow.",
    ]);
  });

  it('keeps the first of duplicate node ids and renames the rest', () => {
    const r = restore({
      nodes: [
        node('a', 'client', { label: 'App' }),
        node('a', 'cdn', { label: 'Edge' }),
        node('a', 'database'),
        node('a-2', 'monitoring'),
      ],
      edges: [{ id: 'e', source: 'a', target: 'a-2' }],
    });
    expect(r.diagram.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['a', 'client'],
      ['a-3', 'cdn'],
      ['a-4', 'database'],
      ['a-2', 'monitoring'],
    ]);
    expect(r.diagram.edges[0]).toMatchObject({ source: 'a', target: 'a-2' });
    expect(r.problems[0]).toBe(
      "Two nodes had the id 'a'; the later one (Node 'Edge') was renamed 'a-3', and connections to 'a' stay on the first.",
    );
  });

  it('renames duplicate connection ids', () => {
    const r = restore({
      nodes: [node('a', 'client'), node('b', 'cdn')],
      edges: [
        { id: 'e', source: 'a', target: 'b' },
        { id: 'e', source: 'b', target: 'a' },
      ],
    });
    expect(r.diagram.edges.map((e) => e.id)).toEqual(['e', 'e-2']);
    expect(r.problems).toEqual([
      "Two connections had the id 'e'; the later one (Connection 'e') was renamed 'e-2'.",
    ]);
  });

  it('gives missing and unusable ids fresh ones, and numbers become text', () => {
    const long = 'i'.repeat(300);
    const r = restore({
      nodes: [
        { kind: 'client' },
        node(long, 'cdn'),
        { id: 7, kind: 'database' },
        node('node-1', 'note'),
      ],
      edges: [
        { source: long, target: 7 },
        { source: '7', target: 'node-1' },
      ],
    });
    expect(r.diagram.nodes.map((n) => n.id)).toEqual(['node-2', 'node-3', '7', 'node-1']);
    expect(r.diagram.edges).toMatchObject([
      { id: 'edge-1', source: 'node-3', target: '7' },
      { id: 'edge-2', source: '7', target: 'node-1' },
    ]);
    expect(r.problems).toEqual([
      `Node '${'i'.repeat(39)}…' had an unusable id and was given the id 'node-3'.`,
    ]);
  });
});

describe('restoreDiagram: hostile keys', () => {
  it('ignores __proto__, constructor, prototype and every field it does not know', () => {
    const text = `{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},
      "nodes":[{"__proto__":{"kind":"client","isAdmin":true},"id":"a","kind":"client",
        "style":{"background":"url(javascript:alert(1))"},"className":"x","data-testid":"y",
        "onclick":"alert(1)","prototype":{},"position":{"x":1,"y":2,"__proto__":{"z":3}}}],
      "edges":[]}`;
    const r = restore(text);
    expect(r.diagram.nodes).toEqual([
      {
        id: 'a',
        kind: 'client',
        label: 'Client / app',
        notes: '',
        position: { x: 1, y: 2 },
        size: { width: 180, height: 64 },
      },
    ]);
    for (const n of r.diagram.nodes) expect(Object.getPrototypeOf(n)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(r.diagram)).toEqual(['id', 'title', 'nodes', 'edges', 'viewport']);
  });

  it('does not read a kind hidden in __proto__', () => {
    const r = restore(JSON.parse('{"nodes":[{"id":"a","__proto__":{"kind":"client"}}]}'));
    expect(r.diagram.nodes).toEqual([]);
    expect(r.problems).toEqual(["Node 'a' had no kind and was removed."]);
  });

  it('does not read inherited fields', () => {
    const sneaky = Object.create({ kind: 'client', id: 'a' }) as object;
    expect(restore({ nodes: [sneaky] }).diagram.nodes).toEqual([]);
  });

  it('survives getters that throw', () => {
    const trap = {
      id: 'a',
      get kind(): string {
        throw new Error('boom');
      },
    };
    const r = restore({ nodes: [trap, node('b', 'client')] });
    expect(r.diagram.nodes.map((n) => n.id)).toEqual(['b']);
    expect(r.problems).toEqual(['Node #1 could not be read and was removed.']);
  });
});

describe('restoreDiagram: areas (parentId)', () => {
  const area = (id: string, extra: Record<string, unknown> = {}) => node(id, 'online-area', extra);

  it('keeps nodes inside areas, nested areas too', () => {
    const r = restore({
      nodes: [
        area('on'),
        node('off', 'offline-area', { parentId: 'on' }),
        node('a', 'client', { parentId: 'off' }),
      ],
    });
    expect(r.problems).toEqual([]);
    expect(r.diagram.nodes.map((n) => n.parentId)).toEqual([undefined, 'on', 'off']);
  });

  it('moves parents before their children', () => {
    const r = restore({
      nodes: [node('a', 'client', { parentId: 'g' }), node('b', 'cdn'), area('g')],
    });
    expect(r.problems).toEqual([]);
    expect(r.diagram.nodes.map((n) => n.id)).toEqual(['g', 'a', 'b']);
  });

  it('frees nodes whose area is missing, is not an area, or is themselves', () => {
    const r = restore({
      nodes: [
        node('a', 'client', { parentId: 'gone' }),
        node('b', 'cdn', { parentId: 'a' }),
        area('c', { parentId: 'c' }),
        node('d', 'database', { parentId: { id: 'x' } }),
      ],
    });
    expect(r.diagram.nodes.every((n: DiagramNode) => n.parentId === undefined)).toBe(true);
    expect(r.problems).toEqual([
      "Node 'a' was inside an area that is missing ('gone'); it now sits on the canvas outside any area.",
      "Node 'b' was inside Node 'a', which is not an area (only online and offline areas hold nodes); it now sits outside any area.",
      "Node 'c' was set to be inside itself; it now sits outside any area.",
      "Node 'd' was inside an area that is missing ('(not an id)'); it now sits on the canvas outside any area.",
    ]);
  });

  it('cuts a loop of areas inside each other', () => {
    const r = restore({
      nodes: [
        area('a', { parentId: 'c' }),
        area('b', { parentId: 'a' }),
        area('c', { parentId: 'b' }),
        node('x', 'client', { parentId: 'b' }),
      ],
    });
    expect(r.problems).toEqual([
      "3 areas were inside each other in a loop (Node 'a', Node 'c', Node 'b'); Node 'a' now sits outside any area.",
    ]);
    expect(r.diagram.nodes.map((n) => [n.id, n.parentId])).toEqual([
      ['a', undefined],
      ['b', 'a'],
      ['c', 'b'],
      ['x', 'b'],
    ]);
  });

  it('handles a chain of 2,000 nested areas', () => {
    const nodes = Array.from({ length: MAX_NODES }, (_, i) =>
      area(`g${i}`, { parentId: `g${i + 1}` }),
    );
    const r = restore({ nodes });
    expect(r.diagram.nodes).toHaveLength(MAX_NODES);
    expect(r.diagram.nodes[0]!.id).toBe(`g${MAX_NODES - 1}`);
  });
});

describe('restoreDiagram: limits', () => {
  it(`keeps the first ${MAX_NODES} nodes and ${MAX_EDGES} connections`, () => {
    const nodes = Array.from({ length: MAX_NODES + 500 }, (_, i) => node(`n${i}`, 'client'));
    const edges = Array.from({ length: MAX_EDGES + 10 }, (_, i) => ({
      source: `n${i % 100}`,
      target: 'n0',
    }));
    const r = restore({ nodes, edges });
    expect(r.diagram.nodes).toHaveLength(MAX_NODES);
    expect(r.diagram.edges).toHaveLength(MAX_EDGES);
    expect(r.problems).toEqual([
      'A diagram holds at most 2,000 nodes; the last 500 entries of the node list were left out.',
      'A diagram holds at most 4,000 connections; the last 10 entries of the connection list were left out.',
    ]);
  });

  it(`lists at most ${MAX_PROBLEMS} problems and sums up the rest`, () => {
    const r = restore({ nodes: Array.from({ length: 1000 }, () => null) });
    expect(r.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(r.problems.at(-1)).toBe('…and 900 more problems like these.');
  });

  it('reads a huge list of junk quickly', () => {
    const start = performance.now();
    const r = restore({
      nodes: new Array(1_000_000).fill(0),
      edges: new Array(1_000_000).fill('x'),
    });
    expect(performance.now() - start).toBeLessThan(1000);
    expect(r.diagram.nodes).toEqual([]);
  });
});

describe('restoreDiagram: unreadable input', () => {
  it.each([
    ['null', null, 'not-a-diagram'],
    ['a number', 42, 'not-a-diagram'],
    ['an array', [], 'not-a-diagram'],
    ['an object without nodes', { hello: 1 }, 'not-a-diagram'],
    ['text that is not JSON', '{nodes: oops', 'not-json'],
    ['JSON that is not a diagram', '[1,2,3]', 'not-a-diagram'],
    ['another app', { app: 'excalidraw', kind: 'diagram', version: 1, data: {} }, 'not-a-diagram'],
    ['another MLSD Lab kind', JSON.parse(wrap('progress', 1, {}, now)), 'wrong-kind'],
    ['a future format', JSON.parse(wrap('diagram', 99, { nodes: [] }, now)), 'future-version'],
    ['a broken version', { app: 'mlsd-lab', kind: 'diagram', version: 'two', data: {} }, 'corrupt'],
    ['an envelope without data', { app: 'mlsd-lab', kind: 'diagram', version: 2 }, 'corrupt'],
    ['too much text', ' '.repeat(MAX_TEXT_CHARS + 1), 'too-large'],
  ])('refuses %s with a clear error', (_label, input, code) => {
    const r = restore(input);
    expect(r.error?.code).toBe(code);
    expect(r.problems).toEqual([r.error?.message]);
    expect(r.diagram.nodes).toEqual([]);
  });

  it('words the future-version error so the learner knows what to do', () => {
    const r = restore(wrap('diagram', 3, {}, now));
    expect(r.error?.message).toBe(
      'This diagram cannot be opened here: it was saved by a newer version of MLSD Lab (format 3; this page knows up to 2). Reload the page to update MLSD Lab, then try again.',
    );
  });

  it('reports an envelope that cannot be turned into JSON', () => {
    const cyclic: Record<string, unknown> = { app: 'mlsd-lab', kind: 'diagram', version: 2 };
    cyclic.data = cyclic;
    expect(restore(cyclic).error?.code).toBe('corrupt');
  });
});

describe('restoreDiagram: hostile objects', () => {
  it('survives a revoked proxy and a list whose length lies', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(restore(proxy).error?.code).toBe('corrupt');
    expect(restore({ nodes: proxy }).error?.code).toBe('corrupt');
    const liar = new Proxy([node('a', 'client')], {
      get: (target, key) => (key === 'length' ? 1e12 : Reflect.get(target, key)),
    });
    const r = restore({ nodes: liar });
    expect(r.diagram.nodes.map((n) => n.id)).toEqual(['a']);
  });

  it('survives a thrown value whose toString throws', () => {
    const evil = {
      get nodes(): never {
        throw {
          toString() {
            throw new Error('again');
          },
        };
      },
    };
    expect(restore(evil).error).toEqual({
      code: 'corrupt',
      message: 'This diagram could not be read: its data is damaged.',
    });
  });
});
