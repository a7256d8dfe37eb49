import type { Migration, MigrationChain } from '../storage/envelope';

/**
 * Format history of saved diagrams (the envelope's `version`). Every file, share link and
 * stored diagram ever written must keep loading, so formats are never edited, only migrated.
 *
 * v1 — the first editor prototype, shaped after its own canvas:
 *   { id, title, zoom, pan: {x, y},
 *     nodes: [{ id, type, label, notes, x, y, width, height, parent }],
 *     edges: [{ id, from, to, type, label }] }
 *   with node types 'feature-store' (one store for both paths), 'cache', 'queue' and a single
 *   'group' whose label said whether it was the online or the offline area.
 *
 * v2 — React Flow naming (see schema.ts): `kind` instead of `type`, `position` and `size`
 *   objects, `parentId`, edges with `source`/`target`, a `viewport` object; the feature store is
 *   split into batch and online, 'cache' is 'prediction-cache', 'queue' is 'event-log', and the
 *   group is 'online-area' or 'offline-area'.
 *
 * Migrations only rename and reshape; they never validate. Whatever they pass on still goes
 * through restoreDiagram, so a migration may meet any junk and must not throw on it (unwrap
 * would report a throw as a corrupt file, losing the whole diagram).
 *
 * To add v3: append a migration here, bump `current`, and add its fixtures in
 * migrations.test.ts (a meta-test fails until you do).
 */
export const DIAGRAM_KIND = 'diagram';

type Rec = Record<string, unknown>;

function isRecord(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only: an inherited or `__proto__` value must never be read as data. */
function own(record: Rec, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

const V1_KIND_RENAMES: Readonly<Record<string, string>> = Object.freeze({
  'feature-store': 'feature-store-batch',
  cache: 'prediction-cache',
  queue: 'event-log',
});

function v1KindToV2(type: unknown, label: unknown): unknown {
  if (typeof type !== 'string') return type;
  if (type === 'group')
    return typeof label === 'string' && /offline/i.test(label) ? 'offline-area' : 'online-area';
  return Object.prototype.hasOwnProperty.call(V1_KIND_RENAMES, type) ? V1_KIND_RENAMES[type] : type;
}

function v1NodeToV2(node: unknown): unknown {
  if (!isRecord(node)) return node;
  const width = own(node, 'width');
  const height = own(node, 'height');
  return {
    id: own(node, 'id'),
    kind: v1KindToV2(own(node, 'type'), own(node, 'label')),
    label: own(node, 'label'),
    notes: own(node, 'notes'),
    position: { x: own(node, 'x'), y: own(node, 'y') },
    size: width === undefined && height === undefined ? undefined : { width, height },
    parentId: own(node, 'parent'),
  };
}

function v1EdgeToV2(edge: unknown): unknown {
  if (!isRecord(edge)) return edge;
  return {
    id: own(edge, 'id'),
    source: own(edge, 'from'),
    target: own(edge, 'to'),
    kind: own(edge, 'type'),
    label: own(edge, 'label'),
  };
}

export const v1ToV2: Migration = (data) => {
  if (!isRecord(data)) return data;
  const nodes = own(data, 'nodes');
  const edges = own(data, 'edges');
  const pan = own(data, 'pan');
  return {
    id: own(data, 'id'),
    title: own(data, 'title'),
    nodes: Array.isArray(nodes) ? nodes.map(v1NodeToV2) : nodes,
    edges: Array.isArray(edges) ? edges.map(v1EdgeToV2) : edges,
    viewport: {
      x: isRecord(pan) ? own(pan, 'x') : undefined,
      y: isRecord(pan) ? own(pan, 'y') : undefined,
      zoom: own(data, 'zoom'),
    },
  };
};

/** migrations[i] turns version i+1 into version i+2 (the envelope's convention). */
export const DIAGRAM_MIGRATIONS: readonly Migration[] = [v1ToV2];

export const DIAGRAM_CHAIN: MigrationChain = {
  current: DIAGRAM_MIGRATIONS.length + 1,
  migrations: DIAGRAM_MIGRATIONS,
};
