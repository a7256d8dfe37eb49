/**
 * Generation cost of the video-recs world (Node only): wall and CPU time, bytes held by the
 * world's typed arrays, heap + ArrayBuffer growth and peak RSS, then the cost of the feature
 * tables on that world. One size per process, so peak RSS belongs to that size:
 *
 *   for n in 10000 100000 1000000; do
 *     npx tsx case-studies/video-recs/measure.node.ts --videos $n [--users 10000] [--days 14]
 *   done
 *
 * The machine is often shared: the script prints the load average next to the figures.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { buildRankerTable, buildTwoTowerTable, createOnlineStore } from './features';
import { generateWorld, worldBytes } from './world';

const { values } = parseArgs({
  options: {
    videos: { type: 'string', default: '1000000' },
    users: { type: 'string', default: '10000' },
    days: { type: 'string', default: '14' },
    seed: { type: 'string', default: '1' },
    repeats: { type: 'string', default: '3' },
  },
});
const opts = {
  seed: Number(values.seed),
  videos: Number(values.videos),
  users: Number(values.users),
  days: Number(values.days),
};

const mb = (b: number): string => `${(b / 1e6).toFixed(1)} MB`;
const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const memory = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

// A callable gc (same as node --expose-gc), so retained memory excludes garbage.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const load0 = os.loadavg()[0]!;
gc();
const base = memory();
const baseRss = process.memoryUsage().rss;
const first0 = performance.now();
let world = generateWorld(opts);
const firstMs = performance.now() - first0;
const peakRssAbove = process.resourceUsage().maxRSS * 1024 - baseRss;
gc();
const held = memory() - base;
const walls: number[] = [];
const cpus: number[] = [];
for (let r = 0; r < Number(values.repeats); r++) {
  const w0 = performance.now();
  const c0 = cpuMs();
  world = generateWorld(opts);
  walls.push(performance.now() - w0);
  cpus.push(cpuMs() - c0);
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

let t = performance.now();
const store = createOnlineStore(world, world.split.trainEnd);
const storeMs = performance.now() - t;
t = performance.now();
const tt = buildTwoTowerTable(world, { split: 'train' });
const ttMs = performance.now() - t;
t = performance.now();
const rk = buildRankerTable(world, { split: 'train', negativeRate: 0.1 });
const rkMs = performance.now() - t;
t = performance.now();
const ids = Int32Array.from({ length: Math.min(100_000, world.videos.count) }, (_, i) => i);
store.videoFeatures(ids);
const lookupMs = performance.now() - t;

console.log(
  [
    `videos ${opts.videos}, users ${opts.users}, days ${opts.days}:`,
    `${world.sessions.count} sessions, ${world.impressions.count} impressions`,
    `generate median ${median(walls).toFixed(0)} ms wall / ${median(cpus).toFixed(0)} ms CPU ` +
      `(runs: ${walls.map((w) => w.toFixed(0)).join(', ')}; first, with JIT warm-up: ` +
      `${firstMs.toFixed(0)} ms)`,
    `world typed arrays ${mb(worldBytes(world))}; retained after gc ${mb(held)}; ` +
      `peak RSS during the first generation ${mb(peakRssAbove)} above the ${mb(baseRss)} baseline`,
    `online store at train end ${storeMs.toFixed(0)} ms; two-tower train table ` +
      `${tt.impression.length} rows ${ttMs.toFixed(0)} ms; ranker train table (10 % negatives) ` +
      `${rk.impression.length} rows ${rkMs.toFixed(0)} ms; videoFeatures(${ids.length}) ` +
      `${lookupMs.toFixed(0)} ms`,
    `load average ${load0.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
  ].join('\n  '),
);
