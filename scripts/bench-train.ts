/**
 * Training benchmark (Node, TF.js WASM backend): two-tower retrieval on 100k synthetic
 * interactions (1k users, 5k items, d = 32), seconds per epoch and examples/s, for each
 * embedding-lookup gradient (lib/ml/lookup.ts), plus a micro-benchmark of the lookup alone.
 *
 *   npx tsx scripts/bench-train.ts [--repeats 3] [--epochs 2] [--batch 512] [--kinds scatter,onehot-grad,onehot]
 *
 * The machine has 2 cores and is shared, so every figure is measured several times and
 * reported as median and range, with the load average before and after. Epoch 1 of each run
 * includes one-off warm-up (kernel set-up), so it is reported but left out of the median.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { initTfNode } from '../lib/ml/backend.node.js';
import { range, takeRows } from '../lib/ml/data';
import { embeddingLookup, LOOKUP_KINDS, type LookupKind } from '../lib/ml/lookup';
import { recallAtK } from '../lib/ml/metrics';
import { disposeModel } from '../lib/ml/model';
import { syntheticWorld } from '../lib/ml/synthetic';
import { predictArrays } from '../lib/ml/predict';
import { fit } from '../lib/ml/train';
import { createTwoTower, withItemLogQ, type TwoTowerConfig } from '../lib/ml/two-tower';

const { values: args } = parseArgs({
  options: {
    repeats: { type: 'string', default: '3' },
    epochs: { type: 'string', default: '3' },
    batch: { type: 'string', default: '512' },
    kinds: { type: 'string', default: LOOKUP_KINDS.join(',') },
    // Slow lookups get fewer runs so the whole benchmark stays a few minutes.
    'slow-repeats': { type: 'string', default: '1' },
    out: { type: 'string', default: 'bench/results/train-node.json' },
  },
});
const REPEATS = Number(args.repeats);
const EPOCHS = Number(args.epochs);
const BATCH = Number(args.batch);
const KINDS = args.kinds!.split(',') as LookupKind[];
const USERS = 1000;
const ITEMS = 5000;
const DIM = 32;
const FEATURES = 8;
const INTERACTIONS = 100_000;
const HELD_OUT = 2000;

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]!, n: s.length };
};
const round = (x: number, digits = 3) => Number(x.toFixed(digits));

const backend = await initTfNode();
if (backend.backend !== 'wasm') console.warn(`Not on WASM: ${backend.fallbackReason}`);
const loadBefore = os.loadavg();

const world = syntheticWorld({
  numUsers: USERS,
  numItems: ITEMS,
  interactions: INTERACTIONS + HELD_OUT,
  featureDim: FEATURES,
  seed: 1,
});
const all = withItemLogQ(world.table, ITEMS);
const train = takeRows(all, range(INTERACTIONS));
const test = takeRows(all, range(INTERACTIONS + HELD_OUT).subarray(INTERACTIONS));

const config = (lookup: LookupKind): TwoTowerConfig => ({
  numUsers: USERS,
  numItems: ITEMS,
  embeddingDim: DIM,
  userFeatureDim: FEATURES,
  itemFeatureDim: FEATURES,
  userTower: { units: [64, DIM], l2Normalize: true },
  itemTower: { units: [64, DIM], l2Normalize: true },
  temperature: 0.05,
  lookup,
  seed: 7,
});

/** Full training runs: per-epoch seconds, and recall@100 on held-out interactions. */
async function benchTwoTower(kind: LookupKind, repeats: number) {
  const epochSeconds: number[][] = [];
  let recall = 0;
  let params = 0;
  for (let r = 0; r < repeats; r++) {
    const model = createTwoTower(config(kind));
    params = model.params.count();
    const result = await fit(model, train, {
      epochs: EPOCHS,
      batchSize: BATCH,
      learningRate: 0.005,
    });
    epochSeconds.push(result.history.map((h) => h.seconds));
    const users = predictArrays(model, { userId: test.userId!, userFeatures: test.userFeatures! });
    const items = predictArrays(model, {
      itemId: range(ITEMS),
      itemFeatures: { data: world.itemFeatures, width: FEATURES },
    });
    recall = recallAtK(
      users.user_embedding!.data,
      items.item_embedding!.data,
      DIM,
      test.itemId as Int32Array,
      100,
    );
    disposeModel(model);
    console.log(
      `  ${kind} run ${r + 1}/${repeats}: epochs ${epochSeconds[r]!.map((s) => s.toFixed(2)).join(', ')} s`,
    );
  }
  // Warm epochs only (epoch 1 pays kernel set-up) unless there is nothing else.
  const warm = epochSeconds.flatMap((run) => (run.length > 1 ? run.slice(1) : run));
  const s = stats(warm);
  return {
    kind,
    params,
    epochSeconds,
    secondsPerEpoch: { median: round(s.median), min: round(s.min), max: round(s.max), n: s.n },
    examplesPerSec: {
      median: Math.round(INTERACTIONS / s.median),
      min: Math.round(INTERACTIONS / s.max),
      max: Math.round(INTERACTIONS / s.min),
    },
    recallAt100: round(recall, 4),
  };
}

/** The lookup alone: forward, backward into a [5000, 32] table and an Adam step, per batch. */
function benchLookup(kind: LookupKind, steps = 40) {
  const table = tf.variable(
    tf.randomUniform([ITEMS, DIM], -0.05, 0.05, 'float32', 1),
  ) as tf.Variable<tf.Rank.R2>;
  const ids = tf.tensor1d(
    Int32Array.from({ length: BATCH }, (_, i) => (i * 7919) % ITEMS),
    'int32',
  );
  const target = tf.randomNormal([BATCH, DIM], 0, 1, 'float32', 2);
  const opt = tf.train.adam(0.01);
  const step = () =>
    tf.tidy(() => {
      opt.minimize(
        () => tf.mean(tf.square(tf.sub(embeddingLookup(table, ids, kind), target))),
        false,
        [table],
      );
    });
  for (let i = 0; i < 3; i++) step();
  const times: number[] = [];
  for (let i = 0; i < steps; i++) {
    const t0 = performance.now();
    step();
    table.dataSync();
    times.push(performance.now() - t0);
  }
  opt.dispose();
  tf.dispose([table, ids, target]);
  const s = stats(times);
  return {
    kind,
    msPerStep: { median: round(s.median), min: round(s.min), max: round(s.max), n: s.n },
  };
}

console.log(
  `Backend ${tf.getBackend()}; batch ${BATCH}; ${os.cpus().length} cores; load ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`,
);
console.log('Lookup micro-benchmark (forward + backward + Adam on a 5000×32 table):');
const lookup = KINDS.map((k) => benchLookup(k, k === 'scatter' ? 100 : 20));
for (const l of lookup)
  console.log(
    `  ${l.kind.padEnd(12)} ${l.msPerStep.median} ms/step (${l.msPerStep.min}–${l.msPerStep.max})`,
  );

console.log(`Two-tower, ${INTERACTIONS} interactions, ${EPOCHS} epochs per run:`);
const twoTower = [];
for (const kind of KINDS)
  twoTower.push(
    await benchTwoTower(kind, kind === 'scatter' ? REPEATS : Number(args['slow-repeats'])),
  );
const loadAfter = os.loadavg();

console.log(
  '\nkind          s/epoch (median, range)    examples/s (median, range)   recall@100  n',
);
for (const r of twoTower) {
  const e = r.secondsPerEpoch;
  const x = r.examplesPerSec;
  console.log(
    `${r.kind.padEnd(12)}  ${`${e.median} (${e.min}–${e.max})`.padEnd(25)}  ${`${x.median} (${x.min}–${x.max})`.padEnd(27)}  ${String(r.recallAt100).padEnd(10)}  ${e.n}`,
  );
}
console.log(
  `random recall@100 = ${100 / ITEMS}; load average after: ${loadAfter.map((l) => l.toFixed(2)).join(' ')}`,
);

const out = path.resolve(args.out!);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(
  out,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        node: process.version,
        loadBefore,
        loadAfter,
      },
      backend,
      tfjs: tf.version.tfjs,
      setup: {
        users: USERS,
        items: ITEMS,
        interactions: INTERACTIONS,
        embeddingDim: DIM,
        featureDim: FEATURES,
        towers: '[id emb 32 ‖ 8 features] → 64 → 32, L2-normalised',
        batchSize: BATCH,
        epochsPerRun: EPOCHS,
        loss: 'in-batch softmax, logQ correction, temperature 0.05, Adam lr 0.005',
        note: 'secondsPerEpoch excludes the first (warm-up) epoch of each run',
      },
      lookup,
      twoTower,
    },
    null,
    2,
  ) + '\n',
);
console.log(`Wrote ${path.relative(process.cwd(), out)}`);
