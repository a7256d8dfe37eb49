import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The ad click lesson quotes the shipped models' recorded metrics. A retrain that changes them
// fails here until the lesson is updated.
const root = join(__dirname, '..', '..');
const metrics = JSON.parse(readFileSync(join(root, 'public/models/ad-click/metrics.json'), 'utf8'));
const lesson = readFileSync(join(root, 'content/lessons/ad-click-prediction.mdx'), 'utf8');

const fixed = (x: number, digits: number) => x.toFixed(digits);
const thousands = (x: number) => x.toLocaleString('en-US');

function expectRow(label: string, ...cells: string[]) {
  const line = lesson.split('\n').find((l) => l.startsWith('|') && l.includes(label));
  expect(line, label).toBeDefined();
  const parts = line!.split('|').map((c) => c.trim());
  for (const cell of cells) expect(parts, `${label}: ${cell}`).toContain(cell);
}

describe('ad click lesson figures match metrics.json', () => {
  it('world and split', () => {
    const { options, stats } = metrics.world;
    expect(lesson).toContain(`${thousands(options.numUsers)} users`);
    expect(lesson).toContain(`${options.numAds} ads`);
    expect(lesson).toContain(`${thousands(options.impressionsPerDay)} ad impressions each`);
    expect(lesson).toContain(`${thousands(stats.impressions)} in all`);
    expect(lesson).toContain(`${thousands(stats.clicks)} clicks`);
    expect(lesson).toContain(`a CTR of ${(stats.ctr * 100).toFixed(1)}%`);
    expect(lesson).toContain(
      `(${thousands(metrics.split.testRows)} impressions, ${thousands(metrics.split.testClicks)} clicks)`,
    );
    expect(lesson).toContain(`ran out of budget ${thousands(stats.budgetExhaustions)} times`);
  });

  it('AUC and NE table', () => {
    const { bayes, models } = metrics;
    const row = (label: string, m: { auc: number; normalizedEntropy: number }) =>
      expectRow(label, fixed(m.auc, 3), fixed(m.normalizedEntropy, 3));
    row('Bayes-optimal', bayes.optimal);
    row('user effect inferred', bayes.userEffectInferred);
    row('Truth without the planted crosses', bayes.withoutCrosses);
    row('| DCN-V2 ', models.dcn.test.calibrated);
    row('Logistic regression, hand-made crosses', models.lr.test.calibrated);
    row('| MLP ', models.mlp.test.calibrated);
  });

  it('DCN-V2 against LR and against the optimum', () => {
    const d = metrics.dcnVsLr;
    expect(lesson).toContain(
      `by ${fixed(d.estimate, 4)} AUC, with a paired bootstrap interval of ${fixed(d.lower, 4)} to ${fixed(d.upper, 4)}`,
    );
    expect(lesson).toContain(
      `by ${fixed(d.estimate, 4)} AUC (${fixed(d.a, 3)} against ${fixed(d.b, 3)}, 95% interval ${fixed(d.lower, 4)} to ${fixed(d.upper, 4)})`,
    );
    const b = metrics.dcnVsBayes;
    expect(lesson).toContain(
      `it is ${fixed(-b.estimate, 3)} below the Bayes-optimal AUC (interval ${fixed(-b.upper, 3)} to ${fixed(-b.lower, 3)})`,
    );
    const lost = metrics.bayes.optimal.auc - metrics.bayes.userEffectInferred.auc;
    expect(lesson).toContain(`already loses ${fixed(lost, 3)}`);
    expect(lesson).toContain(`(${thousands(metrics.models.dcn.parameters)} parameters)`);
  });

  it('calibration', () => {
    const dcn = metrics.models.dcn;
    const { a, b } = dcn.calibration.calibrator;
    expect(lesson).toContain(`$a = ${fixed(a, 3)}$, $b = ${fixed(b, 3)}$`);
    const stage = (
      label: string,
      m: {
        meanPredicted: number;
        calibrationRatio: number;
        normalizedEntropy: number;
        ece: number;
        auc: number;
      },
      meanDigits: number,
      eceDigits: number,
    ) =>
      expectRow(
        label,
        fixed(m.meanPredicted, meanDigits),
        fixed(m.calibrationRatio, 2),
        fixed(m.normalizedEntropy, 3),
        fixed(m.ece, eceDigits),
        fixed(m.auc, 3),
      );
    stage('Raw (trained at', dcn.test.raw, 3, 3);
    stage('Downsampling undone', dcn.test.recalibrated, 4, 4);
    stage('Platt scaling on day 5', dcn.test.calibrated, 4, 4);
    const ece = (k: string) => fixed(metrics.models[k].test.calibrated.ece, 4);
    expect(lesson).toContain(
      `(DCN-V2 ${ece('dcn')}, MLP ${ece('mlp')}, logistic regression ${ece('lr')})`,
    );
    const alt = dcn.test.alternative;
    expect(alt.method).toBe('isotonic');
    expect(lesson).toContain(
      `test NE ${fixed(dcn.test.calibrated.normalizedEntropy, 3)} against ${fixed(alt.metrics.normalizedEntropy, 3)} for isotonic`,
    );
    const lr = metrics.models.lr.test.calibrated;
    expect(lesson).toContain(`$\\bar{p} = ${fixed(lr.observedRate, 4)}$`);
    expect(lesson).toContain(
      `log loss of ${fixed(lr.logLoss, 4)} gives NE ${fixed(lr.normalizedEntropy, 3)}`,
    );
  });

  it('staleness', () => {
    const s = metrics.staleness;
    const day6 = s.points.find((p: { day: number }) => p.day === 6);
    expect(lesson).toContain(
      `on day 6 it scores AUC ${fixed(day6.stale, 3)} against ${fixed(day6.retrained, 3)} for the retrained model`,
    );
    expect(lesson).toContain(`trained on days ${s.staleTrainDays[0]}–${s.staleTrainDays.at(-1)}`);
  });
});
