import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const DB = 'mlsd-lab-documents';
const LIBRARY_KEY = 'mlsd-lab:diagrams';
const diagramKey = (id: string) => `mlsd-lab:diagram:${id}`;

/** Writes entries into the documents database from a page that runs no app code. */
async function seedIdb(page: Page, entries: Record<string, string>) {
  await page.goto('/search-index.json');
  await page.evaluate(
    async ([db, values]) => {
      const open = indexedDB.open(db);
      open.onupgradeneeded = () => open.result.createObjectStore('documents');
      const conn = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = conn.transaction('documents', 'readwrite');
      for (const [k, v] of Object.entries(values)) tx.objectStore('documents').put(v, k);
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      conn.close();
    },
    [DB, entries] as const,
  );
}

/** Every key and value in the documents database. */
async function readIdb(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async (db) => {
    const open = indexedDB.open(db);
    open.onupgradeneeded = () => open.result.createObjectStore('documents');
    const conn = await new Promise<IDBDatabase>(
      (resolve) => (open.onsuccess = () => resolve(open.result)),
    );
    const store = conn.transaction('documents').objectStore('documents');
    const [keys, values] = await Promise.all(
      [store.getAllKeys(), store.getAll()].map(
        (r) =>
          new Promise<unknown[]>((resolve) => (r.onsuccess = () => resolve(r.result as unknown[]))),
      ),
    );
    conn.close();
    return Object.fromEntries(keys!.map((k, i) => [String(k), String(values![i])]));
  }, DB);
}

async function openLibrary(page: Page) {
  await page.goto('/diagrams/');
  await expect(page.getByTestId('library')).toHaveAttribute('data-state', 'ready');
}

const node = (page: Page, kind: string) =>
  page.locator(`.react-flow__node:has([data-kind="${kind}"])`);
const saved = (page: Page) =>
  expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

test('autosave: a reload brings the diagram back, and pagehide flushes pending changes', async ({
  page,
}) => {
  await openLibrary(page);
  await page.getByTestId('new-diagram').click();
  await page.getByTestId('diagram-title').fill('Feed ranking');
  await page.getByTestId('palette-ranking-service').click();
  await page.getByTestId('inspector-label').fill('Ranker v2');
  await saved(page);
  await page.reload();
  await expect(page.getByTestId('diagram-title')).toHaveValue('Feed ranking');
  await expect(node(page, 'ranking-service').getByTestId('node-label')).toHaveText('Ranker v2');

  // A change made just before leaving (no time for the debounced save) is kept by pagehide.
  const url = page.url();
  await node(page, 'ranking-service').click();
  await page.getByTestId('inspector-notes').fill('kept on pagehide');
  await page.goto('/search-index.json');
  await page.goto(url);
  await expect(node(page, 'ranking-service').getByTestId('node-notes')).toHaveText(
    'kept on pagehide',
  );
  await saved(page);
  expect(Object.values(await readIdb(page)).some((v) => v.includes('kept on pagehide'))).toBe(true);
  expect(
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('rescue'))),
  ).toEqual([]);

  await openLibrary(page);
  await expect(page.getByTestId('library-entry')).toHaveCount(1);
  await expect(page.getByTestId('library-entry')).toContainText('Feed ranking');
});

test('several diagrams: create, rename, duplicate, delete after confirming', async ({ page }) => {
  await openLibrary(page);
  for (const title of ['First design', 'Second design']) {
    await page.getByTestId('new-diagram').click();
    await page.getByTestId('diagram-title').fill(title);
    await page.getByTestId('palette-client').click();
    await saved(page);
    await page.getByTestId('back-to-library').click();
  }
  const entries = page.getByTestId('library-entry');
  await expect(entries).toHaveCount(2);

  const first = entries.filter({ hasText: 'First design' });
  await first.getByTestId('rename-diagram').click();
  await page.getByTestId('rename-input').fill('Renamed design');
  await page.getByTestId('rename-save').click();
  await expect(entries.filter({ hasText: 'Renamed design' })).toHaveCount(1);

  await entries.filter({ hasText: 'Second design' }).getByTestId('duplicate-diagram').click();
  await expect(entries).toHaveCount(3);
  await expect(entries.filter({ hasText: 'Second design (copy)' })).toHaveCount(1);

  await entries.filter({ hasText: 'Renamed design' }).getByTestId('delete-diagram').click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('confirm-cancel').click();
  await expect(entries).toHaveCount(3);
  await entries.filter({ hasText: 'Renamed design' }).getByTestId('delete-diagram').click();
  await dialog.getByTestId('confirm-ok').click();
  await expect(entries).toHaveCount(2);

  await page.reload();
  await expect(entries).toHaveCount(2);
  await entries.filter({ hasText: 'Second design (copy)' }).getByTestId('open-diagram').click();
  await expect(page.getByTestId('diagram-title')).toHaveValue('Second design (copy)');
  await expect(node(page, 'client')).toHaveCount(1);
});

test('a reference opens read-only, and "Use as template" makes an editable copy', async ({
  page,
}) => {
  await openLibrary(page);
  await page.getByTestId('reference-video-recs').click();
  const view = page.getByTestId('reference-view');
  await expect(view).toBeVisible();
  const count = await page.locator('.react-flow__node').count();
  expect(count).toBeGreaterThanOrEqual(18);
  await expect(page.getByTestId('palette')).toHaveCount(0);
  await expect(page.locator('.react-flow__node.draggable')).toHaveCount(0);
  await node(page, 'ann-index').click();
  await expect(page.getByTestId('inspector-notes-text')).toContainText('Nearest video embeddings');
  await expect(page.getByTestId('inspector-label')).toHaveCount(0);
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(count);

  await page.getByTestId('use-template').click();
  await expect(page.getByTestId('diagram-editor')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(count);
  await node(page, 'ann-index').click();
  await page.getByTestId('inspector-label').fill('My ANN');
  await saved(page);

  await page.goto('/diagrams/?ref=video-recs');
  await expect(node(page, 'ann-index').getByTestId('node-label')).toHaveText('ANN index');
});

test('corrupt data in IndexedDB: banner, nothing overwritten, download, backup before starting fresh', async ({
  page,
}) => {
  const corrupt = '{"app":"mlsd-lab","kind":"diagram","version":2,"data":{"nodes":[{"id"';
  const future = JSON.stringify({
    app: 'mlsd-lab',
    kind: 'diagram',
    version: 99,
    savedAt: '2030-01-01T00:00:00.000Z',
    data: {},
  });
  const good = JSON.stringify({
    app: 'mlsd-lab',
    kind: 'diagram',
    version: 2,
    savedAt: '2026-11-01T00:00:00.000Z',
    data: { id: 'good', title: 'Kept safe', nodes: [], edges: [] },
  });
  const damagedList = '{"app":"mlsd-lab","kind":"diagram-library","version":1,"data":{"diagrams":[';
  await seedIdb(page, {
    [LIBRARY_KEY]: damagedList,
    [diagramKey('bad')]: corrupt,
    [diagramKey('newer')]: future,
    [diagramKey('good')]: good,
  });

  // The damaged list is left alone; the diagrams are found in storage anyway.
  await openLibrary(page);
  await expect(page.getByTestId('library-banner')).toHaveAttribute('data-state', 'blocked-corrupt');
  await expect(page.getByTestId('library-entry')).toHaveCount(3);
  await expect(page.getByTestId('library-entry').filter({ hasText: 'Kept safe' })).toHaveCount(1);

  await page.goto('/diagrams/?id=bad');
  const banner = page.getByTestId('diagram-storage-banner');
  await expect(banner).toHaveAttribute('data-state', 'blocked-corrupt');
  await expect(banner).toContainText('could not be read');
  // Editing still works in the tab, and nothing is written over the damaged copy.
  await page.getByTestId('palette-client').click();
  await expect(node(page, 'client')).toHaveCount(1);
  await page.waitForTimeout(800);
  expect((await readIdb(page))[diagramKey('bad')]).toBe(corrupt);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'blocked');

  const download = page.waitForEvent('download');
  await banner.getByTestId('download-raw').click();
  expect(readFileSync(await (await download).path(), 'utf8')).toBe(corrupt);

  await banner.getByTestId('start-fresh').click();
  await expect(banner).toHaveCount(0);
  await saved(page);
  const after = await readIdb(page);
  const backup = Object.keys(after).find((k) => k.startsWith(`${diagramKey('bad')}.backup.`));
  expect(backup && after[backup]).toBe(corrupt);
  expect(after[diagramKey('bad')]).toContain('"kind":"client"');

  // Data from a newer version is never overwritten, and cannot be "started fresh" over.
  await page.goto('/diagrams/?id=newer');
  await expect(banner).toHaveAttribute('data-state', 'blocked-future');
  await expect(banner.getByTestId('start-fresh')).toHaveCount(0);
  await page.getByTestId('palette-client').click();
  await page.waitForTimeout(800);
  expect((await readIdb(page))[diagramKey('newer')]).toBe(future);
  expect((await readIdb(page))[LIBRARY_KEY]).toBe(damagedList);
});

test('a full disk: the banner says so, the work stays in the tab, and saving resumes', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
      if ((window as unknown as { failWrites?: boolean }).failWrites)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await openLibrary(page);
  await page.getByTestId('new-diagram').click();
  await page.getByTestId('palette-client').click();
  await saved(page);
  await page.evaluate(() => ((window as unknown as { failWrites: boolean }).failWrites = true));
  await page.getByTestId('palette-model-registry').click();
  const banner = page.getByTestId('diagram-storage-banner');
  await expect(banner).toHaveAttribute('data-state', 'save-failed');
  await expect(banner).toContainText('storage is full');
  await expect(node(page, 'model-registry')).toHaveCount(1);
  await page.evaluate(() => ((window as unknown as { failWrites: boolean }).failWrites = false));
  await banner.getByRole('button', { name: 'Try again' }).click();
  await saved(page);
  await expect(banner).toHaveCount(0);
  await page.reload();
  await expect(node(page, 'model-registry')).toHaveCount(1);
});
