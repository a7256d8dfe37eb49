/**
 * `npm run bench`: every benchmark, in Node and in real Chromium (through Playwright), printed as
 * one table and written to bench/results/bench.json. Each onnxruntime-web figure runs beside its
 * peer (TF.js or plain TypeScript) in the same run.
 *
 *   npm run bench [-- --quick] [-- --only node|chromium] [-- --cases exact-search,ranker]
 *
 * Chromium: Playwright's own browser if installed, else CHROMIUM_PATH or /usr/bin/chromium.
 */
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-web';
import { BENCH_CASE_IDS, runBench, type BenchCaseId } from '../lib/bench/cases';
import { formatTable, meetsTarget, type BenchRow } from '../lib/bench/stats';
import { initTfNode } from '../lib/ml/backend.node.js';
import { BROWSER_ARGS, chromiumExecutable } from '../e2e/browser';
import { serveStatic } from './static-server.mjs';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    cases: { type: 'string' },
    out: { type: 'string', default: 'bench/results/bench.json' },
  },
});
/** Benchmarks of whole pages in Chromium, each a script of its own. */
const PAGE_BENCHES = ['scripts/bench-diagram.ts', 'scripts/bench-feed.ts', 'scripts/bench-ads.ts'];
const cases = (args.cases ? args.cases.split(',') : BENCH_CASE_IDS).filter((c): c is BenchCaseId =>
  (BENCH_CASE_IDS as string[]).includes(c),
);
const progress = (label: string, f: number) =>
  process.stdout.write(
    `\r  ${String(Math.round(f * 100)).padStart(3)}% ${label.padEnd(60).slice(0, 60)}`,
  );

async function nodeRows(): Promise<BenchRow[]> {
  console.log('Node: TF.js WASM backend and onnxruntime-web (WASM, 1 thread)');
  await initTfNode();
  ort.env.wasm.numThreads = 1;
  const rows = await runBench(cases, {
    env: 'node',
    ort,
    now: () => performance.now(),
    progress,
    quick: args.quick,
  });
  process.stdout.write('\n');
  return rows;
}

async function serveOut() {
  if (!existsSync('out/index.html')) {
    console.log('No build in out/: building first.');
    if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0)
      throw new Error('build failed');
  }
  return serveStatic('out');
}

async function chromiumRows(): Promise<BenchRow[]> {
  const server = await serveOut();
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: BROWSER_ARGS,
  });
  console.log(
    `Chromium ${browser.version()}: the engine-room page runs the same cases in a worker`,
  );
  try {
    const page = await browser.newPage();
    await page.goto(
      `${server.url}/lab/engine/?autorun=1&cases=${cases.join(',')}${args.quick ? '&quick=1' : ''}`,
    );
    const bench = page.getByTestId('bench');
    for (;;) {
      const state = await bench.getAttribute('data-state');
      if (state === 'done') break;
      if (state === 'failed') throw new Error(`in the page: ${await bench.textContent()}`);
      const bar = page.getByRole('progressbar', { name: 'Benchmark progress' });
      if (await bar.count())
        progress(
          (await bar.getAttribute('aria-valuetext')) ?? '',
          Number(await bar.getAttribute('aria-valuenow')) / 100,
        );
      await page.waitForTimeout(500);
    }
    process.stdout.write('\n');
    return (await page.evaluate(() => window.__mlsdBench?.rows ?? [])) as BenchRow[];
  } finally {
    await browser.close();
    await server.close();
  }
}

const started = new Date();
const rows = [
  ...(args.only === 'chromium' ? [] : await nodeRows()),
  ...(args.only === 'node' ? [] : await chromiumRows()),
];
console.log(`\n${formatTable(rows)}\n`);
const missed = rows.filter((r) => meetsTarget(r) === false);
console.log(
  missed.length
    ? `Targets missed: ${missed.map((r) => `${r.figure} (${r.env})`).join('; ')}`
    : 'Every figure with a target meets it.',
);
mkdirSync(path.dirname(args.out!), { recursive: true });
const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  loadAverage: os.loadavg(),
};
writeFileSync(
  args.out!,
  JSON.stringify({ date: started.toISOString(), quick: args.quick, machine, rows }, null, 2) + '\n',
);
console.log(`Wrote ${args.out}.`);

// Page-level benchmarks run as their own scripts (each writes its own JSON); a full run includes them.
if (!args.only && !args.cases) {
  for (const script of PAGE_BENCHES) {
    console.log(`\n${script}`);
    const run = spawnSync('npx', ['tsx', script, ...(args.quick ? ['--runs', '1'] : [])], {
      stdio: 'inherit',
    });
    if (run.status !== 0) process.exitCode = 1;
  }
}
