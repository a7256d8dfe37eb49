/**
 * Text that is safe to store, render and put through UTF-8 (share links, SVG): no control
 * characters, no lone surrogates (TextEncoder would turn them into U+FFFD, so a round trip
 * through a link would not give back the same string).
 */

/** Cleans text: line breaks normalised (or turned into spaces), controls removed, lone surrogates replaced. */
export function cleanText(raw: string, multiline: boolean): string {
  if (isCleanText(raw, multiline)) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 13) {
      // \r\n and a lone \r both become one line break.
      if (raw.charCodeAt(i + 1) === 10) i++;
      out += multiline ? '\n' : ' ';
    } else if (c === 10 || c === 9) {
      out += multiline ? raw[i] : ' ';
    } else if (c < 32 || c === 127) {
      // other control characters are dropped
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = raw.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += raw.slice(i, i + 2);
        i++;
      } else out += '\uFFFD';
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      out += '\uFFFD';
    } else out += raw[i];
  }
  return out;
}

export function isCleanText(s: string, multiline: boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 127) {
      if (!multiline || (c !== 10 && c !== 9)) return false;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
export function truncateText(s: string, max: number): string {
  if (s.length <= max) return s;
  const last = s.charCodeAt(max - 1);
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** An id or kind quoted for a message: short, single-line, never empty-looking. */
export function quote(value: string, max = 40): string {
  const clean = cleanText(value.slice(0, max * 2), false);
  return `'${clean.length > max ? `${truncateText(clean, max - 1)}…` : clean}'`;
}
