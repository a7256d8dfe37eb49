import { z } from 'zod';
import {
  EDGE_KINDS,
  NODE_KINDS,
  isGroupKind,
  type EdgeKind,
  type NodeKind,
  type Size,
} from './kinds';
import { isCleanText } from './text';

/**
 * The diagram document (format version 2, see migrations.ts for the history).
 *
 * Coordinates follow React Flow: a node with a parentId is positioned relative to its parent's
 * top-left corner, and a parent always comes before its children in `nodes`.
 */
export interface Point {
  x: number;
  y: number;
}

export interface DiagramNode {
  id: string;
  kind: NodeKind;
  label: string;
  notes: string;
  position: Point;
  size: Size;
  /** The group (online/offline area) this node sits in; absent at the top level. */
  parentId?: string;
}

export interface DiagramEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  label: string;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface Diagram {
  id: string;
  title: string;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  viewport: Viewport;
}

export type { Size };

export const MAX_NODES = 2_000;
export const MAX_EDGES = 4_000;
export const MAX_ID_LENGTH = 100;
export const MAX_TITLE_LENGTH = 200;
export const MAX_LABEL_LENGTH = 200;
export const MAX_NOTES_LENGTH = 5_000;
/** Node positions stay within ±MAX_COORDINATE on both axes. */
export const MAX_COORDINATE = 1_000_000;
export const MIN_NODE_SIZE = 8;
export const MAX_NODE_SIZE = 20_000;
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 8;
/** The viewport offset is in screen pixels (position × zoom), so it may exceed MAX_COORDINATE. */
export const MAX_VIEWPORT_OFFSET = MAX_COORDINATE * MAX_ZOOM;

/**
 * Longest text accepted from a file or paste (JSON or SVG), in characters. It is above the
 * largest JSON a valid diagram can produce (26.2 M characters at every limit with escape-heavy
 * text, 13.5 M with plain text; limits.test.ts measures it), so every diagram that can be
 * exported can be imported again.
 */
export const MAX_TEXT_CHARS = 30_000_000;
/** Most bytes an SVG's embedded diagram may inflate to: above the 39 MB UTF-8 worst case. */
export const MAX_SVG_INFLATED_BYTES = 40_000_000;
/** Longest share-link fragment decoded; links this long already fail in most chat apps. */
export const MAX_FRAGMENT_CHARS = 2_000_000;
/**
 * Most bytes a share link may inflate to (guards decompression bombs). Diagrams above it are
 * shared as files: shareLinkError says so before a link is offered.
 */
export const MAX_INFLATED_BYTES = 2_000_000;

export const DEFAULT_DIAGRAM_ID = 'diagram';
export const DEFAULT_TITLE = 'Untitled diagram';
export const DEFAULT_VIEWPORT: Readonly<Viewport> = Object.freeze({ x: 0, y: 0, zoom: 1 });

export function emptyDiagram(id = DEFAULT_DIAGRAM_ID, title = DEFAULT_TITLE): Diagram {
  return { id, title, nodes: [], edges: [], viewport: { ...DEFAULT_VIEWPORT } };
}

const singleLine = (max: number, min = 0) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((s) => isCleanText(s, false), 'contains control characters or lone surrogates');
const multiLine = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => isCleanText(s, true), 'contains control characters or lone surrogates');
const bounded = (limit: number) => z.number().min(-limit).max(limit);

export const idSchema = singleLine(MAX_ID_LENGTH, 1);
export const pointSchema = z.strictObject({
  x: bounded(MAX_COORDINATE),
  y: bounded(MAX_COORDINATE),
});
export const sizeSchema = z.strictObject({
  width: z.number().min(MIN_NODE_SIZE).max(MAX_NODE_SIZE),
  height: z.number().min(MIN_NODE_SIZE).max(MAX_NODE_SIZE),
});

export const nodeSchema: z.ZodType<DiagramNode> = z.strictObject({
  id: idSchema,
  kind: z.enum(NODE_KINDS),
  // Labels may wrap onto a second line in the node: they keep \n but no other controls.
  label: multiLine(MAX_LABEL_LENGTH),
  notes: multiLine(MAX_NOTES_LENGTH),
  position: pointSchema,
  size: sizeSchema,
  parentId: idSchema.optional(),
});

export const edgeSchema: z.ZodType<DiagramEdge> = z.strictObject({
  id: idSchema,
  source: idSchema,
  target: idSchema,
  kind: z.enum(EDGE_KINDS),
  label: multiLine(MAX_LABEL_LENGTH),
});

export const viewportSchema: z.ZodType<Viewport> = z.strictObject({
  x: bounded(MAX_VIEWPORT_OFFSET),
  y: bounded(MAX_VIEWPORT_OFFSET),
  zoom: z.number().min(MIN_ZOOM).max(MAX_ZOOM),
});

/**
 * A diagram as restore() guarantees it: every field valid, and the cross-references too
 * (unique ids, edges between existing nodes, parents that are groups listed earlier).
 */
export const diagramSchema: z.ZodType<Diagram> = z
  .strictObject({
    id: idSchema,
    title: singleLine(MAX_TITLE_LENGTH),
    nodes: z.array(nodeSchema).max(MAX_NODES),
    edges: z.array(edgeSchema).max(MAX_EDGES),
    viewport: viewportSchema,
  })
  .superRefine((d, ctx) => {
    for (const issue of referenceIssues(d)) ctx.addIssue({ code: 'custom', message: issue });
  });

/** Cross-reference rules that field schemas cannot express; empty when the diagram is consistent. */
export function referenceIssues(d: Diagram): string[] {
  const issues: string[] = [];
  const seen = new Map<string, DiagramNode>();
  for (const node of d.nodes) {
    if (seen.has(node.id)) issues.push(`duplicate node id ${node.id}`);
    if (node.parentId !== undefined) {
      const parent = seen.get(node.parentId);
      if (!parent) issues.push(`node ${node.id}: parent ${node.parentId} is not listed before it`);
      else if (!isGroupKind(parent.kind))
        issues.push(`node ${node.id}: parent ${node.parentId} is not a group`);
    }
    seen.set(node.id, node);
  }
  const edgeIds = new Set<string>();
  for (const edge of d.edges) {
    if (edgeIds.has(edge.id)) issues.push(`duplicate edge id ${edge.id}`);
    edgeIds.add(edge.id);
    if (!seen.has(edge.source)) issues.push(`edge ${edge.id}: missing source ${edge.source}`);
    if (!seen.has(edge.target)) issues.push(`edge ${edge.id}: missing target ${edge.target}`);
  }
  return issues;
}
