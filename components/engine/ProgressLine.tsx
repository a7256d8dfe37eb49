export function ProgressLine({
  label,
  fraction,
  name,
}: {
  label: string;
  fraction: number;
  name: string;
}) {
  const pct = Math.round(fraction * 100);
  return (
    <div>
      <div
        className="progress-bar"
        role="progressbar"
        aria-label={name}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}% — ${label}`}
      >
        <span style={{ width: `${pct}%` }} />
      </div>
      <p aria-live="polite">
        {pct}% — {label}
      </p>
    </div>
  );
}
