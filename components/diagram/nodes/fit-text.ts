/**
 * Shortens text to what fits in a node, in JavaScript rather than with CSS clipping: a clip
 * (`overflow: hidden`, line clamps) in each of a thousand nodes made dragging three times slower
 * (scripts/bench-diagram.ts). The full text stays in the node's aria-label and the side panel.
 */
export function fitText(text: string, chars: number, singleLine = true): string {
  const flat = singleLine ? text.replace(/\s+/g, ' ').trim() : text;
  if (flat.length <= chars) return flat;
  return `${Array.from(flat)
    .slice(0, Math.max(1, chars - 1))
    .join('')
    .trimEnd()}…`;
}

/** Characters per line in a component of this width (icon, padding and accent bar taken off). */
export function charsPerLine(width: number, fontPx: number): number {
  return Math.max(4, Math.floor((width - 60) / (fontPx * 0.56)));
}

/** Multi-line text (a note): at most `lines` lines of `chars` characters each. */
export function fitLines(text: string, chars: number, lines: number): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let rest = line;
    do {
      out.push(rest.slice(0, chars));
      rest = rest.slice(chars);
    } while (rest.length > 0 && out.length < lines + 1);
    if (out.length > lines) break;
  }
  if (out.length <= lines) return out.join('\n');
  const kept = out.slice(0, lines);
  const last = kept[lines - 1]!;
  kept[lines - 1] = `${last.length < chars ? last : last.slice(0, -1)}…`;
  return kept.join('\n');
}
