/**
 * Trains the video-recommendation models on the default world and seed, evaluates them on the
 * held-out test days, prints a metrics table, and writes the ONNX models with a metrics.json:
 *
 *   npx tsx scripts/train-video-recs.ts [--out public/models/video-recs] [--seed 1]
 *                                       [--world small|medium|large] [--resamples 1000]
 *
 * Files: user-tower.onnx, item-tower.onnx (two-tower retrieval), dcn.onnx (multi-task ranker),
 * logreg.onnx (click baseline), metrics.json (metrics with bootstrap CIs, configs, seed,
 * date, world options, timings, file sizes). Definitions of every metric: the header of
 * case-studies/video-recs/evaluate.ts. The machine may be shared: the load average is printed
 * and stored next to the timings.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { initTfNode } from '../lib/ml/backend.node.js';
import type { BootstrapInterval, PairedBootstrapResult } from '../lib/metrics';
import { evaluateVideoRecs, type RankingSummaryResult } from '../case-studies/video-recs/evaluate';
import { buildRankerTable } from '../case-studies/video-recs/features';
import {
  VIDEO_MODELS_SEED,
  VIDEO_MODELS_WORLD,
  disposeVideoModels,
  trainVideoModels,
  videoScorers,
} from '../case-studies/video-recs/models';
import { WORLD_PRESETS, generateWorld } from '../case-studies/video-recs/world';

const { values: args } = parseArgs({
  options: {
    out: { type: 'string', default: 'public/models/video-recs' },
    seed: { type: 'string', default: String(VIDEO_MODELS_SEED) },
    world: { type: 'string', default: 'small' },
    resamples: { type: 'string', default: '1000' },
  },
});
const seed = Number(args.seed);
const preset = WORLD_PRESETS[args.world as keyof typeof WORLD_PRESETS];
if (!preset) throw new Error(`--world must be one of ${Object.keys(WORLD_PRESETS).join(', ')}`);
const worldOptions = args.world === 'small' ? VIDEO_MODELS_WORLD : preset;
const resamples = Number(args.resamples);

const t0 = performance.now();
const load0 = os.loadavg();
const backend = await initTfNode();
if (backend.backend !== 'wasm') console.warn(`Not on WASM: ${backend.fallbackReason}`);

let t = performance.now();
const world = generateWorld(worldOptions);
const worldSec = (performance.now() - t) / 1000;
console.log(
  `World ${JSON.stringify(worldOptions)}: ${world.sessions.count} sessions, ` +
    `${world.impressions.count} impressions, train days [0, ${world.split.trainEnd}), ` +
    `validation [${world.split.trainEnd}, ${world.split.validationEnd}), test ` +
    `[${world.split.validationEnd}, ${world.split.days}) (${worldSec.toFixed(1)} s)`,
);

const trained = await trainVideoModels(world, {
  seed,
  onProgress: (p) => {
    if (p.batch === undefined && p.epoch !== undefined) {
      console.log(
        `  ${p.stage} epoch ${p.epoch}: train ${p.loss?.toFixed(4)}, validation ${p.valLoss?.toFixed(4)}`,
      );
    }
  },
});
for (const [name, m] of [
  ['two-tower', trained.twoTower],
  ['dcn', trained.dcn],
  ['logreg', trained.logReg],
] as const) {
  console.log(
    `${name}: ${m.trainRows} training rows, ${m.fit.history.length} epochs, best ${m.fit.bestEpoch}` +
      `${m.fit.stoppedEarly ? ' (early stop)' : ''}, ${m.model.params.count()} parameters`,
  );
}

t = performance.now();
const rankerRows = buildRankerTable(world, { split: 'test' }).table;
const report = await evaluateVideoRecs(world, videoScorers(world, trained), {
  seed,
  resamples,
  rankerRows,
  minWatchSec: trained.config.minWatchSec,
});
const evalSec = (performance.now() - t) / 1000;

// --- Files ---
const outDir = path.resolve(args.out!);
mkdirSync(outDir, { recursive: true });
const files: Record<string, number> = {};
for (const [name, bytes] of [
  ['user-tower.onnx', trained.onnx.userTower],
  ['item-tower.onnx', trained.onnx.itemTower],
  ['dcn.onnx', trained.onnx.dcn],
  ['logreg.onnx', trained.onnx.logReg],
] as const) {
  writeFileSync(path.join(outDir, name), bytes);
  files[name] = bytes.byteLength;
}
const totalSec = (performance.now() - t0) / 1000;

// --- Table ---
const f = (x: number, d = 3) => x.toFixed(d);
const ci = (b: BootstrapInterval, d = 3) =>
  `${f(b.estimate, d)} [${f(b.lower, d)}, ${f(b.upper, d)}]`;
const diff = (b: PairedBootstrapResult, d = 3) =>
  `${b.estimate >= 0 ? '+' : ''}${f(b.estimate, d)} [${f(b.lower, d)}, ${f(b.upper, d)}]`;
const pad = (s: string, n: number) => s.padEnd(n);
const r = report.retrieval;
console.log(
  `\nRetrieval: ${report.units.retrieval} test user-days with a new watch (≥ ${trained.config.minWatchSec} s), ` +
    `whole catalogue, already-clicked videos excluded`,
);
console.log(
  `${pad('', 11)}${pad('recall@10', 22)}${pad('recall@50', 22)}${pad('recall@100', 22)}` +
    `${pad('cov@20', 8)}${pad('div@20', 8)}true gain@100 (s)`,
);
for (const [name, x] of [
  ['two-tower', r.twoTower],
  ['popularity', r.popularity],
  ['oracle', r.oracle],
] as const) {
  console.log(
    `${pad(name, 11)}${pad(ci(x.recall[10]!), 22)}${pad(ci(x.recall[50]!), 22)}` +
      `${pad(ci(x.recall[100]!), 22)}${pad(f(x.top20.coverage), 8)}${pad(f(x.top20.diversity), 8)}` +
      `${f(x.trueGain[100]!, 1)}`,
  );
}
console.log(`two-tower / oracle recall@100: ${ci(r.twoTowerOverOracle)} (target ≥ 0.9)`);
console.log(`two-tower − popularity recall@100: ${diff(r.twoTowerMinusPopularity)}`);

const rk = report.ranking;
const rankRow = (name: string, x: RankingSummaryResult) =>
  console.log(
    `${pad(name, 22)}${pad(ci(x.ndcg), 24)}${pad(ci(x.dcg, 1), 26)}${pad(f(x.top20.coverage), 8)}` +
      `${f(x.top20.diversity)}`,
  );
console.log(
  `\nRanking: ${report.units.ranking} user-days, candidates = two-tower top 100, gain = trueScore ` +
    `(expected watch seconds in the top slot)`,
);
const rankHeader = `${pad('', 22)}${pad('NDCG@20', 24)}${pad('DCG@20 (s)', 26)}${pad('cov@20', 8)}div@20`;
console.log(rankHeader);
rankRow('dcn P×E[watch|click]', rk.candidates.dcn);
rankRow('dcn click head only', rk.candidates.dcnClickOnly);
rankRow('logistic regression', rk.candidates.logReg);
console.log(
  `NDCG@20 DCN − LR (paired bootstrap over user-days): ${diff(rk.candidates.dcnMinusLogReg)}; ` +
    `DCN click head alone − LR: ${diff(rk.candidates.dcnClickOnlyMinusLogReg)}`,
);
console.log(
  `\nLogged slates: ${report.units.logged} user-days, the videos shown re-ordered, gain = seconds watched`,
);
console.log(rankHeader);
rankRow('dcn P×E[watch|click]', rk.logged.dcn);
rankRow('dcn click head only', rk.logged.dcnClickOnly);
rankRow('logistic regression', rk.logged.logReg);
console.log(
  `DCN − LR: NDCG@20 ${diff(rk.logged.ndcgDcnMinusLogReg)}, DCG@20 ${diff(rk.logged.dcgDcnMinusLogReg, 1)}`,
);
if (report.click) {
  console.log(
    `\nClick, ${report.click.dcn.rows} logged test rows (CTR ${f(report.click.dcn.ctr)}): ` +
      `AUC DCN ${f(report.click.dcn.auc, 4)}, LR ${f(report.click.logReg.auc, 4)}; ` +
      `log loss DCN ${f(report.click.dcn.logLoss, 4)}, LR ${f(report.click.logReg.logLoss, 4)}`,
  );
}
if (report.watch) {
  const w = report.watch;
  console.log(
    `Watch time, log1p(seconds) on ${w.rows} clicked test rows: RMSE ${f(w.rmse)} vs ` +
      `${f(w.baselineRmse)} for the training mean (${f(w.baseline)}): improvement ` +
      `${ci(w.rmseImprovementCi)} (target ≥ 0.10); MAE ${f(w.mae)} vs ${f(w.baselineMae)} ` +
      `(improvement ${f(w.maeImprovement)})`,
  );
}
const s = trained.seconds;
const load1 = os.loadavg();
console.log(
  `\nTime: world ${f(worldSec, 1)} s, two-tower ${f(s.twoTower, 1)} s, DCN ${f(s.dcn, 1)} s, ` +
    `LR ${f(s.logReg, 1)} s, export ${f(s.export, 1)} s, evaluation ${f(evalSec, 1)} s; ` +
    `total ${f(totalSec, 1)} s (load average ${f(load0[0]!, 1)} → ${f(load1[0]!, 1)} on ` +
    `${os.cpus().length} cores, shared)`,
);
const totalBytes = Object.values(files).reduce((a, b) => a + b, 0);
console.log(
  `Files in ${path.relative(process.cwd(), outDir) || '.'}: ` +
    Object.entries(files)
      .map(([n, b]) => `${n} ${(b / 1e6).toFixed(2)} MB`)
      .join(', ') +
    `; total ${(totalBytes / 1e6).toFixed(2)} MB`,
);

writeFileSync(
  path.join(outDir, 'metrics.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      seed,
      world: world.options,
      config: trained.config,
      models: {
        twoTower: trained.twoTower.config,
        dcn: trained.dcn.config,
        dcnNegativeRate: trained.dcn.negativeRate,
        logReg: trained.logReg.config,
        logRegNegativeRate: trained.logReg.negativeRate,
        watchBaseline: trained.dcn.watchBaseline,
      },
      training: Object.fromEntries(
        (['twoTower', 'dcn', 'logReg'] as const).map((k) => [
          k,
          {
            rows: trained[k].trainRows,
            epochs: trained[k].fit.history.length,
            bestEpoch: trained[k].fit.bestEpoch,
            history: trained[k].fit.history,
          },
        ]),
      ),
      metrics: report,
      seconds: { world: worldSec, ...trained.seconds, evaluation: evalSec, total: totalSec },
      environment: {
        backend: backend.backend,
        node: process.version,
        cores: os.cpus().length,
        loadAverage: { before: load0, after: load1 },
      },
      files,
    },
    null,
    1,
  ),
);
disposeVideoModels(trained);
