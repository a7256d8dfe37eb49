import type { FeedMetrics } from '@/case-studies/video-recs/pipeline';
import { LineChart, type LineSeries } from '@/components/charts/LineChart';
import styles from './video.module.css';

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

function series(m: FeedMetrics, key: 'recall' | 'ndcg', label: string, dashed = false): LineSeries {
  return {
    label,
    x: m[key].map((p) => p.k),
    y: m[key].map((p) => p.value),
    dashed,
  };
}

/**
 * Offline metrics of the current controls on held-out users, with the previous setting's as
 * a dashed line, so a change shows as a gap between the two.
 */
export function MetricsPanel({
  metrics,
  previous,
  pending,
  compact = false,
}: {
  metrics: FeedMetrics | null;
  previous: FeedMetrics | null;
  pending: boolean;
  compact?: boolean;
}) {
  if (!metrics)
    return (
      <p className={styles.muted}>{pending ? 'Measuring on held-out users…' : 'No metrics yet.'}</p>
    );
  const at = (k: number) => metrics.recall.find((r) => r.k === k)?.value ?? NaN;
  const ndcg20 = metrics.ndcg.find((r) => r.k === 20)?.value ?? NaN;
  const withPrev = (key: 'recall' | 'ndcg', label: string) =>
    previous
      ? [series(metrics, key, `${label} (now)`), series(previous, key, `${label} (before)`, true)]
      : [series(metrics, key, label)];
  return (
    <div data-testid="metrics" aria-busy={pending}>
      <div className={styles.metrics}>
        <div className={styles.metric}>
          recall@100 <strong data-testid="metric-recall">{f3(at(100))}</strong>
        </div>
        <div className={styles.metric}>
          NDCG@20 <strong data-testid="metric-ndcg">{f3(ndcg20)}</strong>
        </div>
        <div className={styles.metric}>
          coverage <strong data-testid="metric-coverage">{f3(metrics.coverage)}</strong>
        </div>
        <div className={styles.metric}>
          diversity <strong data-testid="metric-diversity">{f3(metrics.diversity)}</strong>
        </div>
        <div className={styles.metric}>
          s watched / video <strong>{metrics.watchPerVideo.toFixed(1)}</strong>
        </div>
      </div>
      <p className={styles.muted}>
        {metrics.units} held-out users of the first test day{pending ? ' · updating…' : ''}. Recall:
        share of the videos they newly watched that day found among the candidates. NDCG: the
        feed&apos;s order against the best order of the same candidates, gain = the world&apos;s
        true expected watch time. Coverage: share of the catalogue shown in any feed; diversity: 1 −
        mean cosine between a feed&apos;s item embeddings.
      </p>
      {!compact && (
        <LineChart
          title="Recall@K of retrieval"
          summary={`Recall at ${metrics.recall.map((r) => `${r.k}: ${f3(r.value)}`).join(', ')}.`}
          series={withPrev('recall', 'recall@K')}
          xLabel="K (candidates)"
          yLabel="recall"
          yRange={[0, 1]}
          height={200}
          testId="recall-chart"
        />
      )}
      <LineChart
        title="NDCG@K of the feed"
        summary={`NDCG at ${metrics.ndcg.map((r) => `${r.k}: ${f3(r.value)}`).join(', ')}.`}
        series={withPrev('ndcg', 'NDCG@K')}
        xLabel="K (feed positions)"
        yLabel="NDCG"
        yRange={[0, 1]}
        height={200}
        testId="ndcg-chart"
      />
    </div>
  );
}
