/**
 * The modelling layer on a small world: training is deterministic under a seed, the two-tower
 * beats popularity, the DCN's click head ranks clicks well above chance, the four ONNX exports
 * match TF.js on real feature rows, and the evaluation functions give the hand-computed
 * values on hand-made cases.
 */
import * as ort from 'onnxruntime-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initTfNode } from '../../lib/ml/backend.node.js';
import type { DataTable } from '../../lib/ml/data';
import { extractWeights } from '../../lib/ml/model';
import type { WeightMap } from '../../lib/ml/weights';
import { exportDcnRanker } from '../../lib/onnx/export-dcn';
import { measureParity, TOLERANCE } from '../../lib/onnx/parity-harness';
import {
  availableVideos,
  candidateRankingUnits,
  clickMetrics,
  combinedScore,
  dcgPerUnit,
  embeddingRetriever,
  evaluateRanking,
  evaluateRetrieval,
  evaluationUnits,
  listStats,
  ndcgPerUnit,
  pairedDifference,
  popularityRetriever,
  positiveCounts,
  ratioOfMeans,
  topIndices,
  topKByDot,
  watchTimeError,
  type Ranker,
  type RankingUnit,
  type Retriever,
} from './evaluate';
import { buildRankerTable, createOnlineStore } from './features';
import {
  SMALL_VIDEO_MODELS_CONFIG,
  correctDownsampled,
  dcnRanker,
  disposeVideoModels,
  logRegFeatures,
  logRegRanker,
  trainTwoTower,
  trainVideoModels,
  twoTowerEmbedder,
  type TrainedVideoModels,
} from './models';
import { generateWorld, trueScore, watchHistory } from './world';

// 4k videos (more than the 3,201 films, so the catalogue is not all feature films) and 12
// days: 8 training days give the two-tower ~3k positives; ~800 test user-days.
const world = generateWorld({ seed: 3, users: 4000, videos: 4000, days: 12 });
const SEED = 7;
let models: TrainedVideoModels;
let again: TrainedVideoModels;

beforeAll(async () => {
  expect((await initTfNode()).backend).toBe('wasm');
  ort.env.wasm.numThreads = 1;
  models = await trainVideoModels(world, { seed: SEED, small: true });
}, 60_000);

afterAll(() => {
  if (models) disposeVideoModels(models);
  if (again) disposeVideoModels(again);
});

function weightsEqual(a: WeightMap, b: WeightMap): boolean {
  const names = Object.keys(a).sort();
  if (names.join() !== Object.keys(b).sort().join()) return false;
  return names.every((n) => {
    const x = a[n]!.data;
    const y = b[n]!.data;
    return x.length === y.length && x.every((v, i) => Object.is(v, y[i]));
  });
}

describe('trainVideoModels', () => {
  it('is deterministic for a seed (weights, ONNX bytes, popularity), and the seed matters', async () => {
    again = await trainVideoModels(world, { seed: SEED, small: true });
    for (const k of ['twoTower', 'dcn', 'logReg'] as const) {
      expect(weightsEqual(extractWeights(models[k].model), extractWeights(again[k].model)), k).toBe(
        true,
      );
      expect(models[k].fit.history.map((h) => h.valLoss)).toEqual(
        again[k].fit.history.map((h) => h.valLoss),
      );
    }
    for (const k of ['userTower', 'itemTower', 'dcn', 'logReg'] as const) {
      expect(Buffer.from(models.onnx[k]).equals(Buffer.from(again.onnx[k])), k).toBe(true);
    }
    expect(Array.from(models.popularity)).toEqual(Array.from(again.popularity));

    const other = await trainTwoTower(world, SMALL_VIDEO_MODELS_CONFIG.twoTower, {
      seed: SEED + 1,
    });
    expect(weightsEqual(extractWeights(models.twoTower.model), extractWeights(other.model))).toBe(
      false,
    );
    other.model.params.dispose();
  }, 60_000);

  it('two-tower beats popularity on recall@100 (paired CI above 0)', async () => {
    const units = evaluationUnits(world);
    expect(units.length).toBeGreaterThan(300);
    const [tt, pop] = await evaluateRetrieval(world, units, [
      embeddingRetriever(world, twoTowerEmbedder(models.twoTower)),
      popularityRetriever(world, (d) => positiveCounts(world, 0, d)),
    ]);
    const diff = pairedDifference(tt!.perUnit[100]!, pop!.perUnit[100]!);
    expect(diff.lower).toBeGreaterThan(0);
    expect(tt!.recall[100]!.estimate).toBeGreaterThan(pop!.recall[100]!.estimate + 0.05);
    // Recall is monotone in K.
    expect(tt!.recall[10]!.estimate).toBeLessThanOrEqual(tt!.recall[50]!.estimate);
    expect(tt!.recall[50]!.estimate).toBeLessThanOrEqual(tt!.recall[100]!.estimate);
  });

  it('ranks test clicks well above chance (DCN and LR AUC), with a useful watch head', () => {
    const test = buildRankerTable(world, { split: 'test' }).table;
    const labels = test.click as Float32Array;
    const dcn = dcnRanker(models.dcn).predict(test);
    const lr = logRegRanker(world, models.logReg).predict(test);
    if (dcn instanceof Promise || lr instanceof Promise) throw new Error('expected sync');
    expect(clickMetrics(labels, dcn.click).auc).toBeGreaterThan(0.75);
    expect(clickMetrics(labels, lr.click).auc).toBeGreaterThan(0.7);
    // Calibrated back from negative downsampling: mean prediction near the test CTR.
    const ctr = labels.reduce((s, x) => s + x, 0) / labels.length;
    const mean = dcn.click.reduce((s, x) => s + x, 0) / labels.length;
    expect(mean / ctr).toBeGreaterThan(0.6);
    expect(mean / ctr).toBeLessThan(1.6);
    const target = test.target as Float32Array;
    const yTrue: number[] = [];
    const yPred: number[] = [];
    labels.forEach((c, i) => {
      if (c) {
        yTrue.push(Math.log1p(target[i]!));
        yPred.push(dcn.watchLog1p![i]!);
      }
    });
    const w = watchTimeError(yTrue, yPred, models.dcn.watchBaseline, { resamples: 100 });
    expect(w.rmseImprovement).toBeGreaterThan(0.05);
  });

  it('ONNX exports match TF.js on real feature rows (≤ 1e-4)', async () => {
    const day = world.split.validationEnd;
    const store = createOnlineStore(world, day);
    const videos = availableVideos(world, day);
    const pick = (n: number, count: number) =>
      Int32Array.from({ length: n }, (_, i) => (i === 0 ? count - 1 : (i * 7919) % count));
    const userTable = (b: number): DataTable => {
      const t = store.twoTowerUserInput(0);
      const users = pick(b, world.users.count);
      const w = (t.userFeatures as { width: number }).width;
      const data = new Float32Array(b * w);
      users.forEach((u, r) => store.userFeatures(u, data, r * w));
      return { userId: users, userFeatures: { data, width: w } };
    };
    const itemTable = (b: number): DataTable =>
      store.twoTowerItemInput(pick(b, videos.length).map((i) => videos[i]!));
    const rankerTable = (b: number): DataTable =>
      store.rankerInput(
        world.users.count - 1,
        pick(b, videos.length).map((i) => videos[i]!),
        3,
      );
    const dcnInputs: Record<string, string> = { dense: 'dense' };
    for (const f of models.dcn.config.fields) dcnInputs[f.name] = `${f.name}_id`;
    const worst = {
      user: await measureParity(
        models.twoTower.model,
        models.onnx.userTower,
        userTable,
        { userId: 'user_id', userFeatures: 'user_features' },
        ['user_embedding'],
      ),
      item: await measureParity(
        models.twoTower.model,
        models.onnx.itemTower,
        itemTable,
        { itemId: 'item_id', itemFeatures: 'item_features' },
        ['item_embedding'],
      ),
      dcn: await measureParity(models.dcn.model, models.onnx.dcn, rankerTable, dcnInputs, [
        'click_prob',
        'regression',
      ]),
      logReg: await measureParity(
        models.logReg.model,
        models.onnx.logReg,
        (b) => ({ features: logRegFeatures(world, rankerTable(b)) }),
        { features: 'features' },
        ['probability'],
      ),
    };
    console.log('video-recs ONNX parity, max |TF.js − ORT|:', worst);
    for (const [model, outputs] of Object.entries(worst)) {
      for (const [name, d] of Object.entries(outputs)) {
        expect(d, `${model}:${name}`).toBeLessThanOrEqual(TOLERANCE);
      }
    }
    expect(Object.keys(worst.dcn).sort()).toEqual(['click_prob', 'regression']);

    // Negative control: one changed weight in the export is caught.
    const weights = extractWeights(models.dcn.model);
    const kernel = weights['deep/dense_0/kernel']!;
    kernel.data = kernel.data.slice();
    kernel.data[0]! += 0.5;
    const broken = await measureParity(
      models.dcn.model,
      exportDcnRanker(models.dcn.config, weights),
      rankerTable,
      dcnInputs,
      ['click_prob', 'regression'],
    );
    expect(Math.max(...Object.values(broken))).toBeGreaterThan(TOLERANCE);
  });
});

describe('evaluation functions on hand-made cases', () => {
  it('top-k selection: best first, ties by lower index, excluded rows never returned', () => {
    expect(Array.from(topIndices([0.5, 2, 2, -1, 3], 3))).toEqual([4, 1, 2]);
    expect(Array.from(topIndices([1, -Infinity, 0], 5))).toEqual([0, 2]);
    // 3 items in 2-d, two queries; item 2 excluded for the second query.
    const items = Float32Array.of(1, 0, 0, 1, 1, 1);
    const queries = Float32Array.of(1, 0, 0, 2);
    const top = topKByDot(queries, items, 2, 2, [undefined, [2]]);
    expect(top.map((t) => Array.from(t))).toEqual([
      [0, 2],
      [1, 0],
    ]);
  });

  it('NDCG@k and DCG@k of a scored candidate list', () => {
    const units: RankingUnit[] = [
      { user: 0, day: 0, candidates: Int32Array.of(10, 11, 12), gains: Float64Array.of(0, 3, 1) },
    ];
    // Scores put 10 first, then 11 and 12 tie (broken by id): order 10, 11, 12.
    const scores = [Float64Array.of(5, 1, 1)];
    const dcg = 3 / Math.log2(3) + 1 / 2;
    const idcg = 3 + 1 / Math.log2(3);
    expect(dcgPerUnit(units, scores, 20)[0]).toBeCloseTo(dcg, 12);
    expect(ndcgPerUnit(units, scores, 20)[0]).toBeCloseTo(dcg / idcg, 12);
    // k = 1: only the first item counts.
    expect(ndcgPerUnit(units, scores, 1)[0]).toBe(0);
    expect(ndcgPerUnit(units, [Float64Array.of(0, 9, 1)], 20)[0]).toBeCloseTo(1, 12);
  });

  it('combined score, downsampling correction, ratio of means, watch-time error', () => {
    expect(combinedScore(0.1, 300)).toBeCloseTo(30, 12);
    expect(combinedScore(0.1, 300, { click: 1, watch: 0 })).toBeCloseTo(0.1, 12);
    // p' learnt with negatives kept at rate 0.25: p = p' / (p' + (1 − p') / 0.25).
    expect(correctDownsampled(0.5, 0.25)).toBeCloseTo(0.2, 12);
    expect(correctDownsampled(0.3, 1)).toBe(0.3);
    const r = ratioOfMeans(Float64Array.of(1, 1, 1), Float64Array.of(2, 2, 2), { resamples: 50 });
    expect([r.estimate, r.lower, r.upper]).toEqual([0.5, 0.5, 0.5]);
    const perfect = watchTimeError([1, 2, 3], [1, 2, 3], 2, { resamples: 50 });
    expect(perfect.rmseImprovement).toBe(1);
    const constant = watchTimeError([1, 2, 3], [2, 2, 2], 2, { resamples: 50 });
    expect(constant.rmseImprovement).toBe(0);
    expect(constant.baselineRmse).toBeCloseTo(Math.sqrt(2 / 3), 12);
  });

  it('units: new watches of the test days, none already clicked before the day', () => {
    const units = evaluationUnits(world);
    const imp = world.impressions;
    let watched = 0;
    for (const u of units) {
      expect(u.day).toBeGreaterThanOrEqual(world.split.validationEnd);
      expect(u.relevant.size).toBeGreaterThan(0);
      const before = new Set(Array.from(watchHistory(world, u.user, u.day), (i) => imp.video[i]!));
      for (const v of u.relevant) {
        expect(before.has(v)).toBe(false);
        expect(u.shown.get(v)).toBeGreaterThanOrEqual(10);
      }
      watched += u.relevant.size;
    }
    const all = evaluationUnits(world, { newOnly: false });
    const allWatched = all.reduce((s, u) => s + u.relevant.size, 0);
    expect(allWatched).toBeGreaterThan(watched); // re-watches exist and were dropped
  });

  it('retrieval: a retriever that returns the answers scores 1, a wrong one 0; coverage', async () => {
    const units = evaluationUnits(world).slice(0, 200);
    const byKey = new Map(units.map((u) => [`${u.user}:${u.day}`, u]));
    const answers: Retriever = {
      name: 'answers',
      rankDay: (day, users, k, _store, exclude) =>
        Array.from(users, (user, i) => {
          const u = byKey.get(`${user}:${day}`)!;
          for (const v of exclude![i]!) expect(u.relevant.has(v)).toBe(false);
          return Int32Array.from([...u.relevant].slice(0, k));
        }),
    };
    const wrong: Retriever = {
      name: 'wrong',
      rankDay: (day, users) =>
        Array.from(users, (user) => {
          const u = byKey.get(`${user}:${day}`)!;
          const out: number[] = [];
          for (let v = 0; out.length < 100; v++) if (!u.relevant.has(v)) out.push(v);
          return Int32Array.from(out);
        }),
    };
    const [a, w] = await evaluateRetrieval(world, units, [answers, wrong], { resamples: 50 });
    expect(a!.recall[100]!.estimate).toBe(1);
    expect(w!.recall[100]!.estimate).toBe(0);
    const maxRelevant = Math.max(...units.map((u) => u.relevant.size));
    if (maxRelevant <= 10) expect(a!.recall[10]!.estimate).toBe(1);
    // Coverage: distinct listed videos over the catalogue on the last day.
    const stats = listStats(world, [Int32Array.of(1, 2, 3), Int32Array.of(3, 4)], 20);
    expect(stats.coverage).toBeCloseTo(4 / availableVideos(world, world.split.days - 1).length, 12);
    expect(stats.diversity).toBeGreaterThanOrEqual(0);
    expect(stats.diversity).toBeLessThanOrEqual(1);
  });

  it('ranking: scores are aligned with their rows across users, days and chunks', async () => {
    const units = evaluationUnits(world);
    const lists = units.map((u) =>
      Int32Array.from({ length: 60 }, (_, j) => (u.user * 31 + j * 17) % world.videos.count),
    );
    const cands = candidateRankingUnits(world, units, lists, 60); // > 8192 rows: several chunks
    expect(cands[0]!.gains[0]).toBe(trueScore(world, units[0]!.user, lists[0]![0]!, units[0]!.day));
    // A fake ranker whose P(click) is the trueScore itself: it must reach NDCG = 1 everywhere
    // (only if every score lands on its own row), and the inverse ranker must not.
    const oracleRanker: Ranker = {
      name: 'truth',
      predict: (t) => {
        const user = t.user as Int32Array;
        const video = t.video as Int32Array;
        // The unit's day is not in the table; recover it from the unit with this user.
        return {
          click: Float32Array.from(video, (v, i) =>
            trueScore(world, user[i]!, v, dayOf.get(user[i]!)!),
          ),
        };
      },
    };
    const dayOf = new Map<number, number>();
    const oneUnitPerUser = cands.filter((u) => {
      if (dayOf.has(u.user)) return false;
      dayOf.set(u.user, u.day);
      return true;
    });
    const inverse: Ranker = {
      name: 'inverse',
      predict: async (t) => ({
        click: (oracleRanker.predict(t) as { click: Float32Array }).click.map((x) => -x),
      }),
    };
    const [truth, inv] = await evaluateRanking(world, oneUnitPerUser, [oracleRanker, inverse], {
      resamples: 50,
    });
    expect(truth!.ndcg.estimate).toBeCloseTo(1, 5);
    expect(inv!.ndcg.estimate).toBeLessThan(0.5);
  });
});
