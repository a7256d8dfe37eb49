/** Reads an estimate typed as "69,000", "69 000", "6.9e4" or "69k"; null when it is not a number. */
export function parseEstimate(text: string): number | null {
  const t = text
    .trim()
    .replace(/[,\s_]/g, '')
    .toLowerCase();
  const m = /^(-?\d*\.?\d+(?:e[+-]?\d+)?)([kmb]?)$/.exec(t);
  if (!m) return null;
  const scale = { '': 1, k: 1e3, m: 1e6, b: 1e9 }[m[2] as '' | 'k' | 'm' | 'b'];
  const value = Number(m[1]) * scale;
  return Number.isFinite(value) ? value : null;
}
