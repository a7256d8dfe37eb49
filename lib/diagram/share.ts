import { packDiagram, unpackDiagram } from './codec';
import { exportDiagramJson } from './files';
import { failure, toImport, type DiagramError, type DiagramImport } from './restore';
import { MAX_FRAGMENT_CHARS, MAX_INFLATED_BYTES, type Diagram } from './schema';

/**
 * Share links carry the whole diagram in the URL fragment (never sent to a server):
 * `https://…/diagram#d=1.<base64url raw-deflate of the envelope>`. The UI builds the URL; these
 * two functions own the part after `d=` (see codec.ts for the packed form).
 */
export const SHARE_PARAM = 'd';

export function encodeShareFragment(diagram: Diagram, now: Date = new Date()): string {
  return packDiagram(diagram, now);
}

/**
 * Why this diagram cannot travel in a link (the link would be refused when opened), or
 * undefined. Check before offering a link; offer the file download instead.
 */
export function shareLinkError(diagram: Diagram): DiagramError | undefined {
  const epoch = new Date(0);
  const bytes = new TextEncoder().encode(exportDiagramJson(diagram, epoch)).length;
  const tooBig =
    bytes > MAX_INFLATED_BYTES || encodeShareFragment(diagram, epoch).length > MAX_FRAGMENT_CHARS;
  if (!tooBig) return undefined;
  return {
    code: 'too-large',
    message: `This diagram is too big for a share link (${(bytes / 1e6).toFixed(1)} MB; links hold up to ${MAX_INFLATED_BYTES / 1e6} MB). Download it as a file and share that instead.`,
  };
}

/**
 * Accepts the packed string alone, `#d=…`, `d=…` or a whole URL, so pasting any of them works.
 * Never throws.
 */
export function decodeShareFragment(fragment: string): DiagramImport {
  if (typeof fragment !== 'string')
    return toImport(
      failure('bad-link', 'This share link holds no diagram: copy it again in full.'),
    );
  if (fragment.length > MAX_FRAGMENT_CHARS)
    return toImport(
      failure(
        'too-large',
        `This share link is longer than any diagram link (${MAX_FRAGMENT_CHARS / 1e6} MB); it was not opened.`,
      ),
    );
  const hash = fragment.lastIndexOf('#');
  let packed = (hash >= 0 ? fragment.slice(hash + 1) : fragment).trim();
  const param = new RegExp(`(?:^|&)${SHARE_PARAM}=([^&]*)`).exec(packed);
  if (param) packed = param[1] ?? '';
  if (packed === '')
    return toImport(
      failure('bad-link', 'This share link holds no diagram: copy it again in full.'),
    );
  return toImport(unpackDiagram(packed, 'link'));
}
