import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { wrap } from '../storage/envelope';
import { base64UrlDecode, base64UrlEncode, inflateText } from './codec';
import { canonicalJson } from './equality';
import { sampleDiagram } from './sample';
import { decodeShareFragment, encodeShareFragment } from './share';

const now = new Date('2026-01-01T00:00:00Z');
const pack = (json: string) => `1.${base64UrlEncode(deflateSync(new TextEncoder().encode(json)))}`;

describe('share links', () => {
  it('round-trips a diagram', () => {
    const d = sampleDiagram(60, 1);
    const fragment = encodeShareFragment(d, now);
    expect(fragment).toMatch(/^1\.[A-Za-z0-9_-]+$/);
    const r = decodeShareFragment(fragment);
    expect(r).toMatchObject({ ok: true, problems: [] });
    if (r.ok) expect(canonicalJson(r.diagram)).toBe(canonicalJson(d));
  });

  it('is the same link for the same diagram', () => {
    const d = sampleDiagram(10, 2);
    expect(encodeShareFragment(d, now)).toBe(encodeShareFragment(structuredClone(d), now));
  });

  it.each([
    ['#d=', (f: string) => `#d=${f}`],
    ['a whole URL', (f: string) => `https://mlsd.example/diagram?x=1#d=${f}`],
    ['other parameters', (f: string) => `#view=2&d=${f}&z=1`],
    ['surrounding spaces', (f: string) => `  ${f}\n`],
  ])('accepts %s', (_label, make) => {
    const d = sampleDiagram(5, 3);
    expect(decodeShareFragment(make(encodeShareFragment(d, now)))).toMatchObject({ ok: true });
  });

  it('reports sizes for 20 and 200 nodes', () => {
    const sizes = [20, 200].map((n) => encodeShareFragment(sampleDiagram(n, 42), now).length);
    console.log(
      `share fragment length: 20 nodes → ${sizes[0]} chars, 200 nodes → ${sizes[1]} chars`,
    );
    expect(sizes[0]).toBeLessThan(2_000);
    expect(sizes[1]).toBeLessThan(16_000);
  });

  it.each([
    ['empty', '', 'bad-link'],
    ['just the prefix', '1.', 'bad-link'],
    ['no format', 'abcdef', 'bad-link'],
    ['an unknown format', 'x.abcdef', 'bad-link'],
    ['a newer format', '7.abcdef', 'future-version'],
    ['characters outside base64url', '1.ab+c/d==', 'bad-link'],
    ['an impossible length', '1.abcde', 'bad-link'],
    [
      'random bytes',
      `1.${base64UrlEncode(new Uint8Array([1, 2, 3, 250, 251, 9, 9, 9]))}`,
      'bad-link',
    ],
    [
      'a link cut in half',
      encodeShareFragment(sampleDiagram(30, 4), now).slice(0, 200),
      'bad-link',
    ],
    ['a link over 2 MB', `1.${'A'.repeat(2_000_001)}`, 'too-large'],
    ['deflated non-JSON', pack('hello'), 'not-json'],
    [
      'deflated invalid UTF-8',
      `1.${base64UrlEncode(deflateSync(new Uint8Array([0xff, 0xfe, 0x00])))}`,
      'bad-link',
    ],
    ['deflated progress data', pack(wrap('progress', 1, {}, now)), 'wrong-kind'],
  ])('refuses %s with a clear error', (_label, fragment, code) => {
    const r = decodeShareFragment(fragment);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });

  it('stops a decompression bomb early', () => {
    const bomb = pack(`{"nodes":[],"pad":"${'a'.repeat(50_000_000)}"}`);
    expect(bomb.length).toBeLessThan(100_000);
    const start = performance.now();
    const r = decodeShareFragment(bomb);
    const ms = performance.now() - start;
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'too-large',
        message:
          'This share link expands to more than 2 MB, more than a diagram link can hold; it was not opened.',
      },
    });
    console.log(`decompression bomb (${bomb.length} chars → 50 MB) refused in ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(500);
  });
});

describe('base64url and inflate', () => {
  it('encodes and decodes every length', () => {
    for (let n = 0; n < 50; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n) & 255);
      const text = base64UrlEncode(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(base64UrlDecode(text)).toEqual(bytes);
    }
  });

  it('tolerates padding and rejects foreign characters', () => {
    expect(base64UrlDecode('YQ==')).toEqual(new Uint8Array([97]));
    expect(base64UrlDecode('Y Q')).toBeNull();
    expect(base64UrlDecode('é')).toBeNull();
  });

  it('inflates up to the cap and no further', () => {
    const bytes = deflateSync(new Uint8Array(5000).fill(65));
    expect(inflateText(bytes, 5000)).toEqual({ ok: true, text: 'A'.repeat(5000) });
    expect(inflateText(bytes, 4999)).toEqual({ ok: false, reason: 'too-large' });
    expect(inflateText(new Uint8Array(0))).toEqual({ ok: false, reason: 'corrupt' });
  });
});
