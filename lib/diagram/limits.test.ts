import { describe, expect, it } from 'vitest';
import { canonicalJson } from './equality';
import { embedInSvgMetadata, exportDiagramJson, extractFromSvg, importDiagramText } from './files';
import { sampleDiagram } from './sample';
import {
  MAX_EDGES,
  MAX_ID_LENGTH,
  MAX_LABEL_LENGTH,
  MAX_NODES,
  MAX_NOTES_LENGTH,
  MAX_SVG_INFLATED_BYTES,
  MAX_TEXT_CHARS,
  MAX_TITLE_LENGTH,
  diagramSchema,
  type Diagram,
} from './schema';
import { shareLinkError } from './share';

const now = new Date('2026-01-01T00:00:00Z');

/** A diagram at every limit, filled with `ch` (and `notesCh` in notes). */
function largest(ch: string, notesCh = ch): Diagram {
  const id = (i: number) => `${i}${ch.repeat(MAX_ID_LENGTH)}`.slice(0, MAX_ID_LENGTH);
  return {
    id: id(0),
    title: ch.repeat(MAX_TITLE_LENGTH),
    nodes: Array.from({ length: MAX_NODES }, (_, i) => ({
      id: id(i),
      kind: i === 0 ? 'offline-area' : 'feature-store-online',
      label: ch.repeat(MAX_LABEL_LENGTH),
      notes: notesCh.repeat(MAX_NOTES_LENGTH),
      position: { x: -123456.78901234567, y: -0.000001234567890123 },
      size: { width: 12345.678901234567, height: 19999.999999999996 },
      ...(i > 0 ? { parentId: id(0) } : {}),
    })),
    edges: Array.from({ length: MAX_EDGES }, (_, i) => ({
      id: id(i),
      source: id(i % MAX_NODES),
      target: id((i + 1) % MAX_NODES),
      kind: 'training',
      label: ch.repeat(MAX_LABEL_LENGTH),
    })),
    viewport: { x: -1234567.8901234567, y: 1, zoom: 0.123456789012345 },
  };
}

describe('the largest valid diagrams', () => {
  it('export to JSON within the import limit, and import back unchanged', () => {
    const d = largest('"', '\n');
    expect(diagramSchema.safeParse(d).success).toBe(true);
    const json = exportDiagramJson(d, now);
    expect(json.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    const start = performance.now();
    const r = importDiagramText(json);
    const ms = performance.now() - start;
    console.log(
      `largest diagram: ${(json.length / 1e6).toFixed(1)} M chars of JSON, imported in ${ms.toFixed(0)} ms`,
    );
    expect(r.ok && r.problems).toEqual([]);
    expect(r.ok && canonicalJson(r.diagram)).toBe(canonicalJson(d));
  });

  it('fit in an SVG with multi-byte text, within the inflate limit', () => {
    const d = largest('中');
    const bytes = new TextEncoder().encode(exportDiagramJson(d, now)).length;
    expect(bytes).toBeLessThanOrEqual(MAX_SVG_INFLATED_BYTES);
    const r = extractFromSvg(embedInSvgMetadata('<svg></svg>', d, now));
    expect(r.ok && canonicalJson(r.diagram)).toBe(canonicalJson(d));
  });

  it('are refused as share links before a link is offered; ordinary ones are not', () => {
    const big = sampleDiagram(500, 1);
    for (const n of big.nodes) n.notes = 'x'.repeat(MAX_NOTES_LENGTH);
    expect(shareLinkError(big)?.message).toMatch(
      /^This diagram is too big for a share link \(2\.\d MB; links hold up to 2 MB\)\. Download it as a file and share that instead\.$/,
    );
    expect(shareLinkError(sampleDiagram(200, 1))).toBeUndefined();
  });
});
