/**
 * `npx tsx scripts/bench-diagram.ts`: the diagram editor with a 1,000-node / 1,500-edge diagram
 * in headless Chromium. Measures the time from navigation to the first full render, and the
 * frame rate (requestAnimationFrame callbacks) while the view is panned and a node is dragged
 * with the mouse, at the fitted view (everything on screen) and at 100 % zoom. The editor's
 * default (React Flow renders every element) is held to the targets; the same cases with
 * `onlyRenderVisibleElements` (`?render=visible`) are measured for comparison.
 * Prints a table and writes bench/results/diagram.json.
 *
 *   npx tsx scripts/bench-diagram.ts [--runs 3] [--out bench/results/diagram.json]
 */
import type { Page } from '@playwright/test';
import { parseArgs } from 'node:util';
import { exportDiagramJson, sampleDiagram, type Diagram, type DiagramEdge } from '../lib/diagram';
import { createRng } from '../lib/random';
import { reportPageBench, startPageBench, textTable } from './page-bench';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: 'bench/results/diagram.json' },
  },
});
const RUNS = Math.max(1, Number(args.runs));
const NODES = 1000;
const EDGES = 1500;
const TARGET_OPEN_MS = 2000;
const TARGET_FPS = 30;

/** sampleDiagram gives a tree (one edge per node); extra seeded edges bring it to EDGES. */
function benchDiagram(zoom: 'fit' | 'one'): Diagram {
  const d = sampleDiagram(NODES, 7);
  const rng = createRng(11);
  const components = d.nodes.filter((n) => !n.kind.endsWith('-area'));
  const seen = new Set(d.edges.map((e) => `${e.source}>${e.target}`));
  const edges: DiagramEdge[] = [...d.edges];
  while (edges.length < EDGES) {
    const a = components[rng.int(components.length)]!;
    const b = components[rng.int(components.length)]!;
    if (a === b || seen.has(`${a.id}>${b.id}`)) continue;
    seen.add(`${a.id}>${b.id}`);
    edges.push({ id: `x${edges.length}`, source: a.id, target: b.id, kind: 'data', label: '' });
  }
  // The default viewport makes the editor fit the whole diagram on screen; zoom 1 shows a corner.
  // (zoom 1 is shifted right so the left of the canvas is empty, to pan from).
  const viewport = zoom === 'fit' ? { x: 0, y: 0, zoom: 1 } : { x: 250, y: 60, zoom: 1.0001 };
  return { ...d, id: 'bench', title: 'Bench', edges, viewport };
}

async function seed(page: Page, base: string, diagram: Diagram) {
  await page.goto(`${base}/search-index.json`);
  await page.evaluate(async (value) => {
    // The last case's editor left a rescue copy on pagehide: it would win over the fresh seed.
    localStorage.clear();
    const open = indexedDB.open('mlsd-lab-documents');
    open.onupgradeneeded = () => open.result.createObjectStore('documents');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('documents', 'readwrite');
    tx.objectStore('documents').put(value, 'mlsd-lab:diagram:bench');
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, exportDiagramJson(diagram));
}

/**
 * Watches, every frame from the moment the page starts, how many nodes and edges are drawn and
 * where the view is; the open time is the frame of the last change (the view is complete).
 * Page code is plain text: tsx would otherwise wrap its functions in a helper the page lacks.
 */
const WATCH_RENDERING = `(() => {
  const nodes = document.getElementsByClassName('react-flow__node');
  const edges = document.getElementsByClassName('react-flow__edge');
  window.__lastChange = 0;
  let last = '';
  function tick() {
    const view = document.querySelector('.react-flow__viewport');
    const signature = nodes.length + '|' + edges.length + '|' + (view ? view.style.transform : '');
    if (signature !== last) {
      last = signature;
      window.__lastChange = performance.now();
    }
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})();`;

const START_COUNTING = `(() => {
  window.__frames = [];
  window.__counting = true;
  function tick(t) {
    window.__frames.push(t);
    if (window.__counting) requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})()`;

const STOP_COUNTING = `(() => { window.__counting = false; return window.__frames; })()`;

/** Navigation start → the frame from which the canvas stays as it is (nodes drawn, view fitted). */
async function openTime(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    () => document.getElementsByClassName('react-flow__node').length > 0,
    undefined,
    {
      timeout: 60_000,
    },
  );
  await page.waitForFunction(
    () => performance.now() - (window as unknown as { __lastChange: number }).__lastChange > 1500,
    undefined,
    { polling: 100, timeout: 60_000 },
  );
  return page.evaluate(() => ({
    ms: (window as unknown as { __lastChange: number }).__lastChange,
    drawnNodes: document.getElementsByClassName('react-flow__node').length,
    drawnEdges: document.getElementsByClassName('react-flow__edge').length,
  }));
}

/** Frames per second while `gesture` runs, counted with requestAnimationFrame in the page. */
async function fps(page: Page, gesture: () => Promise<void>) {
  await page.evaluate(START_COUNTING);
  await gesture();
  const frames = (await page.evaluate(STOP_COUNTING)) as number[];
  const gaps = frames
    .slice(1)
    .map((t, i) => t - frames[i]!)
    .sort((a, b) => a - b);
  const seconds = (frames[frames.length - 1]! - frames[0]!) / 1000;
  return {
    fps: (frames.length - 1) / seconds,
    p95FrameMs: gaps[Math.min(gaps.length - 1, Math.ceil(gaps.length * 0.95) - 1)]!,
  };
}

/** A mouse drag from (x, y) by (dx, dy) in `steps` moves about one frame apart. */
async function drag(page: Page, x: number, y: number, dx: number, dy: number, steps = 60) {
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(x + (dx * i) / steps, y + (dy * i) / steps);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

async function emptyPanePoint(page: Page) {
  const box = (await page.locator('.react-flow').boundingBox())!;
  // The first point on a coarse grid where the pane itself (not a node, edge or panel) is hit.
  const point = await page.evaluate(
    ([x0, y0, w, h]) => {
      for (let fy = 0.1; fy < 0.9; fy += 0.1)
        for (let fx = 0.05; fx < 0.6; fx += 0.05) {
          const x = x0! + w! * fx;
          const y = y0! + h! * fy;
          if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane'))
            return { x, y };
        }
      return null;
    },
    [box.x, box.y, box.width, box.height],
  );
  if (!point) throw new Error('no empty spot on the canvas to pan from');
  return point;
}

/** A component node entirely inside the canvas, to drag. */
async function nodeOnScreen(page: Page) {
  const canvas = (await page.locator('.react-flow').boundingBox())!;
  const boxes = await page
    .locator('.react-flow__node-component')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  const inside = boxes.find(
    (b) =>
      b.left > canvas.x + 60 &&
      b.top > canvas.y + 60 &&
      b.right < canvas.x + canvas.width - 260 &&
      b.bottom < canvas.y + canvas.height - 200,
  );
  if (!inside) throw new Error('no node on screen to drag');
  return { x: inside.left, y: inside.top, width: inside.width, height: inside.height };
}

interface Row {
  figure: string;
  value: number;
  unit: string;
  /** Empty for comparison rows (a setting the editor does not use by default). */
  target: string;
  ok: boolean | undefined;
  notes: string;
}

async function runCase(
  page: Page,
  base: string,
  render: 'all' | 'visible',
  zoom: 'fit' | 'one',
): Promise<Row[]> {
  const label = `${render === 'all' ? 'default' : 'visible only'}, ${zoom === 'fit' ? 'fitted view' : 'zoom 100 %'}`;
  // The editor renders every element; onlyRenderVisibleElements is measured for comparison.
  const held = render === 'all';
  const check = (ok: boolean) => (held ? ok : undefined);
  const target = (t: string) => (held ? t : '');
  const opens: number[] = [];
  const pans: { fps: number; p95FrameMs: number }[] = [];
  const drags: { fps: number; p95FrameMs: number }[] = [];
  let drawn = { drawnNodes: 0, drawnEdges: 0 };
  for (let run = 0; run < RUNS; run++) {
    await seed(page, base, benchDiagram(zoom));
    const open = await openTime(page, `${base}/diagrams/?id=bench&render=${render}`);
    opens.push(open.ms);
    drawn = open;
    await page.waitForTimeout(500);
    const start = await emptyPanePoint(page);
    pans.push(await fps(page, () => drag(page, start.x, start.y, -300, -120)));
    const box = await nodeOnScreen(page);
    drags.push(
      await fps(page, () => drag(page, box.x + box.width / 2, box.y + box.height / 2, 220, 140)),
    );
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const worstFps = (xs: { fps: number }[]) => Math.min(...xs.map((x) => x.fps));
  const worstGap = (xs: { p95FrameMs: number }[]) => Math.max(...xs.map((x) => x.p95FrameMs));
  const drawnNote = `drawn ${drawn.drawnNodes} nodes / ${drawn.drawnEdges} edges`;
  return [
    {
      figure: `open to first full render (${label})`,
      value: median(opens),
      unit: 'ms',
      target: target(`≤ ${TARGET_OPEN_MS}`),
      ok: check(median(opens) <= TARGET_OPEN_MS),
      notes: `median of ${RUNS}, worst ${Math.max(...opens).toFixed(0)} ms; ${drawnNote}`,
    },
    {
      figure: `pan frame rate (${label})`,
      value: worstFps(pans),
      unit: 'fps',
      target: target(`≥ ${TARGET_FPS}`),
      ok: check(worstFps(pans) >= TARGET_FPS),
      notes: `worst of ${RUNS}; p95 frame ${worstGap(pans).toFixed(1)} ms`,
    },
    {
      figure: `node drag frame rate (${label})`,
      value: worstFps(drags),
      unit: 'fps',
      target: target(`≥ ${TARGET_FPS}`),
      ok: check(worstFps(drags) >= TARGET_FPS),
      notes: `worst of ${RUNS}; p95 frame ${worstGap(drags).toFixed(1)} ms`,
    },
  ];
}

function table(rows: Row[]): string {
  const head = ['figure', 'value', 'target', 'ok', 'notes'];
  const body = rows.map((r) => [
    r.figure,
    `${r.value.toFixed(r.unit === 'ms' ? 0 : 1)} ${r.unit}`,
    r.target ? `${r.target} ${r.unit}` : '—',
    r.ok === undefined ? '' : r.ok ? 'yes' : 'NO',
    r.notes,
  ]);
  return textTable(head, body);
}

const bench = await startPageBench();
const { browser } = bench;
const rows: Row[] = [];
try {
  console.log(
    `Chromium ${browser.version()}: ${NODES} nodes, ${EDGES} edges, ${RUNS} runs per case`,
  );
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript({ content: WATCH_RENDERING });
  for (const render of ['all', 'visible'] as const)
    for (const zoom of ['fit', 'one'] as const) {
      process.stdout.write(`  ${render === 'all' ? 'default' : 'visible only'} / ${zoom}…\n`);
      rows.push(...(await runCase(page, bench.url, render, zoom)));
    }
} finally {
  await bench.close();
}

reportPageBench(bench, rows, table(rows), args.out!, { nodes: NODES, edges: EDGES, runs: RUNS });
