import { describe, expect, it } from 'vitest';
import { densify, parseRatings, type ParseErrorCode, type ParseOptions } from './ratings';

const U_DATA = ['196\t242\t3\t881250949', '186\t302\t3\t891717742', '22\t377\t1\t878887116'].join(
  '\n',
);
const CSV = [
  'userId,movieId,rating,timestamp',
  '1,1,4.0,964982703',
  '1,3,4.0,964981247',
  '2,1,0.5,1445714835',
].join('\n');

function ok(input: string | Uint8Array, options?: ParseOptions) {
  const r = parseRatings(input, options);
  if (!r.ok) throw new Error(`expected success, got ${r.error.message}`);
  return r.data;
}

function fails(input: string | Uint8Array, options?: ParseOptions) {
  const r = parseRatings(input, options);
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

describe('parseRatings: formats', () => {
  it('reads u.data (tab-separated, no header)', () => {
    const d = ok(U_DATA + '\n');
    expect(d.format).toBe('u.data');
    expect(d.hasHeader).toBe(false);
    expect(d.users.length).toBe(3);
    expect(Array.from(d.ratings)).toEqual([3, 3, 1]);
    expect(Array.from(d.timestamps)).toEqual([881250949, 891717742, 878887116]);
    expect(d.users).toBeInstanceOf(Int32Array);
    expect(d.items).toBeInstanceOf(Int32Array);
    expect(d.ratings).toBeInstanceOf(Float32Array);
    expect(d.timestamps).toBeInstanceOf(Uint32Array);
  });

  it('reads ratings.csv (header, half stars)', () => {
    const d = ok(CSV);
    expect(d.format).toBe('ratings.csv');
    expect(d.hasHeader).toBe(true);
    expect(d.users.length).toBe(3);
    expect(Array.from(d.ratings)).toEqual([4, 4, 0.5]);
    expect(d.numUsers).toBe(2);
    expect(d.numItems).toBe(2);
  });

  it('accepts raw UTF-8 bytes, CRLF line ends, a byte-order mark and blank lines', () => {
    const bytes = new TextEncoder().encode('\uFEFF' + CSV.replaceAll('\n', '\r\n\r\n') + '\r\n');
    const d = ok(bytes);
    expect(d.format).toBe('ratings.csv');
    expect(d.users.length).toBe(3);
  });

  it('detects the header case-insensitively, and accepts a comma-separated file without one', () => {
    expect(ok('UserID, MovieID, Rating, Timestamp\n1,2,3,4').hasHeader).toBe(true);
    const noHeader = ok('1,2,3,4\n5,6,5,7');
    expect(noHeader.format).toBe('ratings.csv');
    expect(noHeader.hasHeader).toBe(false);
    expect(noHeader.users.length).toBe(2);
  });

  it('re-indexes ids densely in ascending order of the original ids', () => {
    const d = ok(['50\t900\t1\t0', '7\t12\t2\t0', '50\t12\t3\t0', '1000000\t5\t4\t0'].join('\n'));
    expect(d.numUsers).toBe(3);
    expect(d.numItems).toBe(3);
    expect(Array.from(d.userIds)).toEqual([7, 50, 1_000_000]);
    expect(Array.from(d.itemIds)).toEqual([5, 12, 900]);
    expect(Array.from(d.users)).toEqual([1, 0, 1, 2]);
    expect(Array.from(d.items)).toEqual([2, 1, 1, 0]);
    // Round trip: dense index → original id.
    expect(Array.from(d.users, (u) => d.userIds[u])).toEqual([50, 7, 50, 1_000_000]);
  });

  it('re-indexes independently of row order', () => {
    const rows = ['3,30,1,0', '1,10,2,0', '2,20,3,0'];
    const a = ok(rows.join('\n'));
    const b = ok([...rows].reverse().join('\n'));
    expect(Array.from(a.userIds)).toEqual(Array.from(b.userIds));
    expect(Array.from(a.users)).toEqual(Array.from(b.users).reverse());
  });

  it('densify handles ids beyond 32 bits', () => {
    const { dense, ids } = densify([2 ** 40, 3, 2 ** 40]);
    expect(Array.from(dense)).toEqual([1, 0, 1]);
    expect(Array.from(ids)).toEqual([3, 2 ** 40]);
  });
});

describe('parseRatings: malformed input names the line and the reason', () => {
  const cases: [string, string, number, ParseErrorCode, string, ParseOptions?][] = [
    ['empty file', '', 1, 'empty', 'line 1: the file is empty'],
    ['whitespace only', ' \n\n \n', 1, 'empty', 'line 1: the file is empty'],
    [
      'header but no ratings',
      'userId,movieId,rating,timestamp\n\n',
      2,
      'empty',
      'line 2: no ratings after the header',
    ],
    [
      'unknown csv header',
      'user,item,score,time\n1,2,3,4',
      1,
      'unknown-header',
      'line 1: unknown header "user,item,score,time": u.data files have no header and ratings.csv files start with userId,movieId,rating,timestamp',
    ],
    [
      'header in a tab-separated file',
      'user\titem\trating\ttimestamp\n1\t2\t3\t4',
      1,
      'unknown-header',
      'line 1: unknown header "user\\titem\\trating\\ttimestamp": u.data files have no header and ratings.csv files start with userId,movieId,rating,timestamp',
    ],
    [
      'unknown separator',
      '1::2::3::4',
      1,
      'unknown-format',
      'line 1: cannot tell the format from "1::2::3::4": expected tab-separated columns (u.data) or a comma-separated file with the header userId,movieId,rating,timestamp (ratings.csv)',
    ],
    [
      'too few columns (tab)',
      '1\t2\t3\t4\n1\t2\t3',
      2,
      'column-count',
      'line 2: expected 4 tab-separated columns (user, item, rating, timestamp), found 3',
    ],
    [
      'too many columns (csv)',
      CSV + '\n\n3,4,5,6,7',
      6,
      'column-count',
      'line 6: expected 4 comma-separated columns (user, item, rating, timestamp), found 5',
    ],
    [
      'commas in a tab-separated file',
      '1\t2\t3\t4\n1,2,3,4',
      2,
      'column-count',
      'line 2: expected 4 tab-separated columns (user, item, rating, timestamp), found 1',
    ],
    [
      'non-numeric user id',
      CSV + '\nabc,1,4,5',
      5,
      'bad-id',
      'line 5: user id "abc" is not a number (expected a non-negative integer)',
    ],
    [
      'non-numeric item id',
      '1\t2\t3\t4\n1\tx7\t3\t4',
      2,
      'bad-id',
      'line 2: item id "x7" is not a number (expected a non-negative integer)',
    ],
    [
      'negative id',
      '1\t-2\t3\t4',
      1,
      'bad-id',
      'line 1: item id "-2" is not a number (expected a non-negative integer)',
    ],
    ['empty id', '1,2,3,4\n,2,3,4', 2, 'bad-id', 'line 2: user id is empty'],
    [
      'huge id',
      '1,99999999999999999999,3,4',
      1,
      'bad-id',
      'line 1: item id "99999999999999999999" is too large',
    ],
    ['non-numeric rating', '1,2,good,4', 1, 'bad-rating', 'line 1: rating "good" is not a number'],
    [
      'rating above range',
      CSV + '\n3,4,5.5,6',
      5,
      'rating-range',
      'line 5: rating "5.5" is out of range (0.5 … 5)',
    ],
    [
      'rating below range',
      '1\t2\t0\t4',
      1,
      'rating-range',
      'line 1: rating "0" is out of range (0.5 … 5)',
    ],
    [
      'rating outside a custom range',
      '1\t2\t0.5\t4',
      1,
      'rating-range',
      'line 1: rating "0.5" is out of range (1 … 5)',
      { minRating: 1 },
    ],
    [
      'non-numeric timestamp',
      '1,2,3,4\n1,2,3,2018-01-01',
      2,
      'bad-timestamp',
      'line 2: timestamp "2018-01-01" is not valid (expected whole seconds since 1970, 0 … 4294967295)',
    ],
    [
      'fractional timestamp',
      '1,2,3,4.5',
      1,
      'bad-timestamp',
      'line 1: timestamp "4.5" is not valid (expected whole seconds since 1970, 0 … 4294967295)',
    ],
    [
      'timestamp in milliseconds',
      '1,2,3,1445714835000',
      1,
      'bad-timestamp',
      'line 1: timestamp "1445714835000" is not valid (expected whole seconds since 1970, 0 … 4294967295)',
    ],
    [
      'too many lines',
      CSV + '\n3,4,5,6',
      5,
      'too-many-lines',
      'line 5: the file has more than 4 lines (the limit)',
      { maxLines: 4 },
    ],
    [
      'too many bytes',
      '1,2,3,4\n5,6,3,8\n9,10,3,12\n',
      2,
      'too-large',
      'line 2: the file is over the size limit of 10 bytes; the limit is crossed on this line',
      { maxBytes: 10 },
    ],
  ];

  it.each(cases)('%s', (_name, input, line, code, message, options) => {
    const e = fails(input, options);
    expect(e).toEqual({ line, code, message });
  });

  it('reports the same byte-limit line for bytes and text', () => {
    const text = '1,2,3,4\n5,6,3,8\n9,10,3,12\n';
    const a = fails(text, { maxBytes: 17 });
    const b = fails(new TextEncoder().encode(text), { maxBytes: 17 });
    expect(a).toEqual(b);
    expect(a.line).toBe(3);
  });

  it('reports the first bad line when several are bad', () => {
    const e = fails('1,2,3,4\n1,2,9,4\nx,2,3,4');
    expect(e.line).toBe(2);
    expect(e.code).toBe('rating-range');
  });

  it('quotes long fields shortened', () => {
    const e = fails(`1,${'9'.repeat(10)}a${'9'.repeat(60)},3,4`);
    expect(e.message).toBe(
      `line 1: item id "${'9'.repeat(10)}a${'9'.repeat(29)}…" is not a number (expected a non-negative integer)`,
    );
  });

  it('never throws, whatever it is given', () => {
    const odd: unknown[] = [null, undefined, 42, {}, [], new Uint8Array([0xff, 0xfe, 0x00])];
    for (const input of odd) {
      const r = parseRatings(input as string);
      expect(r.ok).toBe(false);
    }
  });
});
