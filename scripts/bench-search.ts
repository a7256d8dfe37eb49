/**
 * Node benchmark of the retrieval engine (lib/search): exact top-500 over 100k × 64 and IVF
 * top-100 over 1M × 32, on clustered embeddings (the realistic case) and on random Gaussian
 * vectors (the hard case). Prints tables and writes bench/results/search-node.json.
 *
 *   npx tsx scripts/bench-search.ts            # full run (~1–2 min on 2 cores, ~1.5 GB RAM)
 *   npx tsx scripts/bench-search.ts --quick    # smaller sizes, smoke test
 *
 * Latency is wall-clock per query (performance.now) after a warm-up; the load average is
 * recorded because other processes on a shared 2-core machine inflate the tail.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ExactIndex,
  IvfIndex,
  clusteredEmbeddings,
  gaussianEmbeddings,
  recallAtK,
  userQueries,
  type IvfBuildStage,
  type TopKResult,
} from '../lib/search';

const quick = process.argv.includes('--quick');
const QUERIES = quick ? 100 : 300;
const WARMUP = 30;
const EXACT = { n: quick ? 20_000 : 100_000, dim: 64, k: 500 };
const IVF = { n: quick ? 100_000 : 1_000_000, dim: 32, k: 100 };
const NPROBES = [4, 8, 16, 32, 64, 128, 256, 512];

interface Latency {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

function latency(ms: number[]): Latency {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    mean: round(s.reduce((a, b) => a + b, 0) / s.length),
    max: round(s[s.length - 1]!),
  };
}

function rows(m: Float32Array, dim: number, i: number): Float32Array {
  return m.subarray(i * dim, i * dim + dim);
}

/** Times `run` on every query after WARMUP untimed calls; also returns CPU ms per query. */
function timeQueries<T>(queries: Float32Array, dim: number, run: (q: Float32Array) => T) {
  const count = queries.length / dim;
  for (let i = 0; i < WARMUP; i++) run(rows(queries, dim, i % count));
  const out: T[] = [];
  const ms: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const q = rows(queries, dim, i);
    const t = performance.now();
    out.push(run(q));
    ms.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  return { out, latency: latency(ms), cpuPerQueryMs: (cpu.user + cpu.system) / 1000 / count };
}

function fmt(x: number, digits = 2): string {
  return x.toFixed(digits);
}

function datasets(n: number, dim: number, seed: number) {
  return [
    {
      name: 'clustered',
      description:
        '200-topic Gaussian mixture (Zipf 0.7 popularity, spread 0.6) + 10 % uniform noise, L2-normalised; queries = blend of 1–3 topics + noise, normalised',
      make: () => {
        const d = clusteredEmbeddings({ n, dim, seed });
        return { items: d.items, queries: userQueries(d, { count: QUERIES, seed: seed + 1 }) };
      },
    },
    {
      name: 'gaussian',
      description: 'i.i.d. N(0, 1) items and queries, not normalised (MIPS with varying norms)',
      make: () => ({
        items: gaussianEmbeddings(n, dim, seed),
        queries: gaussianEmbeddings(QUERIES, dim, seed + 1),
      }),
    },
  ];
}

function benchExact() {
  const { n, dim, k } = EXACT;
  console.log(`\nExact top-${k} over ${n.toLocaleString()} × ${dim} (${QUERIES} queries)`);
  console.log('dataset     p50 ms  p95 ms  p99 ms  mean ms  cpu/query ms');
  const results = [];
  for (const ds of datasets(n, dim, 100)) {
    const { items, queries } = ds.make();
    const index = new ExactIndex(items, dim);
    const r = timeQueries(queries, dim, (q) => index.search(q, k));
    const L = r.latency;
    console.log(
      `${ds.name.padEnd(10)} ${fmt(L.p50).padStart(7)} ${fmt(L.p95).padStart(7)} ${fmt(L.p99).padStart(7)} ${fmt(L.mean).padStart(8)} ${fmt(r.cpuPerQueryMs).padStart(13)}`,
    );
    results.push({
      dataset: ds.name,
      description: ds.description,
      n,
      dim,
      k,
      queries: QUERIES,
      latencyMs: L,
      cpuPerQueryMs: r.cpuPerQueryMs,
    });
  }
  return results;
}

function benchIvf() {
  const { n, dim, k } = IVF;
  const results = [];
  for (const ds of datasets(n, dim, 200)) {
    console.log(
      `\nIVF top-${k} over ${n.toLocaleString()} × ${dim}, ${ds.name} (${QUERIES} queries)`,
    );
    let t = performance.now();
    const { items, queries } = ds.make();
    const genMs = performance.now() - t;

    const exact = new ExactIndex(items, dim);
    const ex = timeQueries(queries, dim, (q) => exact.search(q, k));
    const truth: TopKResult[] = ex.out;

    const stages: Partial<Record<IvfBuildStage, number>> = {};
    let stage: IvfBuildStage | '' = '';
    let stageStart = 0;
    const cpu0 = process.cpuUsage();
    t = performance.now();
    const ivf = IvfIndex.build(items, dim, {
      seed: 1,
      onProgress: (_f, s) => {
        if (s === stage) return;
        const now = performance.now();
        if (stage !== '') stages[stage] = Math.round(now - stageStart);
        stage = s;
        stageStart = now;
      },
    });
    const buildMs = performance.now() - t;
    const cpu = process.cpuUsage(cpu0);
    const buildCpuMs = (cpu.user + cpu.system) / 1000;
    const sizes = ivf.listSizes();
    let maxList = 0;
    for (const s of sizes) maxList = Math.max(maxList, s);

    t = performance.now();
    const full = ivf.serialize();
    const serializeMs = performance.now() - t;
    const compact = ivf.serialize({ includeVectors: false });
    t = performance.now();
    IvfIndex.deserialize(full);
    const loadFullMs = performance.now() - t;
    t = performance.now();
    IvfIndex.deserialize(compact, { items });
    const loadCompactMs = performance.now() - t;

    console.log(
      `build ${fmt(buildMs / 1000)} s wall / ${fmt(buildCpuMs / 1000)} s CPU (${JSON.stringify(stages)}); nlist ${ivf.nlist}, metric ${ivf.metric}, largest list ${maxList}`,
    );
    console.log(
      `serialised: ${fmt(full.byteLength / 2 ** 20, 1)} MiB with vectors (load ${fmt(loadFullMs, 0)} ms), ${fmt(compact.byteLength / 2 ** 20, 1)} MiB without (load + gather ${fmt(loadCompactMs, 0)} ms); serialise ${fmt(serializeMs, 0)} ms`,
    );
    console.log(`exact baseline: p50 ${fmt(ex.latency.p50)} ms, p95 ${fmt(ex.latency.p95)} ms`);
    console.log('nprobe  recall@100  p5 recall  scanned %   p50 ms  p95 ms  p99 ms');
    const rowsOut = [];
    for (const nprobe of NPROBES) {
      if (nprobe > ivf.nlist) break;
      const r = timeQueries(queries, dim, (q) => ivf.search(q, k, { nprobe }));
      const recalls = r.out
        .map((res, i) => recallAtK(res.ids, truth[i]!.ids, k))
        .sort((a, b) => a - b);
      const recall = recalls.reduce((a, b) => a + b, 0) / recalls.length;
      const p5 = recalls[Math.floor(0.05 * recalls.length)]!;
      const scanned = r.out.reduce((a, res) => a + res.scanned, 0) / r.out.length / n;
      const L = r.latency;
      console.log(
        `${String(nprobe).padStart(6)}  ${fmt(recall, 4).padStart(10)}  ${fmt(p5, 2).padStart(9)}  ${fmt(100 * scanned, 1).padStart(9)}  ${fmt(L.p50).padStart(7)} ${fmt(L.p95).padStart(7)} ${fmt(L.p99).padStart(7)}`,
      );
      rowsOut.push({
        nprobe,
        recallAt100: recall,
        p5Recall: p5,
        scannedFraction: scanned,
        latencyMs: L,
        cpuPerQueryMs: r.cpuPerQueryMs,
      });
    }
    results.push({
      dataset: ds.name,
      description: ds.description,
      n,
      dim,
      k,
      queries: QUERIES,
      generateMs: Math.round(genMs),
      exactLatencyMs: ex.latency,
      build: {
        wallMs: Math.round(buildMs),
        cpuMs: Math.round(buildCpuMs),
        stagesWallMs: stages,
        nlist: ivf.nlist,
        metric: ivf.metric,
        largestList: maxList,
        seed: 1,
      },
      serialised: {
        bytesWithVectors: full.byteLength,
        bytesWithoutVectors: compact.byteLength,
        serializeMs: Math.round(serializeMs),
        loadWithVectorsMs: Math.round(loadFullMs),
        loadWithoutVectorsMs: Math.round(loadCompactMs),
      },
      nprobe: rowsOut,
    });
  }
  return results;
}

const started = new Date().toISOString();
const loadStart = loadavg();
console.log(
  `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load average ${loadStart.map((x) => x.toFixed(2)).join(' ')}${quick ? ' (quick run)' : ''}`,
);
const exactResults = benchExact();
const ivfResults = benchIvf();
const loadEnd = loadavg();
console.log(`\nload average at end: ${loadEnd.map((x) => x.toFixed(2)).join(' ')}`);

const out = {
  started,
  finished: new Date().toISOString(),
  quick,
  environment: {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    loadAverageStart: loadStart,
    loadAverageEnd: loadEnd,
    note: 'Shared 2-core machine: other processes may be running; tail latencies are sensitive to that load.',
  },
  exact: exactResults,
  ivf: ivfResults,
};
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = join(
  root,
  'bench',
  'results',
  quick ? 'search-node.quick.tmp.json' : 'search-node.json',
);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
console.log(`wrote ${file}`);
