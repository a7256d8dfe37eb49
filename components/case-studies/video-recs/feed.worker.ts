/// <reference lib="webworker" />
/**
 * The video feed worker: generates the world for (seed, catalogue size), loads the shipped
 * models (the two-tower from the model registry's active version, so a retrained one is
 * served after 'reload-models'), embeds the catalogue with the item tower, builds the exact and
 * IVF indexes, and answers feed and metrics requests with the pipeline of
 * case-studies/video-recs/pipeline.ts. ONNX models run through lib/runtime's engine, the same
 * one the ML worker uses.
 */
import {
  MetricsCancelled,
  feedMetrics,
  heldOutUnits,
  serveFeed,
  type FeedContext,
  type FeedModels,
  type ModelVocab,
} from '@/case-studies/video-recs/pipeline';
import {
  TWO_TOWER_PARTS,
  MODELS_BASE,
  TWO_TOWER_MODEL,
  dcnFeeds,
  feedWorldOptions,
  parseVideoMetrics,
  shippedTwoTowerManifest,
  towerFeeds,
  type ShippedVideoMeta,
} from '@/case-studies/video-recs/serving';
import { createOnlineStore } from '@/case-studies/video-recs/features';
import type { EvalUnit } from '@/case-studies/video-recs/evaluate';
import {
  COUNTRIES,
  LANGUAGES,
  generateWorld,
  watchHistory,
  type World,
} from '@/case-studies/video-recs/world';
import { createRegistry, type ModelRegistry } from '@/lib/registry';
import { createEngine } from '@/lib/runtime/engine';
import type { InitResult, RunResult, Feeds } from '@/lib/runtime/protocol';
import { ExactIndex, IvfIndex } from '@/lib/search';
import { createRng } from '@/lib/random';
import { browserEngineHost } from '@/components/ml/browser-host';
import { idbBlobStore } from '@/components/storage/idb-blob-store';
import type {
  FeedMessage,
  FeedRequest,
  InferenceEngine,
  ReadyInfo,
  SuggestedUser,
} from './feed-protocol';

declare const self: DedicatedWorkerGlobalScope;

const engine = createEngine(browserEngineHost);
const HELD_OUT_USERS = 60;
const EMBED_BATCH = 4096;

let init: InitResult | null = null;
let metricsJson: unknown = null;
let meta: ShippedVideoMeta | null = null;
let registry: ModelRegistry | null = null;
let dcnInputs: string[] = [];
let world: World | null = null;
let ctx: FeedContext | null = null;
/** Held-out users, chosen on the first metrics request (the first feed does not wait). */
let units: EvalUnit[] | null = null;
let info: ReadyInfo | null = null;
let inference: InferenceEngine = 'onnx';
/** Raised by every metrics request: an older run sees a newer number and stops. */
let metricsGeneration = 0;

const post = (m: FeedMessage) => self.postMessage(m);

async function run(sessionId: string, feeds: Feeds) {
  return ((await engine.handle({ id: 0, type: 'run', sessionId, feeds })) as RunResult).outputs;
}

async function loadSession(sessionId: string, model: Uint8Array) {
  return (await engine.handle({ id: 0, type: 'load', sessionId, model })) as {
    inputNames: string[];
  };
}

async function fetchBytes(path: string): Promise<Uint8Array> {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`Could not fetch ${path} (HTTP ${res.status}).`);
  return new Uint8Array(await res.arrayBuffer());
}

function onnxModels(vocab: ModelVocab): FeedModels {
  return {
    userTower: async (ids, features) =>
      (await run('user-tower', towerFeeds('user', ids, features, vocab.users))).user_embedding!
        .data as Float32Array,
    dcn: async (table) => {
      const out = await run('dcn', dcnFeeds(table, dcnInputs));
      return {
        click: out.click_prob!.data as Float32Array,
        watchLog1p: out.regression!.data as Float32Array,
      };
    },
    logreg: async (features) =>
      (
        await run('logreg', {
          features: {
            type: 'float32',
            data: features.data,
            dims: [features.data.length / features.width, features.width],
          },
        })
      ).probability!.data as Float32Array,
  };
}

/** Loads the runtime, metadata and rankers once per worker. */
async function loadShared(id: number, provider: FeedRequest & { type: 'load' }) {
  const t0 = performance.now();
  if (!init) {
    post({ type: 'progress', id, label: 'Starting onnxruntime-web', fraction: 0.02 });
    init = (await engine.handle({
      id: 0,
      type: 'init',
      provider: provider.provider,
    })) as InitResult;
  }
  if (!meta) {
    const res = await fetch(`${MODELS_BASE}metrics.json`);
    if (!res.ok) throw new Error(`Could not fetch the models' metrics.json (HTTP ${res.status}).`);
    metricsJson = await res.json();
    meta = parseVideoMetrics(metricsJson);
    registry = createRegistry(idbBlobStore());
    registry.mergeShipped(shippedTwoTowerManifest(metricsJson));
    post({ type: 'progress', id, label: 'Loading the rankers', fraction: 0.05 });
    const [dcn, lr] = await Promise.all([
      fetchBytes(`${MODELS_BASE}dcn.onnx`),
      fetchBytes(`${MODELS_BASE}logreg.onnx`),
    ]);
    dcnInputs = (await loadSession('dcn', dcn)).inputNames;
    await loadSession('logreg', lr);
  }
  return performance.now() - t0;
}

function suggestedUsers(w: World, day: number): SuggestedUser[] {
  const rng = createRng(w.options.seed);
  const out: SuggestedUser[] = [];
  for (let tries = 0; tries < 2000 && out.length < 12; tries++) {
    const u = rng.int(w.users.count);
    const watches = watchHistory(w, u, day).length;
    if (watches >= 3 && !out.some((s) => s.id === u))
      out.push({
        id: u,
        watches,
        language: LANGUAGES[w.users.language[u]!] ?? '?',
        country: COUNTRIES[w.users.country[u]!] ?? '?',
      });
  }
  return out.sort((a, b) => a.id - b.id);
}

/**
 * Id vocabularies of a two-tower version: its config's numUsers / numItems when it has them (a
 * version retrained on this world knows its users and videos), else the shipped models'.
 */
function towerVocab(config: unknown, shipped: ModelVocab): ModelVocab {
  const c = (config ?? {}) as { numUsers?: unknown; numItems?: unknown };
  const ok = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x > 0;
  return {
    users: ok(c.numUsers) ? c.numUsers : shipped.users,
    videos: ok(c.numItems) ? c.numItems : shipped.videos,
    creators: shipped.creators,
  };
}

/** The active two-tower version: user tower session, catalogue embeddings, exact index. */
async function loadTowers(id: number, w: World) {
  const m = meta!;
  const times: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    times[name] = now - t;
    t = now;
  };
  const store = createOnlineStore(w, w.split.validationEnd);
  let models: FeedModels;
  let vocab = m.vocab;
  let embedRows: (ids: Int32Array, features: Float32Array) => Promise<Float32Array>;
  let version = { id: 'tfjs-peer', note: 'TF.js peer (seeded weights, benchmark only)' };
  if (inference === 'tfjs') {
    const { tfjsPeer } = await import('@/case-studies/video-recs/tfjs-peer');
    const { initTf } = await import('@/lib/ml/backend');
    await initTf({ wasmPaths: '/vendor/tfjs/' });
    const peer = tfjsPeer(metricsJson);
    models = peer.models;
    embedRows = (ids, f) => Promise.resolve(peer.itemEmbeddings(ids, f));
  } else {
    // Another part of the page may have registered and activated a retrained version.
    await registry!.reload();
    const active = await registry!.active(TWO_TOWER_MODEL);
    if (!active) throw new Error('No two-tower version is registered.');
    const load = async (part: string) => {
      const r = await registry!.loadOnnx(active.id, part);
      if (!r.ok) throw new Error(`${active.id} ${part}: ${r.message}`);
      return r.value;
    };
    post({ type: 'progress', id, label: `Loading ${active.id}`, fraction: 0.1 });
    await loadSession('user-tower', await load(TWO_TOWER_PARTS.user));
    await loadSession('item-tower', await load(TWO_TOWER_PARTS.item));
    version = { id: active.id, note: active.note ?? '' };
    vocab = towerVocab(active.config, m.vocab);
    models = onnxModels(vocab);
    const items = vocab.videos;
    embedRows = async (ids, f) =>
      (await run('item-tower', towerFeeds('item', ids, f, items))).item_embedding!
        .data as Float32Array;
  }
  lap('models');
  const n = w.videos.count;
  // The width comes from the model itself: a retrained tower may be narrower than the shipped one.
  let dim = 0;
  let embeddings = new Float32Array(0);
  for (let start = 0; start < n; start += EMBED_BATCH) {
    const ids = Int32Array.from({ length: Math.min(EMBED_BATCH, n - start) }, (_, i) => start + i);
    const rows = await embedRows(ids, store.videoFeatures(ids));
    if (start === 0) {
      dim = rows.length / ids.length;
      embeddings = new Float32Array(n * dim);
    }
    embeddings.set(rows, start * dim);
    post({
      type: 'progress',
      id,
      label: `Embedding ${n.toLocaleString('en')} videos with the item tower`,
      fraction: 0.15 + 0.55 * ((start + ids.length) / n),
    });
  }
  lap('embed');
  ctx = {
    world: w,
    store,
    embeddings,
    dim,
    exact: new ExactIndex(embeddings, dim),
    // Built on first use (ensureIvf): the first feed does not wait for it.
    ivf: null,
    models,
    vocab,
    negativeRate: m.negativeRate,
    now: () => performance.now(),
  };
  return { times, version };
}

async function load(req: FeedRequest & { type: 'load' }): Promise<ReadyInfo> {
  const times: Record<string, number> = {};
  inference = req.engine ?? 'onnx';
  ctx = null;
  units = null;
  // Start the runtime first: its .wasm and the rankers download and compile off this thread
  // while the world is generated here.
  let t = performance.now();
  const shared = loadShared(req.id, req);
  post({ type: 'progress', id: req.id, label: 'Generating the world', fraction: 0.08 });
  world = generateWorld(feedWorldOptions(req.seed, req.size));
  const day = world.split.validationEnd;
  times.world = performance.now() - t;
  await shared;
  times.runtime = performance.now() - t - times.world;
  const towers = await loadTowers(req.id, world);
  t = performance.now();
  info = {
    provider: inference === 'tfjs' ? 'tfjs-wasm' : init!.provider,
    providerReason: inference === 'tfjs' ? 'TF.js WASM backend (benchmark peer)' : init!.reason,
    engine: inference,
    modelVersion: towers.version.id,
    modelNote: towers.version.note,
    seed: req.seed,
    videos: world.videos.count,
    users: world.users.count,
    day,
    dim: ctx!.dim,
    nlist: ivfShape(world.videos.count).nlist,
    nprobe: ivfShape(world.videos.count).nprobe,
    heldOutUsers: HELD_OUT_USERS,
    suggested: suggestedUsers(world, day),
    loadMs: { ...times, ...towers.times },
  };
  return info;
}

async function reloadModels(id: number): Promise<ReadyInfo> {
  if (!world || !info) throw new Error('Nothing is loaded yet.');
  const towers = await loadTowers(id, world);
  info = {
    ...info,
    modelVersion: towers.version.id,
    modelNote: towers.version.note,
    dim: ctx!.dim,
    loadMs: { ...info.loadMs, ...towers.times },
  };
  return info;
}

/** IVF lists ≈ √n (lib/search's default), 32 of them probed. */
function ivfShape(n: number) {
  const nlist = Math.max(1, Math.round(Math.sqrt(n)));
  return { nlist, nprobe: Math.min(32, nlist) };
}

/** Builds the IVF index the first time a request asks for approximate search. */
function ensureIvf(id: number, c: FeedContext) {
  if (c.ivf) return;
  const { nlist, nprobe } = ivfShape(c.world.videos.count);
  c.ivf = IvfIndex.build(c.embeddings, c.dim, {
    seed: c.world.options.seed,
    nlist,
    nprobe,
    onProgress: (f, stage) =>
      post({
        type: 'progress',
        id,
        label: f >= 1 ? 'IVF index ready' : `Building the IVF index (${stage})`,
        fraction: f,
      }),
  });
}

function ready(): FeedContext {
  if (!ctx) throw new Error('The feed is still loading.');
  return ctx;
}

async function handle(req: FeedRequest, generation: number) {
  switch (req.type) {
    case 'load':
      return load(req);
    case 'reload-models':
      return reloadModels(req.id);
    case 'feed':
      if (req.controls.search === 'ivf') ensureIvf(req.id, ready());
      return serveFeed(ready(), req.user, req.controls);
    case 'metrics':
      if (req.controls.search === 'ivf') ensureIvf(req.id, ready());
      units ??= heldOutUnits(world!, world!.split.validationEnd, HELD_OUT_USERS, info!.seed);
      return feedMetrics(ready(), units, req.controls, () => generation !== metricsGeneration);
  }
}

// One request at a time, so the latency of a feed is never mixed with another's work.
let queue: Promise<unknown> = Promise.resolve();

self.onmessage = (event: MessageEvent<FeedRequest>) => {
  const req = event.data;
  // Counted on arrival: a queued older metrics run sees a newer number and stops at once.
  const generation = req.type === 'metrics' ? ++metricsGeneration : metricsGeneration;
  queue = queue.then(async () => {
    try {
      post({ type: 'done', id: req.id, result: await handle(req, generation) });
    } catch (error) {
      post({
        type: 'error',
        id: req.id,
        message: (error as Error).message || String(error),
        cancelled: error instanceof MetricsCancelled,
      });
    }
  });
};
