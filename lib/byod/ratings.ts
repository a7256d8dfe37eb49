/**
 * "Bring your own data": a parser for MovieLens-style ratings files, for Node and browser workers
 * alike (no fs, no DOM). Two formats, told apart by their content:
 *
 * - `u.data` (MovieLens 100K): `user \t item \t rating \t timestamp`, no header;
 * - `ratings.csv` (MovieLens latest / 20M / 25M): a `userId,movieId,rating,timestamp` header, then
 *   comma-separated rows. A comma-separated file without the header is accepted too.
 *
 * The parser never throws: malformed input comes back as `{ ok: false, error }` naming the
 * (1-based, physical) line and what is wrong with it. User and item ids are re-indexed densely
 * (0..n−1, in ascending order of the original ids, so the indexing does not depend on row order).
 */

export type RatingsFormat = 'u.data' | 'ratings.csv';

export interface Ratings {
  format: RatingsFormat;
  /** Whether the file began with a header line (ratings.csv only). */
  hasHeader: boolean;
  numUsers: number;
  numItems: number;
  /** Per rating (row order of the file): dense user index, dense item index, rating, timestamp. */
  users: Int32Array;
  items: Int32Array;
  ratings: Float32Array;
  /** Seconds since 1970-01-01 UTC. */
  timestamps: Uint32Array;
  /** Original id of each dense index: userIds[users[r]] is row r's user id in the file. */
  userIds: Float64Array;
  itemIds: Float64Array;
}

export type ParseErrorCode =
  | 'empty'
  | 'too-large'
  | 'too-many-lines'
  | 'unknown-header'
  | 'unknown-format'
  | 'column-count'
  | 'bad-id'
  | 'bad-rating'
  | 'rating-range'
  | 'bad-timestamp'
  | 'internal';

export interface ParseError {
  /** 1-based line of the file the error is about. */
  line: number;
  code: ParseErrorCode;
  /** Human-readable, starting with the line: `line 12: rating "6" is out of range (0.5 … 5)`. */
  message: string;
}

export type ParseResult = { ok: true; data: Ratings } | { ok: false; error: ParseError };

export interface ParseOptions {
  /** Largest accepted input in bytes (default 128 MiB). */
  maxBytes?: number;
  /** Largest accepted number of lines, header included (default 5,000,000). */
  maxLines?: number;
  /** Accepted rating range, inclusive (default 0.5 … 5, MovieLens' half-star scale; 100K uses 1 … 5). */
  minRating?: number;
  maxRating?: number;
}

export const DEFAULT_MAX_BYTES = 128 * 1024 * 1024;
/**
 * What the page takes: training in a browser tab runs at roughly 10k examples/s, so 500,000
 * ratings already mean minutes. Bigger files go to `npm run eval:retrieval`.
 */
export const BROWSER_MAX_BYTES = 16 * 1024 * 1024;
export const BROWSER_MAX_LINES = 500_000;
export const DEFAULT_MAX_LINES = 5_000_000;
export const CSV_HEADER = 'userId,movieId,rating,timestamp';
const MAX_TIMESTAMP = 0xffffffff;
const SHOWN_CHARS = 40;

/** A field as quoted in an error message, shortened when long. */
function show(text: string): string {
  const t = text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
  return JSON.stringify(t);
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

class Fail {
  constructor(
    readonly line: number,
    readonly code: ParseErrorCode,
    readonly reason: string,
  ) {}
}

function failure(line: number, code: ParseErrorCode, reason: string): ParseResult {
  return { ok: false, error: { line, code, message: `line ${line}: ${reason}` } };
}

const NEWLINE = 10;

/** 1 + the number of newlines before offset `end`: the line holding the byte/char at `end`. */
function lineAt(input: string | Uint8Array, end: number): number {
  let line = 1;
  if (typeof input === 'string') {
    for (let i = input.indexOf('\n'); i >= 0 && i < end; i = input.indexOf('\n', i + 1)) line++;
  } else {
    for (let i = 0; i < end; i++) if (input[i] === NEWLINE) line++;
  }
  return line;
}

/** Growable typed column (doubling), trimmed at the end. */
class Growable<T extends Int32Array | Float32Array | Uint32Array | Float64Array> {
  length = 0;
  constructor(
    private data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(Math.max(16, this.data.length * 2));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  trimmed(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

const DIGITS = /^\d+$/;
// A plain decimal number: 4, 4.0, .5, 3.5e0 is not accepted (no exponent in MovieLens files).
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;

function parseId(field: string, what: 'user' | 'item', line: number): number {
  if (!DIGITS.test(field)) {
    throw new Fail(
      line,
      'bad-id',
      field === ''
        ? `${what} id is empty`
        : `${what} id ${show(field)} is not a number (expected a non-negative integer)`,
    );
  }
  const v = Number(field);
  if (!Number.isSafeInteger(v)) {
    throw new Fail(line, 'bad-id', `${what} id ${show(field)} is too large`);
  }
  return v;
}

/**
 * Parses a ratings file (text or raw UTF-8 bytes). Never throws; see ParseResult.
 */
export function parseRatings(input: string | Uint8Array, options: ParseOptions = {}): ParseResult {
  try {
    return parse(input, options);
  } catch (err) {
    if (err instanceof Fail) return failure(err.line, err.code, err.reason);
    const reason = err instanceof Error ? err.message : String(err);
    return failure(1, 'internal', `could not parse the file: ${reason}`);
  }
}

function parse(input: string | Uint8Array, options: ParseOptions): ParseResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxLines = options.maxLines ?? DEFAULT_MAX_LINES;
  const minRating = options.minRating ?? 0.5;
  const maxRating = options.maxRating ?? 5;

  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    return failure(1, 'internal', 'expected the file as text or bytes');
  }
  // A string's length in UTF-16 units never exceeds its UTF-8 size, and a valid ratings file
  // is ASCII, so for valid files both measures are the byte count.
  if (input.length > maxBytes) {
    return failure(
      lineAt(input, maxBytes),
      'too-large',
      `the file is over the size limit of ${size(maxBytes)}; the limit is crossed on this line`,
    );
  }
  let text = typeof input === 'string' ? input : new TextDecoder('utf-8').decode(input);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // byte-order mark

  // Original ids may exceed 2^31 (any safe integer is accepted), hence Float64Array.
  const users = new Growable(new Float64Array(1024), (n) => new Float64Array(n));
  const items = new Growable(new Float64Array(1024), (n) => new Float64Array(n));
  const ratings = new Growable(new Float32Array(1024), (n) => new Float32Array(n));
  const timestamps = new Growable(new Uint32Array(1024), (n) => new Uint32Array(n));

  let format: RatingsFormat | null = null;
  let separator = '';
  let hasHeader = false;
  let headerLine = 0;
  let lineNo = 0;
  let pos = 0;
  const n = text.length;

  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    lineNo++;
    let line = text.slice(pos, end);
    pos = end + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() === '') continue; // blank lines (and the final newline) are skipped
    if (lineNo > maxLines) {
      throw new Fail(
        lineNo,
        'too-many-lines',
        `the file has more than ${maxLines.toLocaleString('en-US')} lines (the limit)`,
      );
    }

    if (format === null) {
      // The first non-blank line decides the format.
      if (line.includes('\t')) {
        format = 'u.data';
        separator = '\t';
      } else if (line.includes(',')) {
        format = 'ratings.csv';
        separator = ',';
      } else {
        throw new Fail(
          lineNo,
          'unknown-format',
          `cannot tell the format from ${show(line)}: expected tab-separated columns ` +
            `(u.data) or a comma-separated file with the header ${CSV_HEADER} (ratings.csv)`,
        );
      }
      const first = (line.split(separator)[0] ?? '').trim();
      if (!DIGITS.test(first)) {
        const fields = line.split(separator).map((f) => f.trim().toLowerCase());
        const expected = CSV_HEADER.toLowerCase().split(',');
        const matches =
          format === 'ratings.csv' &&
          fields.length === expected.length &&
          fields.every((f, i) => f === expected[i]);
        if (!matches) {
          throw new Fail(
            lineNo,
            'unknown-header',
            `unknown header ${show(line)}: u.data files have no header and ratings.csv ` +
              `files start with ${CSV_HEADER}`,
          );
        }
        hasHeader = true;
        headerLine = lineNo;
        continue;
      }
    }

    const fields = line.split(separator);
    if (fields.length !== 4) {
      const kind = separator === '\t' ? 'tab' : 'comma';
      throw new Fail(
        lineNo,
        'column-count',
        `expected 4 ${kind}-separated columns (user, item, rating, timestamp), found ${fields.length}`,
      );
    }
    const user = parseId(fields[0]!.trim(), 'user', lineNo);
    const item = parseId(fields[1]!.trim(), 'item', lineNo);
    const ratingText = fields[2]!.trim();
    const rating = DECIMAL.test(ratingText) ? Number(ratingText) : NaN;
    if (Number.isNaN(rating)) {
      throw new Fail(lineNo, 'bad-rating', `rating ${show(ratingText)} is not a number`);
    }
    if (rating < minRating || rating > maxRating) {
      throw new Fail(
        lineNo,
        'rating-range',
        `rating ${show(ratingText)} is out of range (${minRating} … ${maxRating})`,
      );
    }
    const tsText = fields[3]!.trim();
    const ts = DIGITS.test(tsText) ? Number(tsText) : NaN;
    if (!(ts <= MAX_TIMESTAMP)) {
      throw new Fail(
        lineNo,
        'bad-timestamp',
        `timestamp ${show(tsText)} is not valid (expected whole seconds since 1970, ` +
          `0 … ${MAX_TIMESTAMP})`,
      );
    }
    users.push(user);
    items.push(item);
    ratings.push(rating);
    timestamps.push(ts);
  }

  if (users.length === 0) {
    return hasHeader
      ? failure(headerLine + 1, 'empty', 'no ratings after the header')
      : failure(1, 'empty', 'the file is empty');
  }
  const u = densify(users.trimmed());
  const i = densify(items.trimmed());
  return {
    ok: true,
    data: {
      format: format!,
      hasHeader,
      numUsers: u.ids.length,
      numItems: i.ids.length,
      users: u.dense,
      items: i.dense,
      ratings: ratings.trimmed().slice(),
      timestamps: timestamps.trimmed().slice(),
      userIds: u.ids,
      itemIds: i.ids,
    },
  };
}

/**
 * Dense re-indexing: the distinct values of `raw`, ascending, become 0..n−1. Returns the dense
 * index of every row and the original id of each index.
 */
export function densify(raw: ArrayLike<number>): {
  dense: Int32Array;
  ids: Float64Array;
} {
  const index = new Map<number, number>();
  for (let r = 0; r < raw.length; r++) {
    const v = raw[r]!;
    if (!index.has(v)) index.set(v, 0);
  }
  const ids = Float64Array.from(index.keys()).sort();
  ids.forEach((id, k) => index.set(id, k));
  const dense = new Int32Array(raw.length);
  for (let r = 0; r < raw.length; r++) dense[r] = index.get(raw[r]!)!;
  return { dense, ids };
}
