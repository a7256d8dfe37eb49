import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** Opens a new, empty diagram in the editor. */
async function newDiagram(page: Page) {
  await page.goto('/diagrams/');
  await expect(page.getByTestId('library')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('new-diagram').click();
  await expect(page.getByTestId('diagram-editor')).toBeVisible();
}

const nodes = (page: Page) => page.locator('.react-flow__node');
const node = (page: Page, kind: string) =>
  page.locator(`.react-flow__node:has([data-kind="${kind}"])`);
const edges = (page: Page) => page.locator('.react-flow__edge');

/** The node's position on the canvas, from React Flow's transform. */
async function position(page: Page, kind: string) {
  const transform = await node(page, kind).evaluate((el) => (el as HTMLElement).style.transform);
  const [, x, y] = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(transform) ?? [];
  return { x: Number(x), y: Number(y) };
}

/** Drops a palette entry on the canvas at a point (relative to the canvas's top-left corner). */
async function dropFromPalette(page: Page, kind: string, x: number, y: number) {
  await page.getByTestId(`palette-${kind}`).dragTo(page.locator('.react-flow__pane'), {
    targetPosition: { x, y },
  });
  await expect(node(page, kind)).toHaveCount(1);
}

async function connectByMouse(page: Page, from: string, to: string) {
  const source = node(page, from).locator('.react-flow__handle.source');
  const target = node(page, to).locator('.react-flow__handle.target');
  await source.hover();
  await page.mouse.down();
  const box = (await target.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
}

test('draw: add from the palette, connect, rename, add notes and delete', async ({ page }) => {
  await newDiagram(page);
  // Computed styles prove the stylesheet loaded (a wrong MIME type would drop it silently).
  await expect(page.getByTestId('palette-api-gateway')).toHaveCSS('cursor', 'grab');

  await page.getByTestId('palette-api-gateway').click();
  await expect(node(page, 'api-gateway')).toHaveAttribute('aria-label', 'API gateway');
  await dropFromPalette(page, 'ranking-service', 650, 300);
  await expect(nodes(page)).toHaveCount(2);

  await connectByMouse(page, 'api-gateway', 'ranking-service');
  await expect(edges(page)).toHaveCount(1);
  await expect(edges(page).first()).toHaveAttribute(
    'aria-label',
    'Data flow from API gateway to Ranking service',
  );

  // The new connection is selected: the side panel changes its kind and label.
  await page.getByTestId('edge-kind').selectOption('request');
  await page.getByTestId('edge-label-input').fill('score candidates');
  await expect(page.getByTestId('edge-label')).toHaveText('score candidates');
  await expect(edges(page).first()).toHaveAttribute(
    'aria-label',
    'Request path from API gateway to Ranking service: score candidates',
  );

  await node(page, 'api-gateway').click();
  await page.getByTestId('inspector-label').fill('Edge gateway');
  await page.getByTestId('inspector-notes').fill('Auth + limits');
  await expect(node(page, 'api-gateway').getByTestId('node-label')).toHaveText('Edge gateway');
  await expect(node(page, 'api-gateway').getByTestId('node-notes')).toHaveText('Auth + limits');
  await expect(node(page, 'api-gateway')).toHaveAttribute(
    'aria-label',
    'Edge gateway (API gateway)',
  );
  await expect(edges(page).first()).toHaveAttribute('aria-label', /from Edge gateway to Ranking/);

  await node(page, 'ranking-service').click();
  await page.keyboard.press('Delete');
  await expect(nodes(page)).toHaveCount(1);
  await expect(edges(page)).toHaveCount(0);
});

test('undo and redo, with the shortcuts and the buttons', async ({ page }) => {
  await newDiagram(page);
  await page.getByTestId('palette-client').click();
  await page.getByTestId('palette-cdn').click();
  await expect(nodes(page)).toHaveCount(2);
  await node(page, 'cdn').click();
  await page.getByTestId('inspector-label').fill('Edge cache');

  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect(node(page, 'cdn').getByTestId('node-label')).toHaveText('CDN');
  await page.keyboard.press('Control+z');
  await expect(nodes(page)).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(nodes(page)).toHaveCount(2);
  await page.keyboard.press('Control+y');
  await expect(node(page, 'cdn').getByTestId('node-label')).toHaveText('Edge cache');
  await expect(page.getByTestId('redo')).toBeDisabled();
  await page.getByTestId('undo').click();
  await page.getByTestId('undo').click();
  await page.getByTestId('undo').click();
  await expect(nodes(page)).toHaveCount(0);
  await expect(page.getByTestId('undo')).toBeDisabled();
  await page.getByTestId('redo').click();
  await expect(nodes(page)).toHaveCount(1);

  // A drag is one undo step.
  const before = await position(page, 'client');
  const box = (await node(page, 'client').boundingBox())!;
  await page.mouse.move(box.x + 60, box.y + 30);
  await page.mouse.down();
  await page.mouse.move(box.x + 200, box.y + 130, { steps: 10 });
  await page.mouse.up();
  expect((await position(page, 'client')).x).toBeGreaterThan(before.x + 100);
  await page.keyboard.press('Control+z');
  expect(await position(page, 'client')).toEqual(before);
});

test('keyboard only: add with Enter, move with the arrows, connect from the list, delete', async ({
  page,
}) => {
  await newDiagram(page);
  await page.getByTestId('palette-feature-store-online').focus();
  await page.keyboard.press('Enter');
  const store = node(page, 'feature-store-online');
  await expect(store).toBeFocused();
  const start = await position(page, 'feature-store-online');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await expect
    .poll(() => position(page, 'feature-store-online'))
    .toEqual({
      x: start.x + 40,
      y: start.y + 80,
    });

  await page.getByTestId('palette-ranking-service').focus();
  await page.keyboard.press('Enter');
  await expect(node(page, 'ranking-service')).toBeFocused();
  await expect(page.getByTestId('announcement')).toContainText('Added Ranking service');

  // The selected node is the start; choose the end from the list and connect.
  await page.getByTestId('connect-target').focus();
  await page.getByTestId('connect-target').selectOption({ label: 'Feature store (online)' });
  await page.getByTestId('connect-kind').selectOption('request');
  await page.getByTestId('connect-label').fill('features');
  await page.getByTestId('connect-label').press('Enter');
  await expect(edges(page)).toHaveCount(1);
  await expect(edges(page).first()).toHaveAttribute(
    'aria-label',
    'Request path from Ranking service to Feature store (online): features',
  );
  await expect(page.getByTestId('node-connections')).toContainText(
    'Request path from Ranking service',
  );

  // Focus the other node, select it with Enter, delete it with Backspace.
  await store.focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await expect(store.getByTestId('diagram-node')).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('Backspace');
  await expect(nodes(page)).toHaveCount(1);
  await expect(edges(page)).toHaveCount(0);
});

test('copy, paste, duplicate, select all, arrange and zoom to fit', async ({ page }) => {
  await newDiagram(page);
  await page.getByTestId('palette-event-log').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(node(page, 'event-log')).toHaveCount(2);
  await page.keyboard.press('Control+d');
  await expect(node(page, 'event-log')).toHaveCount(3);
  await page.getByTestId('palette-online-area').click();
  await page.keyboard.press('Control+a');
  await expect(page.getByTestId('multi-panel')).toContainText('4 nodes');
  await page.getByTestId('auto-layout').click();
  await expect(page.getByTestId('announcement')).toContainText('Arranged');
  await page.getByTestId('fit-view').click();
  await page.keyboard.press('Delete');
  await expect(nodes(page)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(nodes(page)).toHaveCount(4);
});

test('areas: a node dropped in an online area belongs to it and moves with it', async ({
  page,
}) => {
  await newDiagram(page);
  await page.getByTestId('palette-online-area').click();
  const area = node(page, 'online-area');
  const box = (await area.boundingBox())!;
  const canvas = (await page.locator('.react-flow__pane').boundingBox())!;
  await dropFromPalette(page, 'model-server', box.x - canvas.x + 150, box.y - canvas.y + 120);
  const before = (await node(page, 'model-server').boundingBox())!;

  const download = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const saved = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  const [areaNode, child] = saved.data.nodes;
  expect(areaNode.kind).toBe('online-area');
  expect(child).toMatchObject({ kind: 'model-server', parentId: areaNode.id });

  // Drag the area by its title: what is inside comes along.
  await page.mouse.move(box.x + 60, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + 160, box.y + 80, { steps: 8 });
  await page.mouse.up();
  const after = (await node(page, 'model-server').boundingBox())!;
  expect(after.x - before.x).toBeGreaterThan(60);
  expect(after.y - before.y).toBeGreaterThan(30);
});

test('the editor has no serious accessibility violations, light and dark', async ({ page }) => {
  await newDiagram(page);
  await page.getByTestId('palette-client').click();
  await page.getByTestId('palette-api-gateway').click();
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map((v) => `${theme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3)}`),
    ).toEqual([]);
  }
});
