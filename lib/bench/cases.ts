import * as tf from '@tensorflow/tfjs';
import type * as OrtTypes from 'onnxruntime-web';
import { range, takeRows } from '../ml/data';
import { createDcn } from '../ml/dcn';
import { disposeModel, extractWeights } from '../ml/model';
import { predictArrays } from '../ml/predict';
import { syntheticWorld } from '../ml/synthetic';
import { fit } from '../ml/train';
import { createTwoTower, withItemLogQ } from '../ml/two-tower';
import { exportDcnRanker } from '../onnx/export-dcn';
import { exportTopKSearch } from '../onnx/export-topk';
import { exportUserTower } from '../onnx/export-two-tower';
import { createRng } from '../random';
import type { Ort } from '../runtime/engine';
import { ExactIndex } from '../search/exact';
import { IvfIndex } from '../search/ivf';
import { recallAtK } from '../search/recall';
import { clusteredEmbeddings, gaussianEmbeddings, userQueries } from '../search/synthetic';
import {
  BENCH_DCN,
  BENCH_TWO_TOWER,
  dcnInputs,
  dcnLabels,
  randomIds,
  randomNormals,
} from './fixtures';
import { summarize, timeRuns, type BenchRow } from './stats';

export interface BenchEnv {
  env: string;
  ort: Ort;
  now(): number;
  progress(label: string, fraction: number): void;
  /** Fewer repetitions, for smoke tests of the harness itself. */
  quick?: boolean;
}

type Case = (e: BenchEnv) => Promise<BenchRow[]>;

const session = (e: BenchEnv, bytes: Uint8Array) =>
  e.ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
const runs = (e: BenchEnv, n: number) => (e.quick ? Math.max(5, Math.round(n / 20)) : n);

/** Exact top-500 over 100k × 64: onnxruntime-web (MatMul + TopK) against our plain-TS scan. */
const exactSearch: Case = async (e) => {
  const n = 100_000;
  const dim = 64;
  const k = 500;
  e.progress('exact search: building 100k × 64 items', 0);
  const items = gaussianEmbeddings(n, dim, 1, true);
  const queries = gaussianEmbeddings(256, dim, 2, true);
  const s = await session(e, exportTopKSearch(items, n, dim, k));
  const q = (i: number) => queries.subarray((i % 256) * dim, ((i % 256) + 1) * dim);
  e.progress('exact search: onnxruntime-web', 0.3);
  const ortTimes = await timeRuns(
    (i) => s.run({ query: new e.ort.Tensor('float32', q(i), [1, dim]) }),
    runs(e, 200),
    e.now,
  );
  await s.release();
  e.progress('exact search: plain TypeScript', 0.7);
  const index = new ExactIndex(items, dim);
  const jsTimes = await timeRuns((i) => index.search(q(i), k), runs(e, 200), e.now);
  const ortRow = summarize(
    'exact top-500, 100k × 64 (ORT WASM)',
    e.env,
    ortTimes,
    'ms',
    undefined,
    8,
  );
  const jsRow = summarize('exact top-500, 100k × 64 (plain TS)', e.env, jsTimes, 'ms');
  ortRow.extra = { 'vs TS p95': `${(jsRow.p95 / ortRow.p95).toFixed(1)}×` };
  return [ortRow, jsRow];
};

/**
 * Approximate top-100 over 1M × 32 clustered embeddings (the shape trained item embeddings
 * have): IVF build time, query latency, and recall@100 against exact search.
 */
const ivfSearch: Case = async (e) => {
  const n = e.quick ? 100_000 : 1_000_000;
  const dim = 32;
  const k = 100;
  const nprobe = 32;
  e.progress(`IVF: generating ${n / 1000}k × ${dim} embeddings`, 0);
  const data = clusteredEmbeddings({ n, dim, seed: 3 });
  const queries = userQueries(data, { count: 200, seed: 4 });
  const q = (i: number) => queries.subarray((i % 200) * dim, ((i % 200) + 1) * dim);
  const t0 = e.now();
  const index = IvfIndex.build(data.items, dim, {
    seed: 5,
    nprobe,
    onProgress: (f, stage) => e.progress(`IVF: building the index (${stage})`, 0.1 + 0.5 * f),
  });
  const buildSeconds = (e.now() - t0) / 1000;
  e.progress('IVF: timing queries', 0.6);
  const times = await timeRuns((i) => index.search(q(i), k, { nprobe }), runs(e, 200), e.now);
  e.progress('IVF: recall against exact search', 0.8);
  const exact = new ExactIndex(data.items, dim);
  const recalls: number[] = [];
  for (let i = 0; i < (e.quick ? 10 : 50); i++)
    recalls.push(recallAtK(index.search(q(i), k, { nprobe }).ids, exact.search(q(i), k).ids, k));
  const recall = recalls.reduce((a, b) => a + b, 0) / recalls.length;
  return [
    summarize(
      `IVF build, ${n / 1000}k × ${dim} (${index.nlist} lists)`,
      e.env,
      [buildSeconds],
      's',
      undefined,
      5,
    ),
    summarize(
      `IVF top-100, ${n / 1000}k × ${dim}, nprobe ${nprobe}`,
      e.env,
      times,
      'ms',
      { 'recall@100': recall, queries: recalls.length },
      10,
    ),
  ];
};

/** The DCN-V2 ranker scoring 500 candidates: onnxruntime-web against the same model on TF.js. */
const ranker: Case = async (e) => {
  const model = createDcn(BENCH_DCN);
  e.progress('ranker: a few training steps', 0);
  await fit(model, dcnLabels(dcnInputs(BENCH_DCN, 1024, 1), 1024, 2), {
    epochs: 1,
    batchSize: 256,
    learningRate: 0.005,
  });
  const batches = Array.from({ length: 8 }, (_, i) => dcnInputs(BENCH_DCN, 500, 10 + i));
  const s = await session(e, exportDcnRanker(BENCH_DCN, extractWeights(model)));
  const feeds = batches.map((t) => {
    const out: Record<string, OrtTypes.Tensor> = {};
    for (const f of BENCH_DCN.fields)
      out[`${f.name}_id`] = new e.ort.Tensor('int32', t[f.name] as Int32Array, [500]);
    out.dense = new e.ort.Tensor('float32', (t.dense as { data: Float32Array }).data, [
      500,
      BENCH_DCN.denseDim,
    ]);
    return out;
  });
  e.progress('ranker: onnxruntime-web', 0.3);
  const ortTimes = await timeRuns((i) => s.run(feeds[i % 8]!), runs(e, 200), e.now);
  await s.release();
  e.progress('ranker: TF.js peer', 0.6);
  const tfTimes = await timeRuns((i) => predictArrays(model, batches[i % 8]!), runs(e, 100), e.now);
  const params = model.params.count();
  disposeModel(model);
  const ortRow = summarize('DCN-V2 ranker, 500 candidates (ORT WASM)', e.env, ortTimes, 'ms');
  const tfRow = summarize('DCN-V2 ranker, 500 candidates (TF.js WASM)', e.env, tfTimes, 'ms', {
    params,
  });
  ortRow.extra = { params, 'vs TF.js p50': `${(tfRow.p50 / ortRow.p50).toFixed(1)}×` };
  return [ortRow, tfRow];
};

/** The user tower for one request: onnxruntime-web against TF.js. */
const userTower: Case = async (e) => {
  const model = createTwoTower(BENCH_TWO_TOWER);
  const rng = createRng(5);
  const inputs = Array.from({ length: 16 }, () => ({
    userId: randomIds(rng, 1, 1000),
    userFeatures: { data: randomNormals(rng, 8), width: 8 },
  }));
  const s = await session(e, exportUserTower(BENCH_TWO_TOWER, extractWeights(model)));
  e.progress('user tower: onnxruntime-web', 0);
  const ortTimes = await timeRuns(
    (i) =>
      s.run({
        user_id: new e.ort.Tensor('int32', inputs[i % 16]!.userId, [1]),
        user_features: new e.ort.Tensor('float32', inputs[i % 16]!.userFeatures.data, [1, 8]),
      }),
    runs(e, 200),
    e.now,
    5,
    20,
  );
  await s.release();
  e.progress('user tower: TF.js peer', 0.5);
  const tfTimes = await timeRuns(
    (i) => predictArrays(model, inputs[i % 16]!),
    runs(e, 100),
    e.now,
    5,
    10,
  );
  disposeModel(model);
  const ortRow = summarize(
    'user tower, 1 request (ORT WASM; mean of 20 per sample)',
    e.env,
    ortTimes,
    'ms',
  );
  const tfRow = summarize(
    'user tower, 1 request (TF.js WASM; mean of 10 per sample)',
    e.env,
    tfTimes,
    'ms',
  );
  ortRow.extra = { 'vs TF.js p50': `${(tfRow.p50 / ortRow.p50).toFixed(1)}×` };
  return [ortRow, tfRow];
};

/** One epoch of two-tower training on 100k interactions (1k users, 5k items, d = 32). */
const trainTwoTower: Case = async (e) => {
  const interactions = e.quick ? 10_000 : 100_000;
  const world = syntheticWorld({
    numUsers: 1000,
    numItems: 5000,
    interactions,
    featureDim: 8,
    seed: 1,
  });
  const table = takeRows(withItemLogQ(world.table, 5000), range(interactions));
  const model = createTwoTower(BENCH_TWO_TOWER);
  const epochs = e.quick ? 1 : 3;
  const result = await fit(model, table, {
    epochs,
    batchSize: 512,
    learningRate: 0.005,
    yieldEvery: 10,
    onProgress: (p) =>
      e.progress(
        `two-tower training: epoch ${p.epoch}/${epochs}`,
        (p.epoch - 1 + p.batch / p.batches) / epochs,
      ),
  });
  disposeModel(model);
  tf.disposeVariables();
  // The first epoch includes kernel warm-up; report it apart.
  const seconds = result.history.map((h) => h.seconds);
  const warm = seconds.length > 1 ? seconds.slice(1) : seconds;
  return [
    summarize(
      `two-tower training, one epoch of ${interactions / 1000}k`,
      e.env,
      warm,
      's',
      {
        'first epoch s': seconds[0]!,
        'examples/s': Math.round(interactions / (warm.reduce((a, b) => a + b, 0) / warm.length)),
      },
      10,
    ),
  ];
};

export const BENCH_CASES = {
  'exact-search': exactSearch,
  'ivf-search': ivfSearch,
  ranker,
  'user-tower': userTower,
  'train-two-tower': trainTwoTower,
} satisfies Record<string, Case>;
export type BenchCaseId = keyof typeof BENCH_CASES;
export const BENCH_CASE_IDS = Object.keys(BENCH_CASES) as BenchCaseId[];

export async function runBench(ids: readonly BenchCaseId[], env: BenchEnv): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [i, id] of ids.entries()) {
    const sub: BenchEnv = {
      ...env,
      progress: (label, f) => env.progress(label, (i + Math.min(1, Math.max(0, f))) / ids.length),
    };
    rows.push(...(await BENCH_CASES[id](sub)));
  }
  env.progress('done', 1);
  return rows;
}
