import { describe, expect, it } from 'vitest';
import { wrap } from '../storage/envelope';
import { canonicalJson } from './equality';
import { embedInSvgMetadata, exportDiagramJson, extractFromSvg, importDiagramText } from './files';
import { sampleDiagram } from './sample';
import { MAX_TEXT_CHARS } from './schema';

const now = new Date('2026-01-01T00:00:00Z');
const svg = (body = '<rect width="10" height="10"/>') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" data-x='a>b'>${body}</svg>\n`;

/** An exported SVG whose payload lost its second half (an editor that truncates long lines). */
function cutOff(): string {
  const out = embedInSvgMetadata(svg(), sampleDiagram(30, 9), now);
  return out.replace(
    /(1\.[\w-]+)</,
    (_m, payload: string) => `${payload.slice(0, payload.length / 2)}<`,
  );
}

describe('diagram files', () => {
  it('exports the project envelope with kind "diagram"', () => {
    const d = sampleDiagram(10, 1);
    const parsed = JSON.parse(exportDiagramJson(d, now));
    expect(parsed).toMatchObject({
      app: 'mlsd-lab',
      kind: 'diagram',
      version: 2,
      savedAt: now.toISOString(),
    });
    expect(parsed.data).toEqual(d);
  });

  it('round-trips through JSON', () => {
    const d = sampleDiagram(120, 2);
    const r = importDiagramText(exportDiagramJson(d, now));
    expect(r).toMatchObject({ ok: true, problems: [] });
    if (r.ok) expect(canonicalJson(r.diagram)).toBe(canonicalJson(d));
  });

  it('exports only the format fields, whatever the editor passes in', () => {
    const d = sampleDiagram(3, 3);
    const withExtras = {
      ...d,
      selected: true,
      nodes: d.nodes.map((n) => ({ ...n, style: { color: 'red' }, measured: {} })),
    };
    expect(exportDiagramJson(withExtras, now)).toBe(exportDiagramJson(d, now));
  });

  it('round-trips through SVG metadata and leaves the picture intact', () => {
    const d = sampleDiagram(40, 4);
    const out = embedInSvgMetadata(svg(), d, now);
    expect(out).toContain('<rect width="10" height="10"/>');
    expect(out.indexOf('<metadata id="mlsd-lab-diagram">')).toBeGreaterThan(
      out.indexOf("data-x='a>b'>") - 1,
    );
    const r = extractFromSvg(out);
    expect(r).toMatchObject({ ok: true, problems: [] });
    if (r.ok) expect(canonicalJson(r.diagram)).toBe(canonicalJson(d));
    expect(importDiagramText(out)).toEqual(r);
  });

  it('replaces the diagram when an SVG is exported again', () => {
    const first = embedInSvgMetadata(svg(), sampleDiagram(5, 5), now);
    const d = sampleDiagram(6, 6);
    const second = embedInSvgMetadata(first, d, now);
    expect(second.match(/<metadata/g)).toHaveLength(1);
    const r = extractFromSvg(second);
    if (r.ok) expect(r.diagram.id).toBe(d.id);
    else expect.fail(r.error.message);
  });

  it('handles a self-closing <svg/> and re-wrapped payload lines', () => {
    const d = sampleDiagram(8, 7);
    const out = embedInSvgMetadata('<svg xmlns="http://www.w3.org/2000/svg"/>', d, now);
    expect(out).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"><metadata.*<\/metadata><\/svg>$/,
    );
    const wrapped = out.replace(/(1\.[\w-]{20})([\w-]{30})/, '$1\n   $2');
    expect(wrapped).not.toBe(out);
    expect(extractFromSvg(wrapped)).toMatchObject({ ok: true, problems: [] });
  });

  it('refuses to embed into text without an <svg> tag (a programming error)', () => {
    expect(() => embedInSvgMetadata('<svgfoo/>', sampleDiagram(1, 1), now)).toThrow(
      /no <svg> start tag/,
    );
  });

  it.each([
    ['an SVG without a diagram', svg(), 'no-diagram-in-svg'],
    ['HTML', '<!doctype html><html></html>', 'unsupported-file'],
    ['plain text', 'hello', 'unsupported-file'],
    ['a PNG read as text', '\u0089PNG\r\n\u001a\n', 'unsupported-file'],
    ['an empty file', '', 'unsupported-file'],
    ['broken JSON', '{"app": "mlsd-lab",', 'not-json'],
    ['a progress file', wrap('progress', 1, { lessons: {} }, now), 'wrong-kind'],
    ['an Excalidraw file', '{"type":"excalidraw","version":2,"elements":[]}', 'not-a-diagram'],
    [
      'a damaged payload',
      svg('<metadata><mlsd:diagram>1.@@@@</mlsd:diagram></metadata>'),
      'corrupt',
    ],
    ['a cut-off payload', cutOff(), 'corrupt'],
    ['a file over 30 MB', `{"nodes":[],"x":"${'a'.repeat(MAX_TEXT_CHARS)}"}`, 'too-large'],
    ['an SVG over 30 MB', `<svg>${' '.repeat(MAX_TEXT_CHARS)}</svg>`, 'too-large'],
  ])('refuses %s with a clear error', (_label, text, code) => {
    const r = importDiagramText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message).toMatch(/^[A-Z].*[.?]$/);
    }
  });

  it('says how big a too-large file is', () => {
    const r = importDiagramText(' '.repeat(41_230_000));
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'too-large',
        message: 'This file is 41.2 MB; a diagram file is at most 30 MB. Is it the right file?',
      },
    });
  });

  it('repairs a damaged file and lists what it did', () => {
    const text = wrap(
      'diagram',
      2,
      {
        nodes: [
          { id: 'a', kind: 'client' },
          { id: 'b', kind: 'spaceship' },
        ],
        edges: [{ source: 'a', target: 'b' }],
      },
      now,
    );
    expect(importDiagramText(text)).toMatchObject({
      ok: true,
      problems: [
        "Node 'b' had an unknown kind 'spaceship' and was removed.",
        "Connection #1 ended at a node that is missing ('b') and was removed.",
      ],
    });
  });
});
