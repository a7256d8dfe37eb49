import { wrap } from '../storage/envelope';
import { packDiagram, unpackDiagram } from './codec';
import { canonicalDiagram } from './equality';
import { DIAGRAM_CHAIN, DIAGRAM_KIND } from './migrations';
import { failure, restoreDiagram, toImport, type DiagramImport } from './restore';
import { MAX_TEXT_CHARS, type Diagram } from './schema';

/** A diagram file: the project's envelope with kind 'diagram', as JSON text. */
export function exportDiagramJson(diagram: Diagram, now: Date = new Date()): string {
  return wrap(DIAGRAM_KIND, DIAGRAM_CHAIN.current, canonicalDiagram(diagram), now);
}

/**
 * Opens whatever the learner picked or pasted: a diagram JSON file, or an SVG exported from the
 * editor (which carries the diagram inside). Anything else gets a clear error.
 */
export function importDiagramText(text: string): DiagramImport {
  if (typeof text !== 'string') return notADiagramFile();
  const tooLarge = checkSize(text);
  if (tooLarge) return tooLarge;
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return toImport(restoreDiagram(text));
  if (start.startsWith('<')) return extractFromSvg(text);
  return notADiagramFile();
}

function notADiagramFile(): DiagramImport {
  return {
    ok: false,
    error: {
      code: 'unsupported-file',
      message:
        'MLSD Lab opens diagram files (.json) and SVG images exported from the diagram editor; this is neither.',
    },
  };
}

function checkSize(text: string): DiagramImport | undefined {
  if (text.length <= MAX_TEXT_CHARS) return undefined;
  return toImport(
    failure(
      'too-large',
      `This file is ${(text.length / 1e6).toFixed(1)} MB; a diagram file is at most ${MAX_TEXT_CHARS / 1e6} MB. Is it the right file?`,
    ),
  );
}

/**
 * How an exported SVG carries its diagram: right after the <svg> start tag,
 *
 *   <metadata id="mlsd-lab-diagram"><mlsd:diagram xmlns:mlsd="urn:mlsd-lab:diagram">1.…</mlsd:diagram></metadata>
 *
 * where the text is the packed form from codec.ts (the same bytes as a share link). Whitespace
 * inside it is ignored, so tools that re-wrap long lines do not break it.
 */
const METADATA_OPEN = '<metadata id="mlsd-lab-diagram">';
const METADATA_CLOSE = '</metadata>';
const PAYLOAD_OPEN = '<mlsd:diagram';
const PAYLOAD_CLOSE = '</mlsd:diagram>';

export function embedInSvgMetadata(
  svgText: string,
  diagram: Diagram,
  now: Date = new Date(),
): string {
  const svg = removeEmbedded(svgText);
  const tag = findSvgStartTag(svg);
  if (!tag) throw new TypeError('embedInSvgMetadata: the text has no <svg> start tag.');
  const metadata = `${METADATA_OPEN}${PAYLOAD_OPEN} xmlns:mlsd="urn:mlsd-lab:diagram">${packDiagram(diagram, now)}${PAYLOAD_CLOSE}${METADATA_CLOSE}`;
  const before = svg.slice(0, tag.end);
  const after = svg.slice(tag.end + 1);
  return tag.selfClosing
    ? `${before.replace(/\/\s*$/, '')}>${metadata}</svg>${after}`
    : `${before}>${metadata}${after}`;
}

/** Reads the diagram an exported SVG carries. */
export function extractFromSvg(svgText: string): DiagramImport {
  if (typeof svgText !== 'string') return notADiagramFile();
  const tooLarge = checkSize(svgText);
  if (tooLarge) return tooLarge;
  if (!findSvgStartTag(svgText))
    return {
      ok: false,
      error: {
        code: 'unsupported-file',
        message: 'This is not an SVG image, so it holds no diagram.',
      },
    };
  const open = svgText.indexOf(PAYLOAD_OPEN);
  const openEnd = open < 0 ? -1 : svgText.indexOf('>', open);
  const close = openEnd < 0 ? -1 : svgText.indexOf(PAYLOAD_CLOSE, openEnd);
  if (close < 0)
    return {
      ok: false,
      error: {
        code: 'no-diagram-in-svg',
        message:
          'This SVG image holds no MLSD Lab diagram. Only images exported from the diagram editor can be opened for editing.',
      },
    };
  const packed = svgText.slice(openEnd + 1, close).replace(/\s+/g, '');
  return toImport(unpackDiagram(packed, 'image'));
}

function removeEmbedded(svg: string): string {
  const start = svg.indexOf(METADATA_OPEN);
  if (start < 0) return svg;
  const end = svg.indexOf(METADATA_CLOSE, start);
  return end < 0 ? svg : svg.slice(0, start) + svg.slice(end + METADATA_CLOSE.length);
}

/** The first <svg …> start tag: `end` is the index of its closing '>' (quotes respected). */
function findSvgStartTag(text: string): { end: number; selfClosing: boolean } | undefined {
  let from = 0;
  for (;;) {
    const at = text.indexOf('<svg', from);
    if (at < 0) return undefined;
    const next = text.charAt(at + 4);
    if (next === '>' || next === '/' || /\s/.test(next)) {
      let quoteChar = '';
      for (let i = at + 4; i < text.length; i++) {
        const c = text[i];
        if (quoteChar) {
          if (c === quoteChar) quoteChar = '';
        } else if (c === '"' || c === "'") quoteChar = c;
        else if (c === '>') return { end: i, selfClosing: text[i - 1] === '/' };
      }
      return undefined;
    }
    from = at + 4;
  }
}
