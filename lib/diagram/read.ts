import { MAX_ID_LENGTH } from './schema';
import { cleanText, isCleanText, truncateText } from './text';

/**
 * Defensive readers for untrusted values. Each returns a valid value and, when it had to
 * change something, a fault the caller turns into a sentence for the learner.
 */
export type Rec = Record<string, unknown>;

export function isRecord(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only: inherited values and prototype tricks are never read as data. */
export function own(record: Rec, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

export function hasOwn(record: Rec, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** Entries of a list looked at before the rest is skipped (a real diagram has a few hundred). */
export const MAX_SCAN = 200_000;

/** Most problems a restore lists before summarising the rest in one line. */
export const MAX_PROBLEMS = 100;

export class Problems {
  private readonly list: string[] = [];
  private extra = 0;

  add(message: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(message);
    else this.extra++;
  }

  done(): string[] {
    if (this.extra === 0) return this.list;
    return [...this.list, `…and ${formatCount(this.extra)} more problems like these.`];
  }
}

export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 'invalid': unusable, replaced by the default; 'clamped': moved to the nearest allowed value. */
export type NumberFault = 'invalid' | 'clamped' | undefined;

export function readNumber(
  value: unknown,
  fallback: number,
  min: number,
  max: number,
): { value: number; fault: NumberFault } {
  if (value === undefined) return { value: fallback, fault: undefined };
  if (typeof value !== 'number' || Number.isNaN(value))
    return { value: fallback, fault: 'invalid' };
  if (value < min) return { value: min, fault: 'clamped' };
  if (value > max) return { value: max, fault: 'clamped' };
  // -0 becomes 0: JSON cannot carry -0, so it would not survive a round trip.
  return { value: value === 0 ? 0 : value, fault: undefined };
}

export function worst(a: NumberFault, b: NumberFault): NumberFault {
  return a === 'invalid' || b === 'invalid' ? 'invalid' : (a ?? b);
}

export type TextFault = 'invalid' | 'truncated' | undefined;

/** Text up to `max` characters; numbers are accepted as text, other non-strings get the fallback. */
export function readText(
  value: unknown,
  max: number,
  multiline: boolean,
  fallback: string,
): { value: string; fault: TextFault } {
  if (value === undefined || value === null) return { value: fallback, fault: undefined };
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'number' || typeof value === 'boolean') s = String(value);
  else return { value: fallback, fault: 'invalid' };
  // Anything far over the limit is cut before cleaning, so a 100 MB label costs nothing.
  if (s.length > max * 4) s = s.slice(0, max * 4);
  const clean = cleanText(s, multiline);
  if (clean.length > max) return { value: truncateText(clean, max), fault: 'truncated' };
  return { value: clean, fault: undefined };
}

/** The lookup key of an id or a reference: non-empty strings as they are, finite numbers as text. */
export function idKey(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function isValidId(key: string): boolean {
  return key.length >= 1 && key.length <= MAX_ID_LENGTH && isCleanText(key, false);
}

/** Hands out ids not used by any node (or edge) so far nor by any valid id later in the input. */
export class IdAllocator {
  private readonly taken = new Set<string>();
  private readonly next = new Map<string, number>();

  constructor(private readonly reserved: ReadonlySet<string>) {}

  has(id: string): boolean {
    return this.taken.has(id);
  }

  claim(id: string): void {
    this.taken.add(id);
  }

  /** `${base}-${n}` for the smallest n ≥ start not in use. */
  fresh(base: string, start: number): string {
    const stem = truncateText(cleanText(base, false), MAX_ID_LENGTH - 8) || 'item';
    let n = this.next.get(stem) ?? start;
    let id = `${stem}-${n}`;
    while (this.taken.has(id) || this.reserved.has(id)) id = `${stem}-${++n}`;
    this.next.set(stem, n + 1);
    this.taken.add(id);
    return id;
  }
}
