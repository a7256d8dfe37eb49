import { MAX_ID_LENGTH, MAX_TITLE_LENGTH } from '@/lib/diagram';
import { cleanText, isCleanText, truncateText } from '@/lib/diagram/text';
import type { DocumentSpec } from '@/lib/storage/document';
import type { MigrationChain } from '@/lib/storage/envelope';

/**
 * The learner's list of diagrams, saved under the never-lose-work rules (lib/storage/document).
 * Each diagram is a document of its own (`mlsd-lab:diagram:<id>`, lib/diagram/storage.ts); this
 * list only names them, so a damaged list never costs a diagram: the library rebuilds missing
 * entries from the stored keys.
 */
export interface LibraryEntry {
  id: string;
  title: string;
  /** ISO time of the last save, or '' when unknown (recovered entries). */
  updatedAt: string;
}

export interface Library {
  diagrams: LibraryEntry[];
}

export const LIBRARY_KEY = 'mlsd-lab:diagrams';
export const DIAGRAM_KEY_PREFIX = 'mlsd-lab:diagram:';
export const LIBRARY_KIND = 'diagram-library';
/** v1: `{ diagrams: [{ id, title, updatedAt }] }`. */
export const LIBRARY_CHAIN: MigrationChain = { current: 1, migrations: [] };

export function diagramKey(id: string): string {
  return `${DIAGRAM_KEY_PREFIX}${id}`;
}

/** The diagram id a stored key belongs to; undefined for other keys and for backups. */
export function idFromKey(key: string): string | undefined {
  if (!key.startsWith(DIAGRAM_KEY_PREFIX)) return undefined;
  const id = key.slice(DIAGRAM_KEY_PREFIX.length);
  return isId(id) && !id.includes('.backup.') ? id : undefined;
}

export function isId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length >= 1 &&
    value.length <= MAX_ID_LENGTH &&
    isCleanText(value, false)
  );
}

function own(record: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key)
    ? (record as Record<string, unknown>)[key]
    : undefined;
}

export function restoreLibrary(data: unknown): { value: Library; dropped: string[] } {
  const raw = typeof data === 'object' && data !== null ? own(data, 'diagrams') : undefined;
  if (!Array.isArray(raw))
    return {
      value: { diagrams: [] },
      dropped: ['the list of diagrams was damaged (the diagrams themselves are recovered)'],
    };
  const dropped: string[] = [];
  const seen = new Set<string>();
  const diagrams: LibraryEntry[] = [];
  raw.forEach((entry: unknown, i) => {
    const id = typeof entry === 'object' && entry !== null ? own(entry, 'id') : undefined;
    if (!isId(id) || seen.has(id)) {
      dropped.push(`entry #${i + 1} of the list of diagrams`);
      return;
    }
    seen.add(id);
    const title = own(entry as object, 'title');
    const updatedAt = own(entry as object, 'updatedAt');
    diagrams.push({
      id,
      title:
        typeof title === 'string'
          ? truncateText(cleanText(title, false), MAX_TITLE_LENGTH)
          : 'Untitled diagram',
      updatedAt:
        typeof updatedAt === 'string' && !Number.isNaN(Date.parse(updatedAt)) ? updatedAt : '',
    });
  });
  return { value: { diagrams }, dropped };
}

export function libraryDocumentSpec(now?: () => Date): DocumentSpec<Library> {
  return {
    key: LIBRARY_KEY,
    kind: LIBRARY_KIND,
    chain: LIBRARY_CHAIN,
    empty: () => ({ diagrams: [] }),
    restore: restoreLibrary,
    now,
  };
}
