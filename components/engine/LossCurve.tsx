import { LineChart } from '@/components/charts/LineChart';

/** Training loss per batch; a picture of training says more than the last number. */
export function LossCurve({ losses, label }: { losses: readonly number[]; label: string }) {
  if (losses.length < 2) return null;
  return (
    <LineChart
      title={label}
      summary={`${label}: from ${losses[0]!.toFixed(3)} to ${losses.at(-1)!.toFixed(3)} over ${losses.length} batches`}
      series={[{ label: 'loss', x: losses.map((_, i) => i + 1), y: losses }]}
      xLabel="batch"
      yLabel="loss"
      height={160}
    />
  );
}
