/** A small loss-per-batch line chart; a picture of training says more than the last number. */
export function LossCurve({ losses, label }: { losses: readonly number[]; label: string }) {
  if (losses.length < 2) return null;
  const W = 320;
  const H = 90;
  const max = Math.max(...losses);
  const min = Math.min(...losses);
  const span = max - min || 1;
  // Thin long runs so the path stays light; keep the last point.
  const step = Math.max(1, Math.floor(losses.length / 200));
  const pts = losses.filter((_, i) => i % step === 0 || i === losses.length - 1);
  const d = pts
    .map(
      (l, i) =>
        `${i ? 'L' : 'M'}${((i / (pts.length - 1)) * W).toFixed(1)},${(H - 4 - ((l - min) / span) * (H - 8)).toFixed(1)}`,
    )
    .join(' ');
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      role="img"
      aria-label={`${label}: from ${losses[0]!.toFixed(3)} to ${losses.at(-1)!.toFixed(3)} over ${losses.length} batches`}
      style={{ maxWidth: '100%', border: '1px solid var(--border)', borderRadius: 6 }}
    >
      <path d={d} fill="none" stroke="var(--accent)" strokeWidth="1.5" />
    </svg>
  );
}
