/// <reference lib="webworker" />
/**
 * The ad page's worker: generates the ad world for a seed, loads the three shipped rankers
 * (DCN-V2, MLP, LR) into onnxruntime-web through lib/runtime's engine, and answers requests:
 * one ad request through case-studies/ad-click/pipeline.ts, held-out metrics of every ranker,
 * steps of a simulated A/B test and the page benchmark. A ranker version activated in the model
 * registry ('ad-click-ranker', part 'ranker') replaces the shipped model of its kind after
 * 'reload-models'.
 */
import { AD_CLICK_CASE } from '@/case-studies/ad-click/case';
import {
  AD_MODELS_BASE,
  AD_RANKER_MODEL,
  AD_RANKER_PART,
  rankerServingConfig,
} from '@/case-studies/ad-click/serving';
import { adCalibrationFromJson, type AdCalibration } from '@/case-studies/ad-click/calibration';
import {
  createFeaturePipeline,
  historyAsOf,
  requestPipeline,
  type AdRequestContext,
  type FeatureGroup,
  type FeaturePipeline,
  type ModelKind,
} from '@/case-studies/ad-click/features';
import {
  RANKERS,
  RANKER_LABELS,
  abServe,
  calibrationFor,
  fitHeldOutPlatt,
  modelMetrics,
  randomRequest,
  sampleRows,
  trueRequestProbabilities,
  type CalibrationMode,
  type LiveControls,
} from '@/case-studies/ad-click/live';
import {
  createAdServing,
  onnxFeeds,
  serveAdRequest,
  targetedAds,
  type AdRanker,
  type AdServing,
  type RankerInput,
} from '@/case-studies/ad-click/pipeline';
import {
  AGE_BUCKETS,
  CATEGORIES,
  COUNTRIES,
  FORMATS,
  GENDERS,
  generateWorld,
  rowsOfDays,
  type AdWorld,
} from '@/case-studies/ad-click/world';
import { createAbTest, type AbTest, type Arm } from '@/lib/abtest';
import type { Calibrator } from '@/lib/calibration';
import type { JsonValue } from '@/lib/registry/types';
import { createRng, type Rng } from '@/lib/random';
import { createRegistry, type ModelRegistry } from '@/lib/registry';
import { createEngine } from '@/lib/runtime/engine';
import type { Feeds, InitResult, RunResult } from '@/lib/runtime/protocol';
import { browserEngineHost } from '@/components/ml/browser-host';
import { idbBlobStore } from '@/components/storage/idb-blob-store';
import type {
  AbSetup,
  AdBenchResult,
  AdMetricsResult,
  AdReadyInfo,
  AdServeResult,
  AdWorkerMessage,
  AdWorkerRequest,
  RankerInfo,
} from './ad-protocol';

declare const self: DedicatedWorkerGlobalScope;

/** Rows of each held-out day the metrics use (a seeded sample): seconds, not tens of seconds. */
const HELD_OUT_ROWS = 60_000;
const SCORE_CHUNK = 8192;

const engine = createEngine(browserEngineHost);
const post = (m: AdWorkerMessage) => self.postMessage(m);

interface LoadedRanker {
  info: RankerInfo;
  session: string;
  inputs: string[];
  output: string;
  groups: FeatureGroup[];
  calibration: AdCalibration;
}

interface ShippedModelMeta {
  groups: FeatureGroup[];
  onnxOutput: string;
  files: { onnx: string; calibration: string };
}

let init: InitResult | null = null;
let shippedMeta: Record<ModelKind, ShippedModelMeta> | null = null;
let registry: ModelRegistry | null = null;
let world: AdWorld | null = null;
let pipeline: FeaturePipeline | null = null;
let info: AdReadyInfo | null = null;
const servings = new Map<number, AdServing>();
const rankers = new Map<ModelKind, LoadedRanker>();
let heldOut: {
  calRows: Int32Array;
  calLabels: Uint8Array;
  testRows: Int32Array;
  testLabels: Uint8Array;
  dayRows: number;
} | null = null;
/** Raw scores of each ranker on the held-out rows, and its Platt fit (per loaded version). */
const raw = new Map<ModelKind, { cal: Float32Array; test: Float32Array }>();
const platt = new Map<ModelKind, Calibrator>();
type Outcome = Record<Arm, { pClick: number; pricePerClick: number }>;
/** The running A/B test; `pending` holds the current step's outcomes, handed over in order. */
let ab: {
  setup: AbSetup;
  test: AbTest;
  requests: Rng;
  pending: Outcome[];
  next: number;
} | null = null;

// ---------------------------------------------------------------------------------------------
// Models

async function run(sessionId: string, feeds: Feeds) {
  return ((await engine.handle({ id: 0, type: 'run', sessionId, feeds })) as RunResult).outputs;
}

async function fetchOk(path: string): Promise<Response> {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`Could not fetch ${path} (HTTP ${res.status}).`);
  return res;
}

function parseShippedMeta(json: unknown): Record<ModelKind, ShippedModelMeta> {
  const models = (json as { models?: Record<string, Partial<ShippedModelMeta>> } | null)?.models;
  const out = {} as Record<ModelKind, ShippedModelMeta>;
  for (const kind of RANKERS) {
    const m = models?.[kind];
    if (!m?.groups || !m.onnxOutput || !m.files?.onnx || !m.files.calibration) {
      throw new Error(
        `metrics.json has no usable entry for ${kind}: retrain with npm run train:ad-click`,
      );
    }
    out[kind] = m as ShippedModelMeta;
  }
  return out;
}

async function loadSession(
  kind: ModelKind,
  bytes: Uint8Array,
  serving: { groups: FeatureGroup[]; onnxOutput: string; calibration: AdCalibration },
  version: string,
) {
  const session = `ad-${kind}`;
  const loaded = (await engine.handle({
    id: 0,
    type: 'load',
    sessionId: session,
    model: bytes,
  })) as {
    inputNames: string[];
  };
  rankers.set(kind, {
    info: {
      kind,
      label: RANKER_LABELS[kind],
      version,
      negativeRate: serving.calibration.negativeRate,
    },
    session,
    inputs: loaded.inputNames,
    output: serving.onnxOutput,
    groups: serving.groups,
    calibration: serving.calibration,
  });
  raw.delete(kind);
  platt.delete(kind);
}

async function loadShippedRankers(id: number) {
  const meta = shippedMeta!;
  let done = 0;
  await Promise.all(
    RANKERS.map(async (kind) => {
      const m = meta[kind];
      const [bytes, cal] = await Promise.all([
        fetchOk(`${AD_MODELS_BASE}${m.files.onnx}`).then(
          async (r) => new Uint8Array(await r.arrayBuffer()),
        ),
        fetchOk(`${AD_MODELS_BASE}${m.files.calibration}`).then(
          (r) => r.json() as Promise<unknown>,
        ),
      ]);
      await loadSession(kind, bytes, { ...m, calibration: adCalibrationFromJson(cal) }, 'shipped');
      post({
        type: 'progress',
        id,
        label: `Loaded ${RANKER_LABELS[kind]}`,
        fraction: 0.3 + 0.2 * (++done / RANKERS.length),
      });
    }),
  );
}

/** What serving needs from a registry version's config (checked by rankerServingConfig). */
function servingConfig(config: JsonValue) {
  const c = rankerServingConfig(config);
  return { ...c, calibration: adCalibrationFromJson(c.calibration) };
}

/**
 * The registry's active ranker, when it is a version trained in this browser: it replaces the
 * shipped model of its kind. The shipped version (or none) leaves the shipped models serving.
 */
async function loadActiveRanker(): Promise<string | null> {
  registry ??= createRegistry(idbBlobStore());
  await registry.reload();
  const active = await registry.active(AD_RANKER_MODEL);
  if (!active || active.source !== 'browser') return null;
  let serving: ReturnType<typeof servingConfig>;
  try {
    serving = servingConfig(active.config);
  } catch (e) {
    throw new Error(`Ranker ${active.id}: ${(e as Error).message}`);
  }
  const bytes = await registry.loadOnnx(active.id, AD_RANKER_PART);
  if (!bytes.ok) throw new Error(`Ranker ${active.id}: ${bytes.message}`);
  await loadSession(serving.kind, bytes.value, serving, active.id);
  return active.id;
}

function ranker(kind: ModelKind): LoadedRanker {
  const r = rankers.get(kind);
  if (!r) throw new Error('The rankers are still loading.');
  return r;
}

async function score(r: LoadedRanker, input: RankerInput): Promise<Float32Array> {
  const all = onnxFeeds(input);
  const feeds: Feeds = {};
  for (const name of r.inputs) {
    const f = all[name];
    if (!f)
      throw new Error(`${r.info.label} needs the input "${name}", which serving did not build`);
    feeds[name] = f;
  }
  const y = (await run(r.session, feeds))[r.output];
  if (!y) throw new Error(`${r.info.label}'s ONNX graph has no output "${r.output}"`);
  return y.data as Float32Array;
}

/** Raw scores of log rows, in chunks so no table grows past a few MB. */
async function scoreRows(r: LoadedRanker, rows: Int32Array, onChunk?: (f: number) => void) {
  const out = new Float32Array(rows.length);
  for (let a = 0; a < rows.length; a += SCORE_CHUNK) {
    const part = rows.subarray(a, Math.min(rows.length, a + SCORE_CHUNK));
    const kind = r.info.kind;
    const input: RankerInput =
      kind === 'dcn'
        ? { kind, data: pipeline!.dcn(part, { groups: r.groups }) }
        : { kind, data: pipeline![kind](part, { groups: r.groups }) };
    out.set(await score(r, input), a);
    onChunk?.((a + part.length) / rows.length);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Held-out day, Platt, calibration modes

function ensureHeldOut() {
  if (heldOut) return heldOut;
  const w = world!;
  const rng = createRng(w.options.seed ^ 0x5eed);
  const test = rowsOfDays(w, [info!.testDay]);
  const calRows = sampleRows(rowsOfDays(w, [info!.calibrationDay]), HELD_OUT_ROWS, rng);
  const testRows = sampleRows(test, HELD_OUT_ROWS, rng);
  const labels = (rows: Int32Array) => Uint8Array.from(rows, (i) => w.impressions.click[i]!);
  heldOut = {
    calRows,
    calLabels: labels(calRows),
    testRows,
    testLabels: labels(testRows),
    dayRows: test.length,
  };
  return heldOut;
}

async function rawScores(kind: ModelKind, id: number, base: number, share: number) {
  const cached = raw.get(kind);
  if (cached) return cached;
  const h = ensureHeldOut();
  const r = ranker(kind);
  const label = `Scoring the held-out days with ${r.info.label}`;
  const progress = (f: number) => post({ type: 'progress', id, label, fraction: base + share * f });
  const cal = await scoreRows(r, h.calRows, (f) => progress(f / 2));
  const test = await scoreRows(r, h.testRows, (f) => progress(0.5 + f / 2));
  const s = { cal, test };
  raw.set(kind, s);
  return s;
}

async function calibrationOf(kind: ModelKind, mode: CalibrationMode, id: number) {
  const r = ranker(kind);
  if (mode !== 'platt') return calibrationFor(mode, r.calibration, null);
  let p = platt.get(kind);
  if (!p) {
    const s = await rawScores(kind, id, 0, 1);
    p = fitHeldOutPlatt(s.cal, heldOut!.calLabels, r.calibration.negativeRate);
    platt.set(kind, p);
  }
  return calibrationFor('platt', r.calibration, p);
}

async function servingRanker(
  kind: ModelKind,
  mode: CalibrationMode,
  id: number,
): Promise<AdRanker> {
  const r = ranker(kind);
  return {
    kind,
    groups: r.groups,
    score: (input) => score(r, input),
    calibration: await calibrationOf(kind, mode, id),
  };
}

// ---------------------------------------------------------------------------------------------
// Requests

function servingFor(day: number): AdServing {
  const w = world!;
  let s = servings.get(day);
  if (!s) {
    s = createAdServing(w, historyAsOf(w, day), day);
    servings.set(day, s);
  }
  return s;
}

async function load(req: AdWorkerRequest & { type: 'load' }): Promise<AdReadyInfo> {
  const times: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    times[name] = now - t;
    t = now;
  };
  world = null;
  info = null;
  heldOut = null;
  ab = null;
  servings.clear();
  raw.clear();
  platt.clear();
  // The runtime and the models download and compile off this thread while the world is made.
  const runtime = (async () => {
    if (!init) {
      post({ type: 'progress', id: req.id, label: 'Starting onnxruntime-web', fraction: 0.02 });
      init = (await engine.handle({ id: 0, type: 'init', provider: req.provider })) as InitResult;
    }
    if (!shippedMeta) {
      shippedMeta = parseShippedMeta(await (await fetchOk(`${AD_MODELS_BASE}metrics.json`)).json());
      await loadShippedRankers(req.id);
    }
  })();
  post({ type: 'progress', id: req.id, label: 'Generating the ad world', fraction: 0.05 });
  const w = generateWorld({ seed: req.seed });
  lap('world');
  post({ type: 'progress', id: req.id, label: 'Computing the history features', fraction: 0.25 });
  pipeline = createFeaturePipeline(w);
  lap('features');
  await runtime;
  lap('models');
  const testDay = w.options.days - 1;
  world = w;
  info = {
    provider: init!.provider,
    providerReason: init!.reason,
    seed: req.seed,
    users: w.users.count,
    ads: w.ads.count,
    days: w.options.days,
    testDay,
    calibrationDay: testDay - 1,
    rankers: [],
    latencyBudgetMs: AD_CLICK_CASE.latencyBudgetMs.endToEnd,
    loadMs: times,
  };
  try {
    await reloadActive();
  } catch (e) {
    // A broken saved version must not keep the page from starting: serve the shipped models.
    info.registryNote = `${(e as Error).message} Serving the shipped rankers.`;
  }
  post({ type: 'progress', id: req.id, label: 'Fitting Platt on the held-out day', fraction: 0.6 });
  // The default view serves DCN-V2 with Platt: fit it now, behind the progress bar.
  await calibrationOf('dcn', 'platt', req.id);
  lap('platt');
  servingFor(testDay);
  lap('serving');
  info.loadMs = times;
  return info;
}

async function reloadActive(): Promise<AdReadyInfo> {
  if (!info) throw new Error('Nothing is loaded yet.');
  let active: string | null = null;
  info.registryNote = undefined;
  try {
    active = await loadActiveRanker();
  } catch (e) {
    // The models that were serving keep serving; the page says why the new one is not.
    info.rankers = RANKERS.map((k) => ranker(k).info);
    throw e;
  }
  // A browser version was deactivated: put the shipped model of its kind back.
  for (const kind of RANKERS) {
    const r = ranker(kind);
    if (r.info.version !== 'shipped' && r.info.version !== active) {
      const m = shippedMeta![kind];
      const [bytes, cal] = await Promise.all([
        fetchOk(`${AD_MODELS_BASE}${m.files.onnx}`).then(
          async (x) => new Uint8Array(await x.arrayBuffer()),
        ),
        fetchOk(`${AD_MODELS_BASE}${m.files.calibration}`).then(
          (x) => x.json() as Promise<unknown>,
        ),
      ]);
      await loadSession(kind, bytes, { ...m, calibration: adCalibrationFromJson(cal) }, 'shipped');
    }
  }
  ab = null;
  info.rankers = RANKERS.map((k) => ranker(k).info);
  return info;
}

function adDisplay(ads: number[]) {
  const w = world!;
  const out: AdServeResult['ads'] = {};
  for (const a of ads) {
    out[a] = {
      category: CATEGORIES[w.ads.category[a]!] ?? '?',
      format: FORMATS[w.ads.format[a]!] ?? '?',
      advertiser: w.ads.advertiser[a]!,
    };
  }
  return out;
}

function checkRequest(request: AdRequestContext) {
  const w = world;
  if (!w || !info) throw new Error('The ad system is still loading.');
  if (!Number.isInteger(request.user) || request.user < 0 || request.user >= w.users.count) {
    throw new RangeError(`There is no user ${request.user} (this world has ${w.users.count}).`);
  }
  if (request.day < 1 || request.day > info.testDay) {
    throw new RangeError(`Day ${request.day} has no history before it; pick 1–${info.testDay}.`);
  }
  return w;
}

async function serve(
  id: number,
  request: AdRequestContext,
  controls: LiveControls,
): Promise<AdServeResult> {
  const w = checkRequest(request);
  const rk = await servingRanker(controls.ranker, controls.calibration, id);
  const result = await serveAdRequest(servingFor(request.day), request, rk, {
    retrieve: controls.candidates,
    auction: { slots: controls.slots, reserve: controls.reserve, rule: controls.pricing },
  });
  const u = request.user;
  const interests: string[] = [];
  CATEGORIES.forEach((c, k) => (w.users.interests[u]! >> k) & 1 && interests.push(c));
  return {
    ...result,
    ranker: ranker(controls.ranker).info,
    calibration: controls.calibration,
    ads: adDisplay(result.candidates.map((c) => c.ad)),
    user: {
      age: AGE_BUCKETS[w.users.age[u]!] ?? '?',
      gender: GENDERS[w.users.gender[u]!] ?? '?',
      country: COUNTRIES[w.users.country[u]!] ?? '?',
      interests,
    },
  };
}

async function metrics(id: number, mode: CalibrationMode): Promise<AdMetricsResult> {
  const t0 = performance.now();
  const h = ensureHeldOut();
  const w = world!;
  const models: AdMetricsResult['models'] = {};
  for (const [k, kind] of RANKERS.entries()) {
    const s = await rawScores(kind, id, k / RANKERS.length, 1 / RANKERS.length);
    const cal = await calibrationOf(kind, mode, id);
    models[kind] = modelMetrics(h.testLabels, cal.applyAll(s.test));
  }
  const truth = Float32Array.from(h.testRows, (i) => w.impressions.pClick[i]!);
  return {
    day: info!.testDay,
    rows: h.testRows.length,
    dayRows: h.dayRows,
    calibrationRows: h.calRows.length,
    calibration: mode,
    bayes: modelMetrics(h.testLabels, truth),
    models,
    ms: performance.now() - t0,
  };
}

// ---------------------------------------------------------------------------------------------
// A/B test

async function abCreate(id: number, setup: AbSetup) {
  if (!world) throw new Error('The ad system is still loading.');
  // Fit what the arms need before the test starts, so every step costs the same.
  for (const arm of [setup.A, setup.B]) await calibrationOf(arm.ranker, arm.calibration, id);
  const test = createAbTest({
    seed: setup.seed,
    serve: (arm) => {
      const o = ab?.pending[ab.next++];
      if (!o) throw new Error('A/B test: more requests than outcomes');
      return o[arm];
    },
  });
  ab = { setup, test, requests: createRng(setup.seed ^ 0x0ab0ab), pending: [], next: 0 };
  return test.snapshot();
}

/**
 * Serves `n` more requests of the test. Each request is drawn from the population and served by
 * both arms (same targeting and retrieval, each arm's ranker and calibration, a one-slot auction);
 * the test's own seeded coin decides which arm's outcome the user sees.
 */
async function abStep(id: number, n: number) {
  if (!ab) throw new Error('No A/B test is set up (or the models changed): start it again.');
  if (!Number.isInteger(n) || n < 1 || n > 5000) throw new RangeError('A/B step: 1–5000 requests');
  const { setup, requests } = ab;
  const w = world!;
  const day = info!.testDay;
  const serving = servingFor(day);
  const arms = {
    A: await servingRanker(setup.A.ranker, setup.A.calibration, id),
    B: await servingRanker(setup.B.ranker, setup.B.calibration, id),
  };
  const outcomes: Outcome[] = [];
  for (let k = 0; k < n; k++) {
    const request = randomRequest(w.users.count, requests, day);
    const served = {} as Outcome;
    for (const arm of ['A', 'B'] as const) {
      const r = await serveAdRequest(serving, request, arms[arm], {
        retrieve: setup.candidates,
        auction: { slots: 0 },
      });
      const ads = Int32Array.from(r.candidates, (c) => c.ad);
      served[arm] = abServe(
        {
          ads,
          pCtr: Float32Array.from(r.candidates, (c) => c.pCalibrated),
          pTrue: trueRequestProbabilities(w, request, ads, 1),
          bids: Float32Array.from(r.candidates, (c) => c.bid),
          advertisers: Int32Array.from(ads, (a) => w.ads.advertiser[a]!),
        },
        { reserve: setup.reserve, rule: setup.rule },
      );
    }
    outcomes.push(served);
  }
  ab.pending = outcomes;
  ab.next = 0;
  return ab.test.run(n);
}

// ---------------------------------------------------------------------------------------------
// Benchmark (?bench=1)

async function bench(
  id: number,
  request: AdRequestContext,
  runs: number,
  n: number,
): Promise<AdBenchResult> {
  const w = checkRequest(request);
  const serving = servingFor(request.day);
  const targeted = targetedAds(serving, request.user);
  if (targeted.length === 0) throw new Error(`User ${request.user} is targeted by no ad.`);
  // More candidates than this user's targeting allows: repeat targeted ads (same arithmetic).
  const ads = Int32Array.from({ length: n }, (_, i) => targeted[i % targeted.length]!);
  const out: AdBenchResult = {
    candidates: n,
    features: [],
    rank: { dcn: [], mlp: [], lr: [] },
    request: [],
    requestCandidates: 0,
    provider: info!.provider,
  };
  const cals = {} as Record<ModelKind, AdCalibration>;
  for (const kind of RANKERS) cals[kind] = await calibrationOf(kind, 'platt', id);
  for (let i = 0; i < runs; i++) {
    for (const kind of RANKERS) {
      const r = ranker(kind);
      let t = performance.now();
      const { pipeline: p, rows } = requestPipeline(w, serving.store, request, ads, 1);
      const input: RankerInput =
        kind === 'dcn'
          ? { kind, data: p.dcn(rows, { groups: r.groups }) }
          : { kind, data: p[kind](rows, { groups: r.groups }) };
      if (kind === 'dcn') out.features.push(performance.now() - t);
      t = performance.now();
      cals[kind].applyAll(await score(r, input));
      out.rank[kind].push(performance.now() - t);
    }
    const rk = await servingRanker('dcn', 'platt', id);
    const res = await serveAdRequest(serving, request, rk, { retrieve: n });
    out.request.push(res.totalMs);
    out.requestCandidates = res.candidates.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

async function handle(req: AdWorkerRequest) {
  switch (req.type) {
    case 'load':
      return load(req);
    case 'reload-models':
      return reloadActive();
    case 'serve':
      return serve(req.id, req.request, req.controls);
    case 'metrics':
      return metrics(req.id, req.calibration);
    case 'ab-create':
      return abCreate(req.id, req.setup);
    case 'ab-step':
      return abStep(req.id, req.requests);
    case 'bench':
      return bench(req.id, req.request, req.runs, req.candidates);
  }
}

// One request at a time, so a request's latency is never mixed with another's work.
let queue: Promise<unknown> = Promise.resolve();

self.onmessage = (event: MessageEvent<AdWorkerRequest>) => {
  const req = event.data;
  queue = queue.then(async () => {
    try {
      post({ type: 'done', id: req.id, result: await handle(req) });
    } catch (error) {
      post({ type: 'error', id: req.id, message: (error as Error).message || String(error) });
    }
  });
};
