import { LineChart, type LineSeries } from '@/components/charts/LineChart';
import type { ValPoint } from './useLabWorker';

/**
 * Training loss per batch, and the validation loss at each epoch's end when there is one; a
 * picture of training says more than the last number.
 */
export function LossCurve({
  losses,
  label,
  valLosses = [],
  testId,
}: {
  losses: readonly number[];
  label: string;
  valLosses?: readonly ValPoint[];
  testId?: string;
}) {
  if (losses.length < 2) return null;
  const series: LineSeries[] = [
    { label: 'training loss', x: losses.map((_, i) => i + 1), y: losses },
  ];
  if (valLosses.length > 0) {
    series.push({
      label: 'validation loss',
      x: valLosses.map((v) => v.batch),
      y: valLosses.map((v) => v.loss),
      points: true,
    });
  }
  const val = valLosses.at(-1);
  return (
    <LineChart
      title={label}
      summary={
        `${label}: from ${losses[0]!.toFixed(3)} to ${losses.at(-1)!.toFixed(3)} over ${losses.length} batches` +
        (val ? `; validation loss ${val.loss.toFixed(3)} after ${valLosses.length} epochs` : '')
      }
      series={series}
      xLabel="batch"
      yLabel="loss"
      height={160}
      testId={testId}
    />
  );
}
