import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  canonicalJson,
  embedInSvgMetadata,
  encodeShareFragment,
  exportDiagramJson,
  restoreDiagram,
  type Diagram,
} from '../lib/diagram';

const node = (page: Page, kind: string) =>
  page.locator(`.react-flow__node:has([data-kind="${kind}"])`);

/** A copy of the video reference, open in the editor. */
async function editableReference(page: Page) {
  await page.goto('/diagrams/?ref=video-recs');
  await page.getByTestId('use-template').click();
  await expect(page.getByTestId('diagram-editor')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
}

async function download(
  page: Page,
  testId: string,
): Promise<{ name: string; text: string; bytes: Buffer }> {
  const event = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await event;
  const bytes = readFileSync(await file.path());
  return { name: file.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

/** The drawing itself: everything but the id (a new diagram gets a new one) and the view. */
function drawing(json: string) {
  const { diagram, error } = restoreDiagram(json);
  expect(error).toBeUndefined();
  return canonicalJson({ ...diagram, id: 'x', viewport: { x: 0, y: 0, zoom: 1 } });
}

async function importFile(page: Page, name: string, text: string, mimeType: string) {
  await page
    .getByTestId('import-input')
    .setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
  await expect(page.getByTestId('notice')).toContainText(`Opened “${name}”`);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
}

test('export JSON, import it: the same diagram reopens as a new one', async ({ page }) => {
  await editableReference(page);
  await node(page, 'ann-index').click();
  await page.getByTestId('inspector-notes').fill('Line one\nLine two: "quoted" & <angled>');
  const exported = await download(page, 'export-json');
  expect(exported.name).toBe('my-video-recommendation-design.json');
  expect(JSON.parse(exported.text)).toMatchObject({ app: 'mlsd-lab', kind: 'diagram', version: 2 });
  const firstUrl = page.url();

  await importFile(page, exported.name, exported.text, 'application/json');
  expect(page.url()).not.toBe(firstUrl);
  await expect(page.getByTestId('notice-problem')).toHaveCount(0);
  const again = await download(page, 'export-json');
  expect(drawing(again.text)).toBe(drawing(exported.text));
  expect(JSON.parse(again.text).data.viewport).toEqual(JSON.parse(exported.text).data.viewport);
});

test('export SVG (and PNG): the SVG carries the diagram, and importing it reopens it editable', async ({
  page,
}) => {
  await editableReference(page);
  const png = await download(page, 'export-png');
  expect(png.name).toBe('my-video-recommendation-design.png');
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.bytes.length).toBeGreaterThan(20_000);

  const json = await download(page, 'export-json');
  const svg = await download(page, 'export-svg');
  expect(svg.name).toBe('my-video-recommendation-design.svg');
  expect(svg.text).toMatch(/^<svg[\s>]/);
  expect(svg.text).toContain('<metadata id="mlsd-lab-diagram">');
  expect(svg.text).toContain('Candidate generation');

  await importFile(page, svg.name, svg.text, 'image/svg+xml');
  await expect(page.locator('.react-flow__node')).toHaveCount(
    JSON.parse(json.text).data.nodes.length,
  );
  await node(page, 'ann-index').click();
  await page.getByTestId('inspector-label').fill('Edited after import');
  const again = await download(page, 'export-json');
  expect(drawing(again.text)).toBe(
    drawing(json.text).replace('"label":"ANN index"', '"label":"Edited after import"'),
  );
});

test('a file dropped on the page opens as a new diagram', async ({ page }) => {
  await page.goto('/diagrams/');
  await expect(page.getByTestId('library')).toHaveAttribute('data-state', 'ready');
  const json = exportDiagramJson({ ...hostileDiagram(), title: 'Dropped design' });
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, json);
  await page.getByTestId('library').dispatchEvent('dragover', { dataTransfer: transfer });
  await page.getByTestId('library').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByTestId('diagram-title')).toHaveValue('Dropped design');
  await expect(page.getByTestId('notice')).toContainText('Opened “dropped.json”');
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
});

test('a file that is not a diagram gets a clear error and changes nothing', async ({ page }) => {
  await page.goto('/diagrams/');
  await expect(page.getByTestId('library')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('library-import-input').setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('hello'),
  });
  await expect(page.getByTestId('import-error')).toContainText('opens diagram files');
  await page.getByTestId('library-import-input').setInputFiles({
    name: 'picture.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'),
  });
  await expect(page.getByTestId('import-error')).toContainText('holds no MLSD Lab diagram');
  await expect(page.getByTestId('library-empty')).toBeVisible();
  // A damaged file keeps everything valid and lists each repair.
  const damaged = JSON.stringify({
    title: 'Half broken',
    nodes: [
      { id: 'a', kind: 'client', label: 'App' },
      { id: 'b', kind: 'warp-drive', label: 'Nope' },
    ],
    edges: [{ id: 'e', source: 'a', target: 'b' }],
  });
  await page.getByTestId('library-import-input').setInputFiles({
    name: 'damaged.json',
    mimeType: 'application/json',
    buffer: Buffer.from(damaged),
  });
  await expect(page.getByTestId('notice-problem')).toHaveCount(2);
  await expect(page.getByTestId('notice')).toContainText("unknown kind 'warp-drive'");
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
});

test('share link: opens read-only, "Save a copy" adds a new diagram and never overwrites', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await editableReference(page);
  await page.getByTestId('diagram-title').fill('Shared design');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('share-status')).toContainText('Link copied');
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toMatch(/\/diagrams\/#d=1\./);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  const ownUrl = page.url();
  const before = await page.evaluate(() => localStorage.length);

  await page.goto(url);
  const view = page.getByTestId('shared-view');
  await expect(view).toBeVisible();
  await expect(page.getByTestId('shared-title')).toHaveText('Shared design');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await expect(page.getByTestId('palette')).toHaveCount(0);
  await expect(page.locator('.react-flow__node.draggable')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.length)).toBe(before);

  // Edit the original, then open the link again: the link shows its own copy, the original keeps the edit.
  await page.goto(ownUrl);
  await page.getByTestId('diagram-title').fill('Changed locally');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  await page.goto(url);
  await expect(page.getByTestId('shared-title')).toHaveText('Shared design');
  await page.getByTestId('save-copy').click();
  await expect(page.getByTestId('diagram-editor')).toBeVisible();
  await expect(page.getByTestId('diagram-title')).toHaveValue('Shared design');
  expect(page.url()).not.toContain('#d=');
  await page.getByTestId('back-to-library').click();
  await expect(page.getByTestId('library-entry')).toHaveCount(2);
  await expect(
    page.getByTestId('library-entry').filter({ hasText: 'Changed locally' }),
  ).toHaveCount(1);
});

test('embed: the iframe route renders the diagram from the link, read-only, and can be framed', async ({
  page,
}) => {
  await editableReference(page);
  await page.getByTestId('copy-embed').click();
  const code = await page.getByTestId('embed-code').inputValue();
  const src = /<iframe src="([^"]+)" title="My Video recommendation design"/.exec(code)?.[1];
  expect(src).toMatch(/\/embed\/#d=1\./);

  await page.goto(src!);
  await expect(page.getByTestId('embed')).toBeVisible();
  await expect(page.locator('.react-flow__node')).not.toHaveCount(0);
  await expect(page.locator('.react-flow__node.draggable')).toHaveCount(0);
  await expect(page.locator('header')).toBeHidden();
  await expect(page.getByTestId('embed-open')).toHaveAttribute('href', /^\/diagrams\/#d=1\./);
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
  ).toEqual([]);

  // Framed by another page.
  await page.setContent(`<!doctype html><title>Host</title>${code}`);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('.react-flow__node').first()).toBeVisible();
  await expect(frame.getByTestId('embed-open')).toBeVisible();
});

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1;alert(1)">',
  'javascript:window.__xss=1;alert(1)',
  '<svg onload="window.__xss=1;alert(1)"></svg>',
  '"><script>window.__xss=1;alert(1)</script>',
];

/** The payloads inside a CSS attribute selector ("…"). */
const CSS_ESCAPED = PAYLOADS.map((p) => p.replace(/\\/g, '\\\\').replace(/"/g, '\\"'));

function hostileDiagram(): Diagram {
  return {
    id: 'hostile',
    title: PAYLOADS[3]!,
    nodes: PAYLOADS.map((p, i) => ({
      id: `n${i}`,
      kind: 'client' as const,
      label: p,
      notes: PAYLOADS[(i + 1) % PAYLOADS.length]!,
      position: { x: i * 240, y: 0 },
      size: { width: 200, height: 72 },
    })),
    edges: [{ id: 'e', source: 'n0', target: 'n1', kind: 'data', label: PAYLOADS[0]! }],
    viewport: { x: 0, y: 0, zoom: 1 },
  };
}

/** Nothing a payload would do happened: no flag, no dialog, no injected elements. */
async function expectInert(page: Page, dialogs: string[]) {
  await page.waitForTimeout(300);
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
  ).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expect(page.locator('img[src="x"], main svg[onload], a[href^="javascript:"]')).toHaveCount(
    0,
  );
  expect(
    await page
      .locator('script')
      .evaluateAll((els) => els.filter((e) => e.textContent?.includes('__xss')).length),
  ).toBe(0);
}

test('XSS payloads in labels, notes, files and links stay text and run nothing', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  // Typed into the editor.
  await page.goto('/diagrams/');
  await page.getByTestId('new-diagram').click();
  await page.getByTestId('diagram-title').fill(PAYLOADS[3]!);
  for (const p of PAYLOADS) {
    await page.getByTestId('palette-client').click();
    await page.getByTestId('inspector-label').fill(p);
    await page.getByTestId('inspector-notes').fill(p);
  }
  // Long labels are shortened on the canvas; the full text is the node's accessible name.
  await expect(
    page.locator(`.react-flow__node[aria-label="${CSS_ESCAPED[0]} (Client / app)"]`),
  ).toHaveCount(1);
  await expectInert(page, dialogs);

  // An imported JSON file and an imported SVG (whose own markup is hostile too).
  const json = exportDiagramJson(hostileDiagram());
  await page
    .getByTestId('import-input')
    .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await expect(page.getByTestId('diagram-title')).toHaveValue(PAYLOADS[3]!);
  await expect(
    page.locator(`.react-flow__node[aria-label="${CSS_ESCAPED[2]} (Client / app)"]`),
  ).toHaveCount(1);
  await expect(page.getByTestId('node-label').first()).toHaveText(/^<img src=x onerror=/);
  await expectInert(page, dialogs);
  const svg = embedInSvgMetadata(
    '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1"><script>window.__xss=1</script></svg>',
    hostileDiagram(),
  );
  await page
    .getByTestId('import-input')
    .setInputFiles({ name: 'x.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) });
  await expect(page.getByTestId('notice')).toContainText('x.svg');
  await expect(page.getByTestId('edge-label')).toHaveText(/^<img src=x/);
  expect(await page.locator('.react-flow__edge').getAttribute('aria-label')).toMatch(
    new RegExp(`: ${PAYLOADS[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
  );
  await node(page, 'client').first().click();
  await expect(page.getByTestId('inspector-notes')).toHaveValue(PAYLOADS[1]!);
  await expectInert(page, dialogs);

  // A share link and an embed.
  const fragment = encodeShareFragment(hostileDiagram());
  await page.goto(`/diagrams/#d=${fragment}`);
  await expect(page.getByTestId('shared-title')).toHaveText(PAYLOADS[3]!);
  await node(page, 'client').first().click();
  await expect(page.getByTestId('inspector-label-text')).toHaveText(PAYLOADS[0]!);
  await expectInert(page, dialogs);
  await page.goto(`/embed/#d=${fragment}`);
  await expect(page.locator('.react-flow__node').first()).toHaveAttribute(
    'aria-label',
    `${PAYLOADS[0]} (Client / app)`,
  );
  await expectInert(page, dialogs);
  await page.goto(`/embed/#d=${encodeURIComponent(PAYLOADS[0]!)}`);
  await expect(page.getByTestId('embed-error')).toBeVisible();
  await expectInert(page, dialogs);
});
