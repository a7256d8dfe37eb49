/**
 * Trains the ad click models on the default world and writes what the browser serves:
 *
 *   npx tsx scripts/train-ad-click.ts [--out public/models/ad-click] [--seed 1] [--config default|browser]
 *                                     [--resamples 1000]
 *
 * The configuration is the named one except for evaluation: the script bootstraps with more
 * resamples (default 1000), also bootstraps AUC(DCN-V2) − Bayes AUC and computes the
 * user-effect oracle, so it takes longer than trainAdModels at its defaults.
 *
 * Writes `<model>.onnx` and `<model>.calibration.json` (undo downsampling, then the calibrator)
 * for dcn, mlp and lr, and `metrics.json` (test-day metrics per stage, reliability bins, ROC/PR
 * points, the paired bootstrap of AUC(DCN-V2) − AUC(LR), the oracles, config, seed, date,
 * timings). Prints a metrics table.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import {
  BROWSER_AD_MODELS_CONFIG,
  DEFAULT_AD_MODELS_CONFIG,
  stalenessCurve,
  trainAdModels,
  type AdModelResult,
} from '../case-studies/ad-click/models';
import { createFeaturePipeline } from '../case-studies/ad-click/features';
import { generateWorld } from '../case-studies/ad-click/world';
import { initTfNode } from '../lib/ml/backend.node.js';

const { values: args } = parseArgs({
  options: {
    out: { type: 'string', default: 'public/models/ad-click' },
    seed: { type: 'string', default: '1' },
    config: { type: 'string', default: 'default' },
    // The bootstrap is the slow part of evaluation; the script can afford more resamples.
    resamples: { type: 'string', default: '1000' },
  },
});
const seed = Number(args.seed);
const base = args.config === 'browser' ? BROWSER_AD_MODELS_CONFIG : DEFAULT_AD_MODELS_CONFIG;
const config = {
  ...base,
  evaluation: {
    ...base.evaluation,
    bootstrapResamples: Number(args.resamples),
    bootstrapVsBayes: true,
    userEffectOracle: true,
  },
};
if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${args.seed}`);
if (args.config !== 'default' && args.config !== 'browser') {
  throw new Error(`--config must be default or browser, got ${args.config}`);
}

const backend = await initTfNode();
if (backend.backend !== 'wasm') console.warn(`TF.js is not on WASM: ${backend.fallbackReason}`);

const load0 = os.loadavg()[0]!;
const g0 = performance.now();
const world = generateWorld({ seed });
const worldMs = performance.now() - g0;
console.log(
  `World (seed ${seed}): ${world.stats.impressions.toLocaleString('en-US')} impressions, CTR ${(100 * world.stats.ctr).toFixed(2)}%, generated in ${(worldMs / 1000).toFixed(1)} s`,
);

let lastEpoch = '';
const pipeline = createFeaturePipeline(world, config.features);
const result = await trainAdModels(world, {
  seed,
  config,
  pipeline,
  onProgress: (p) => {
    if (p.phase !== 'training' || p.batch !== p.batches) return;
    const key = `${p.model}:${p.epoch}`;
    if (key === lastEpoch) return;
    lastEpoch = key;
    process.stdout.write(`  ${p.model} epoch ${p.epoch}/${p.maxEpochs}\r`);
  },
});
process.stdout.write(' '.repeat(40) + '\r');
// Staleness, for the monitoring widget: too slow to train in the page, so precomputed here.
const staleness = await stalenessCurve(world, {
  seed,
  pipeline,
  config: config.lr,
  downsampleRate: config.downsampleRate,
});
const load1 = os.loadavg()[0]!;

// ---------------------------------------------------------------------------------------------
// Table

const f = (x: number, d = 4): string => (Number.isFinite(x) ? x.toFixed(d) : '—');
const rows: string[][] = [
  [
    'model',
    'AUC',
    'log loss',
    'NE',
    'ECE raw',
    'ECE recal.',
    'ECE calib.',
    'mean p / CTR',
    'epochs',
    'train s',
  ],
];
for (const m of Object.values(result.models) as AdModelResult[]) {
  const t = m.test;
  rows.push([
    m.label,
    f(t.raw.auc),
    f(t.calibrated.logLoss, 5),
    f(t.calibrated.normalizedEntropy),
    f(t.raw.ece),
    f(t.recalibrated.ece),
    f(t.calibrated.ece),
    f(t.calibrated.calibrationRatio, 3),
    `${m.training.bestEpoch}/${m.training.epochs}`,
    f(m.training.seconds, 1),
  ]);
}
const b = result.bayes;
const oracleRow = (label: string, o: typeof b.optimal) => [
  label,
  f(o.auc),
  f(o.logLoss, 5),
  f(o.normalizedEntropy),
  '',
  '',
  f(o.ece),
  '',
  '',
  '',
];
rows.push(oracleRow('Bayes-optimal (true p)', b.optimal));
if (b.userEffectInferred)
  rows.push(oracleRow('Oracle, user effect inferred', b.userEffectInferred));
rows.push(oracleRow('Oracle without the crosses', b.withoutCrosses));
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
console.log(
  `\nTest day ${result.split.testDay}: ${result.split.testRows.toLocaleString('en-US')} impressions, ${result.split.testClicks} clicks. ` +
    `Trained on days ${result.split.trainDays.join(', ')} (${result.split.trainRowsKept.toLocaleString('en-US')} of ${result.split.trainRows.toLocaleString('en-US')} rows kept at negative rate ${result.config.downsampleRate}), calibrated (${result.config.calibration}) on day ${result.split.calibrationDay}.`,
);
console.log('log loss, NE and the last ECE are after calibration; ECE: 20 equal-mass bins.\n');
for (const [i, r] of rows.entries()) {
  console.log(
    r.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  '),
  );
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
const ci = (label: string, r: typeof result.dcnVsLr) => {
  if (!r) return;
  console.log(
    `${label}: ${f(r.estimate)}  95% CI [${f(r.lower)}, ${f(r.upper)}]  (paired bootstrap, ${r.resamples} resamples; P(>0) = ${f(r.probabilityAGreater, 3)})`,
  );
};
console.log('');
ci('AUC(DCN-V2) − AUC(LR)   ', result.dcnVsLr);
ci('AUC(DCN-V2) − Bayes AUC ', result.dcnVsBayes);
console.log(
  `\nStaleness (LR, trained on days ${staleness.staleTrainDays.join(', ')} vs retrained daily on the ${staleness.window} days before; ${staleness.seconds.toFixed(1)} s):`,
);
for (const p of staleness.points) {
  console.log(
    `  day ${p.day}: stale ${f(p.stale)}  retrained ${f(p.retrained)}  Bayes ${f(p.bayes)}`,
  );
}
const tm = result.timings;
console.log(
  `\nWall time ${((performance.now() - g0) / 1000).toFixed(1)} s in all. trainAdModels: ${(tm.totalMs / 1000).toFixed(1)} s (features ${(tm.featuresMs / 1000).toFixed(1)} s, oracles ${(tm.oracleMs / 1000).toFixed(1)} s, bootstrap ${(tm.bootstrapMs / 1000).toFixed(1)} s); load average ${load0.toFixed(1)} → ${load1.toFixed(1)} on ${os.cpus().length} cores`,
);

// ---------------------------------------------------------------------------------------------
// Files

/**
 * Numbers rounded to 6 significant digits (4 in the ROC / PR points, which are for plotting), so
 * metrics.json stays small and diffable.
 */
function compact(this: unknown, key: string, v: unknown): unknown {
  if (typeof v !== 'number' || !Number.isFinite(v) || Number.isInteger(v)) return v;
  const point =
    (key === 'x' || key === 'y' || key === 'threshold') &&
    typeof this === 'object' &&
    this !== null &&
    'threshold' in this;
  return Number(v.toPrecision(point ? 4 : 6));
}

/** JSON text as the repository's Prettier formats it (so `prettier --check .` stays clean). */
async function jsonText(value: unknown, file: string): Promise<string> {
  const options = (await resolveConfig(file)) ?? {};
  return format(JSON.stringify(value, compact), { ...options, parser: 'json' });
}

const out = path.resolve(args.out!);
mkdirSync(out, { recursive: true });
const files: Record<string, number> = {};
const write = (name: string, data: string | Uint8Array): void => {
  writeFileSync(path.join(out, name), data);
  files[name] = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
};
const models: Record<
  string,
  Omit<AdModelResult, 'onnx' | 'testPredictions'> & { files: { onnx: string; calibration: string } }
> = {};
for (const m of Object.values(result.models) as AdModelResult[]) {
  const { onnx, testPredictions: _predictions, ...rest } = m;
  const names = { onnx: `${m.kind}.onnx`, calibration: `${m.kind}.calibration.json` };
  if (onnx) write(names.onnx, onnx);
  write(
    names.calibration,
    await jsonText(
      { model: m.kind, onnxOutput: m.onnxOutput, ...m.calibration },
      path.join(out, names.calibration),
    ),
  );
  models[m.kind] = { ...rest, files: names };
}
const metrics = {
  caseStudy: 'ad-click',
  date: new Date().toISOString(),
  seed,
  world: { seed, options: world.options, stats: { ...world.stats, generationMs: worldMs } },
  config: result.config,
  split: result.split,
  bayes: result.bayes,
  dcnVsLr: result.dcnVsLr,
  dcnVsBayes: result.dcnVsBayes,
  staleness,
  timings: { ...result.timings, stalenessMs: staleness.seconds * 1000 },
  machine: { cpus: os.cpus().length, loadAverage: [load0, load1], backend: backend.backend },
  models,
};
write('metrics.json', await jsonText(metrics, path.join(out, 'metrics.json')));
console.log(`\nWrote ${out}:`);
for (const [name, bytes] of Object.entries(files)) {
  console.log(`  ${name.padEnd(24)} ${(bytes / 1024).toFixed(1).padStart(7)} KB`);
}
