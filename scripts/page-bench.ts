/**
 * What every page benchmark (bench-feed, bench-diagram, …) does around its own measurements:
 * build the export if there is none, serve it and launch Chromium; at the end print the table
 * and the targets missed, and write the JSON with the machine it ran on (the load average
 * matters on a shared 2-core machine).
 */
import { chromium, type Browser } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BROWSER_ARGS, chromiumExecutable } from '../e2e/browser';
import { serveStatic } from './static-server.mjs';

export interface PageBench {
  url: string;
  browser: Browser;
  started: Date;
  close: () => Promise<void>;
}

export async function startPageBench(): Promise<PageBench> {
  if (!existsSync('out/index.html')) {
    console.log('No build in out/: building first.');
    if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0)
      throw new Error('build failed');
  }
  const server = await serveStatic('out');
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: BROWSER_ARGS,
  });
  return {
    url: server.url,
    browser,
    started: new Date(),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Columns padded to their widest cell, with a rule under the header. */
export function textTable(head: string[], body: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

export function machineInfo() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: os.loadavg(),
  };
}

/** Prints the table and the missed targets, and writes `{ date, ...extra, machine, rows }`. */
export function reportPageBench(
  bench: PageBench,
  rows: readonly { figure: string; ok: boolean | undefined }[],
  table: string,
  out: string,
  extra: Record<string, unknown>,
): void {
  console.log(`\n${table}\n`);
  const missed = rows.filter((r) => r.ok === false);
  console.log(
    missed.length
      ? `Targets missed: ${missed.map((r) => r.figure).join('; ')}`
      : 'Every figure meets its target.',
  );
  mkdirSync(path.dirname(out), { recursive: true });
  const json = { date: bench.started.toISOString(), ...extra, machine: machineInfo(), rows };
  writeFileSync(out, JSON.stringify(json, null, 2) + '\n');
  console.log(`Wrote ${out}.`);
}
