import { unwrap, type Unwrapped } from '../storage/envelope';
import { DIAGRAM_CHAIN, DIAGRAM_KIND } from './migrations';
import {
  Problems,
  hasOwn,
  idKey,
  isRecord,
  isValidId,
  own,
  readNumber,
  readText,
  worst,
} from './read';
import { restoreEdges } from './restore-edges';
import { restoreNodes } from './restore-nodes';
import {
  DEFAULT_DIAGRAM_ID,
  DEFAULT_TITLE,
  DEFAULT_VIEWPORT,
  MAX_TEXT_CHARS,
  MAX_TITLE_LENGTH,
  MAX_VIEWPORT_OFFSET,
  MAX_ZOOM,
  MIN_ZOOM,
  emptyDiagram,
  type Diagram,
  type Viewport,
} from './schema';
import { quote } from './text';

export type DiagramErrorCode =
  | 'too-large'
  | 'not-json'
  | 'not-a-diagram'
  | 'wrong-kind'
  | 'future-version'
  | 'corrupt'
  | 'unsupported-file'
  | 'no-diagram-in-svg'
  | 'bad-link';

/** Why nothing could be loaded: a code the UI can branch on and a sentence for the learner. */
export interface DiagramError {
  code: DiagramErrorCode;
  message: string;
}

export interface RestoreResult {
  /** Always a valid diagram (diagramSchema passes); empty when `error` is set. */
  diagram: Diagram;
  /** What was repaired or dropped, one sentence each; empty when the input was clean. */
  problems: string[];
  /** Set when the input could not be read as a diagram at all. */
  error?: DiagramError;
}

export type DiagramImport =
  { ok: true; diagram: Diagram; problems: string[] } | { ok: false; error: DiagramError };

export function toImport(result: RestoreResult): DiagramImport {
  return result.error
    ? { ok: false, error: result.error }
    : { ok: true, diagram: result.diagram, problems: result.problems };
}

export function failure(code: DiagramErrorCode, message: string): RestoreResult {
  return { diagram: emptyDiagram(), problems: [message], error: { code, message } };
}

/**
 * The one gate for diagrams from outside: files, share links, SVGs, storage, pastes. Never
 * throws. Accepts
 * - JSON text (an envelope, or bare diagram data),
 * - an envelope object `{ app: 'mlsd-lab', kind: 'diagram', version, data }`, migrated up to the
 *   current format,
 * - bare diagram data at the current format (what storage hands over after unwrapping).
 * Objects are expected to be JSON-like (from JSON.parse or structured clone).
 */
export function restoreDiagram(input: unknown): RestoreResult {
  try {
    if (typeof input === 'string') return restoreText(input);
    if (isRecord(input) && hasOwn(input, 'app')) {
      let raw: string;
      try {
        raw = JSON.stringify(input);
      } catch {
        return failure('corrupt', 'This diagram could not be read: its data is not plain JSON.');
      }
      return restoreEnvelope(raw, input);
    }
    return restoreBare(input);
  } catch {
    // Only reachable through hostile objects (throwing getters, proxies); files and links are
    // plain JSON. The error itself is not shown: reading it could throw again.
    return failure('corrupt', 'This diagram could not be read: its data is damaged.');
  }
}

function restoreText(text: string): RestoreResult {
  if (text.length > MAX_TEXT_CHARS)
    return failure(
      'too-large',
      `This is ${(text.length / 1e6).toFixed(1)} MB of text; a diagram file is at most ${MAX_TEXT_CHARS / 1e6} MB. Is it the right file?`,
    );
  const raw = text.replace(/^\uFEFF/, '');
  // The common case, a diagram file, is parsed once (by unwrap); other text is parsed again
  // only to say what it is.
  const unwrapped = unwrap(raw, DIAGRAM_KIND, DIAGRAM_CHAIN);
  if (unwrapped.ok) return restoreMigrated(unwrapped.data);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return failure('not-json', 'This is not valid JSON, so it cannot be a diagram file.');
  }
  if (isRecord(parsed) && hasOwn(parsed, 'app')) return envelopeFailure(parsed, unwrapped);
  return restoreBare(parsed);
}

function restoreEnvelope(raw: string, envelope: Record<string, unknown>): RestoreResult {
  const unwrapped = unwrap(raw, DIAGRAM_KIND, DIAGRAM_CHAIN);
  return unwrapped.ok ? restoreMigrated(unwrapped.data) : envelopeFailure(envelope, unwrapped);
}

function envelopeFailure(
  envelope: Record<string, unknown>,
  unwrapped: Extract<Unwrapped, { ok: false }>,
): RestoreResult {
  if (own(envelope, 'app') !== 'mlsd-lab')
    return failure('not-a-diagram', 'This file was made by another app, not MLSD Lab.');
  const kind = own(envelope, 'kind');
  if (kind !== DIAGRAM_KIND)
    return failure(
      'wrong-kind',
      `This is MLSD Lab ${typeof kind === 'string' ? `${quote(kind)} data` : 'data'}, not a diagram. Open it where it was saved from.`,
    );
  return unwrapped.reason === 'future'
    ? failure(
        'future-version',
        `This diagram cannot be opened here: ${unwrapped.detail}. Reload the page to update MLSD Lab, then try again.`,
      )
    : failure('corrupt', `This diagram file is damaged: ${unwrapped.detail}.`);
}

function restoreMigrated(data: unknown): RestoreResult {
  if (!isRecord(data))
    return failure('corrupt', 'This diagram file is damaged: it holds no diagram data.');
  return restoreData(data);
}

function restoreBare(value: unknown): RestoreResult {
  if (isRecord(value) && (hasOwn(value, 'nodes') || hasOwn(value, 'edges')))
    return restoreData(value);
  return failure(
    'not-a-diagram',
    'This is not an MLSD Lab diagram: it has no nodes or connections.',
  );
}

/** Current-format data: every field checked, every valid part kept, every repair named. */
function restoreData(data: Record<string, unknown>): RestoreResult {
  const problems = new Problems();
  const idValue = idKey(own(data, 'id'));
  const title = readText(own(data, 'title'), MAX_TITLE_LENGTH, false, DEFAULT_TITLE);
  if (title.fault === 'truncated')
    problems.add(`The title was longer than ${MAX_TITLE_LENGTH} characters and was shortened.`);
  if (title.fault === 'invalid')
    problems.add(`The title was not text and was reset to '${DEFAULT_TITLE}'.`);
  const { nodes, idMap } = restoreNodes(own(data, 'nodes'), problems);
  const edges = restoreEdges(own(data, 'edges'), idMap, problems);
  const diagram: Diagram = {
    id: idValue !== undefined && isValidId(idValue) ? idValue : DEFAULT_DIAGRAM_ID,
    title: title.value,
    nodes,
    edges,
    viewport: restoreViewport(own(data, 'viewport'), problems),
  };
  return { diagram, problems: problems.done() };
}

function restoreViewport(raw: unknown, problems: Problems): Viewport {
  if (raw === undefined) return { ...DEFAULT_VIEWPORT };
  const v = isRecord(raw) ? raw : {};
  const x = readNumber(own(v, 'x'), 0, -MAX_VIEWPORT_OFFSET, MAX_VIEWPORT_OFFSET);
  const y = readNumber(own(v, 'y'), 0, -MAX_VIEWPORT_OFFSET, MAX_VIEWPORT_OFFSET);
  const zoom = readNumber(own(v, 'zoom'), 1, MIN_ZOOM, MAX_ZOOM);
  const fault = isRecord(raw) ? worst(worst(x.fault, y.fault), zoom.fault) : 'invalid';
  if (fault === 'invalid')
    problems.add('The saved zoom and scroll position were invalid and were reset.');
  if (fault === 'clamped')
    problems.add('The saved zoom or scroll position was out of range and was adjusted.');
  return { x: x.value, y: y.value, zoom: zoom.value };
}
