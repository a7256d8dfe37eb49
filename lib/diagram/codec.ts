import { Inflate, deflateSync } from 'fflate';
import { wrap } from '../storage/envelope';
import { canonicalDiagram } from './equality';
import { DIAGRAM_CHAIN, DIAGRAM_KIND } from './migrations';
import { failure, restoreDiagram, type RestoreResult } from './restore';
import { MAX_INFLATED_BYTES, MAX_SVG_INFLATED_BYTES, type Diagram } from './schema';

/**
 * The packed form shared by share links and SVG metadata:
 *
 *   "1." + base64url(raw DEFLATE(UTF-8(envelope JSON)))
 *
 * "1" is the packing format (how the bytes are encoded), separate from the diagram format inside
 * the envelope (which migrations handle). A new packing (say, a binary layout) gets "2.".
 */
export const PACK_FORMAT = '1';
const PREFIX = `${PACK_FORMAT}.`;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/** RFC 4648 §5 base64url without padding. */
export function base64UrlEncode(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk +=
      ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    chunk += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    chunk += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  parts.push(chunk);
  return parts.join('');
}

/** Decodes base64url (padding tolerated); null for any character outside the alphabet or a bad length. */
export function base64UrlDecode(text: string): Uint8Array | null {
  const s = text.replace(/={1,2}$/, '');
  if (s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? DECODE[c]! : -1;
    if (v < 0) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

export type Inflated = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'corrupt' };

/**
 * Inflates raw DEFLATE in small input steps and stops as soon as the output passes `maxBytes`,
 * so a bomb (a few KB that would expand to gigabytes) costs at most a few MB of work.
 */
export function inflateText(bytes: Uint8Array, maxBytes = MAX_INFLATED_BYTES): Inflated {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  const stream = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxBytes) tooLarge = true;
    else chunks.push(chunk);
  });
  if (bytes.length === 0) return { ok: false, reason: 'corrupt' };
  try {
    // A DEFLATE block expands at most ~1032×, so a 1 KB step yields at most ~1 MB.
    const step = 1024;
    for (let i = 0; i < bytes.length && !tooLarge; i += step)
      stream.push(bytes.subarray(i, i + step), i + step >= bytes.length);
  } catch {
    return { ok: false, reason: tooLarge ? 'too-large' : 'corrupt' };
  }
  if (tooLarge) return { ok: false, reason: 'too-large' };
  const joined = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    joined.set(c, at);
    at += c.length;
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(joined) };
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
}

/** The packed form of a diagram (see the top of this file). */
export function packDiagram(diagram: Diagram, now: Date): string {
  const json = wrap(DIAGRAM_KIND, DIAGRAM_CHAIN.current, canonicalDiagram(diagram), now);
  return PREFIX + base64UrlEncode(deflateSync(new TextEncoder().encode(json)));
}

/** Where a packed diagram came from, for messages. */
export type PackSource = 'link' | 'image';

/** Unpacks and restores; every failure is an error the learner can understand. */
export function unpackDiagram(packed: string, source: PackSource): RestoreResult {
  const what = source === 'link' ? 'This share link' : 'The diagram inside this image';
  const dot = packed.indexOf('.');
  const format = dot > 0 ? packed.slice(0, dot) : '';
  if (/^\d{1,6}$/.test(format) && format !== PACK_FORMAT && Number(format) > Number(PACK_FORMAT))
    return failure(
      'future-version',
      `${what} was made by a newer version of MLSD Lab. Reload the page to update, then try again.`,
    );
  const code = source === 'link' ? 'bad-link' : 'corrupt';
  if (format !== PACK_FORMAT)
    return failure(code, `${what} is not an MLSD Lab diagram, or it was cut off when copied.`);
  const bytes = base64UrlDecode(packed.slice(dot + 1));
  if (!bytes || bytes.length === 0)
    return failure(
      code,
      `${what} is damaged (it has characters a diagram never has): copy it again in full.`,
    );
  const cap = source === 'link' ? MAX_INFLATED_BYTES : MAX_SVG_INFLATED_BYTES;
  const inflated = inflateText(bytes, cap);
  if (!inflated.ok)
    return inflated.reason === 'too-large'
      ? failure(
          'too-large',
          `${what} expands to more than ${cap / 1e6} MB, more than a diagram ${source === 'link' ? 'link ' : ''}can hold; it was not opened.`,
        )
      : failure(code, `${what} is damaged or incomplete: copy it again in full.`);
  return restoreDiagram(inflated.text);
}
