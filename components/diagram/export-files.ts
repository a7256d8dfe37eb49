import { getViewportForBounds, type ReactFlowInstance } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';
import {
  embedInSvgMetadata,
  encodeShareFragment,
  exportDiagramJson,
  shareLinkError,
  type Diagram,
} from '@/lib/diagram';
import { downloadText } from '@/components/progress/download';
import type { DiagramFlowEdge, DiagramFlowNode } from './flow';

/**
 * Files and links made from the diagram on screen. Pictures are drawn from the canvas's own DOM
 * (html-to-image), so they look exactly like the editor; the SVG also carries the diagram itself
 * (lib/diagram/files.ts), so importing it reopens it for editing.
 */
type Flow = ReactFlowInstance<DiagramFlowNode, DiagramFlowEdge>;

const PADDING = 40;
/** Longest side of an exported picture, in CSS pixels (PNG doubles it when that stays small). */
const MAX_SIDE = 8000;

export function fileStem(title: string): string {
  const stem = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return stem || 'diagram';
}

export function downloadJson(diagram: Diagram) {
  downloadText(`${fileStem(diagram.title)}.json`, exportDiagramJson(diagram));
}

function downloadUrl(filename: string, url: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * html-to-image copies computed styles into HTML elements only: children of an <svg> keep just
 * their class names, which mean nothing in the exported file. Connections (and their arrowheads)
 * are painted by classes and CSS variables, so their paint is written inline while the picture is
 * taken, then put back.
 */
const PAINT = [
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'fill',
  'opacity',
];

function inlineSvgPaint(root: Element): () => void {
  const saved: [SVGElement, string | null][] = [];
  for (const el of root.querySelectorAll<SVGElement>('svg *')) {
    const computed = getComputedStyle(el);
    saved.push([el, el.getAttribute('style')]);
    for (const name of PAINT) el.style.setProperty(name, computed.getPropertyValue(name));
  }
  return () => {
    for (const [el, style] of saved) {
      if (style === null) el.removeAttribute('style');
      else el.setAttribute('style', style);
    }
  };
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

async function capture(root: HTMLElement, flow: Flow, format: 'png' | 'svg'): Promise<string> {
  const viewport = root.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) throw new Error('The canvas is not on screen.');
  const nodes = flow.getNodes();
  const bounds = flow.getNodesBounds(nodes);
  const scale = Math.min(
    1,
    MAX_SIDE / Math.max(bounds.width + PADDING * 2, bounds.height + PADDING * 2, 1),
  );
  const width = Math.max(1, Math.round((bounds.width + PADDING * 2) * scale));
  const height = Math.max(1, Math.round((bounds.height + PADDING * 2) * scale));
  const vp = getViewportForBounds(bounds, width, height, 0.01, 4, 0);
  // Big diagrams render only what is on screen: show everything while the picture is taken.
  const before = flow.getViewport();
  const drawn = root.querySelectorAll('.react-flow__node').length;
  const partial = drawn < nodes.length;
  if (partial) {
    await flow.fitView({ duration: 0, minZoom: 0.01 });
    await nextFrame();
    await nextFrame();
  }
  const background = getComputedStyle(document.body).backgroundColor;
  const options = {
    backgroundColor: background,
    width,
    height,
    skipFonts: true,
    pixelRatio: format === 'png' ? (width * height < 4_000_000 ? 2 : 1) : 1,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})`,
    },
    filter: (el: HTMLElement) =>
      !el.classList?.contains('react-flow__handle') &&
      !el.classList?.contains('react-flow__resize-control'),
  };
  const restorePaint = inlineSvgPaint(viewport);
  try {
    return format === 'png' ? await toPng(viewport, options) : await toSvg(viewport, options);
  } finally {
    restorePaint();
    if (partial) await flow.setViewport(before, { duration: 0 });
  }
}

export async function downloadPng(root: HTMLElement, flow: Flow, diagram: Diagram) {
  downloadUrl(`${fileStem(diagram.title)}.png`, await capture(root, flow, 'png'));
}

export async function downloadSvg(root: HTMLElement, flow: Flow, diagram: Diagram) {
  const url = await capture(root, flow, 'svg');
  const comma = url.indexOf(',');
  const svg = decodeURIComponent(url.slice(comma + 1));
  downloadText(`${fileStem(diagram.title)}.svg`, embedInSvgMetadata(svg, diagram), 'image/svg+xml');
}

/** The share link, or why this diagram is too big for one. */
export function shareUrl(diagram: Diagram, route: 'diagrams' | 'embed' = 'diagrams') {
  const error = shareLinkError(diagram);
  if (error) return { ok: false as const, message: error.message };
  const url = new URL(`/${route}/`, window.location.href);
  url.hash = `d=${encodeShareFragment(diagram)}`;
  return { ok: true as const, url: url.toString() };
}

function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** An <iframe> snippet for other sites; every value is attribute-escaped. */
export function embedCode(diagram: Diagram) {
  const link = shareUrl(diagram, 'embed');
  if (!link.ok) return link;
  const title = escapeAttribute(diagram.title.trim() || 'Architecture diagram');
  return {
    ok: true as const,
    url: `<iframe src="${escapeAttribute(link.url)}" title="${title}" width="800" height="500" style="border:0" loading="lazy"></iframe>`,
  };
}
