import type { RetrainComparison } from '@/case-studies/video-recs/retrain';
import { LineChart } from '@/components/charts/LineChart';
import styles from '@/components/engine/engine.module.css';

const TABLE_KS = [10, 50, 100];
const LABELS = { retrained: 'Retrained (yours)', shipped: 'Shipped', popularity: 'Popularity' };
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Recall@K of the retrained model, the shipped one and popularity: a table and a curve. */
export function RecallComparison({ comparison: c }: { comparison: RetrainComparison }) {
  const d = c.diff100;
  const sign = d.estimate >= 0 ? '+' : '−';
  return (
    <div data-testid="retrain-comparison">
      <table className={styles.table}>
        <caption>
          Recall@K on {c.units.toLocaleString('en')} held-out user-days ({c.split}); 95% bootstrap
          intervals
        </caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            {TABLE_KS.map((k) => (
              <th scope="col" key={k}>
                Recall@{k}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {c.models.map((m) => (
            <tr key={m.name} data-testid={`recall-${m.name}`}>
              <th scope="row">{LABELS[m.name]}</th>
              {TABLE_KS.map((k) => {
                const b = m.recall[c.ks.indexOf(k)]!;
                return (
                  <td key={k}>
                    {pct(b.estimate)}{' '}
                    <small>
                      [{pct(b.lower)}, {pct(b.upper)}]
                    </small>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Retrained − shipped recall@100: {sign}
        {pct(Math.abs(d.estimate))} [{pct(d.lower)}, {pct(d.upper)}]
        {d.lower > 0
          ? ': the retrained model is better.'
          : d.upper < 0
            ? ': the shipped model is better (the browser settings are smaller).'
            : ': no clear difference on these days.'}
      </p>
      <LineChart
        title="Recall@K on the test days"
        summary={c.models
          .map(
            (m) =>
              `${LABELS[m.name]}: ${c.ks.map((k, j) => `@${k} ${pct(m.recall[j]!.estimate)}`).join(', ')}`,
          )
          .join('; ')}
        series={c.models.map((m) => ({
          label: LABELS[m.name],
          x: c.ks,
          y: m.recall.map((b) => b.estimate),
          dashed: m.name === 'popularity',
        }))}
        xLabel="K (videos retrieved)"
        yLabel="recall@K"
        yRange={[0, 1]}
        height={200}
        testId="retrain-recall-chart"
      />
    </div>
  );
}
