import { expect, test } from '@playwright/test';
import { LESSONS, PROGRESS_KEY, savedProgress, seedStorage, waitForProgress } from './helpers';

const GOOD = JSON.stringify({
  app: 'mlsd-lab',
  kind: 'progress',
  version: 1,
  savedAt: '2026-11-01T00:00:00.000Z',
  data: { lessons: { overview: { completedAt: '2026-11-01T00:00:00.000Z' } }, selfChecks: {} },
});

test('a corrupted progress entry is kept untouched, explained, downloadable, and backed up before starting fresh', async ({
  page,
}) => {
  const corrupt = '{"app":"mlsd-lab","kind":"progress","version":1,"data":{"lessons":{"overview"';
  await seedStorage(page, PROGRESS_KEY, corrupt);
  await page.goto('/learn/evaluation/');
  const banner = page.getByTestId('storage-banner');
  await expect(banner).toHaveAttribute('data-state', 'blocked-corrupt');
  await expect(banner).toContainText('could not be read');

  // The app still works, and nothing is written over the damaged data.
  await waitForProgress(page);
  await page.getByTestId('lesson-done').first().click();
  await expect(page.getByTestId('lesson-done').first()).toHaveAttribute('aria-pressed', 'true');
  expect(await savedProgress(page)).toBe(corrupt);

  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download a copy' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('mlsd-lab-progress-backup.json');

  await banner.getByRole('button', { name: /Start fresh/ }).click();
  await expect(banner).toHaveCount(0);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  const backup = keys.find((k) => k.startsWith(`${PROGRESS_KEY}.backup.`));
  expect(backup).toBeTruthy();
  expect(await page.evaluate((k) => localStorage.getItem(k), backup!)).toBe(corrupt);
  // The lesson marked done while blocked is saved now.
  await expect.poll(() => savedProgress(page)).toContain('"evaluation"');
});

test('progress written by a newer version is never overwritten', async ({ page }) => {
  const future = GOOD.replace('"version":1', '"version":99');
  await seedStorage(page, PROGRESS_KEY, future);
  await page.goto('/learn/overview/');
  await expect(page.getByTestId('storage-banner')).toHaveAttribute('data-state', 'blocked-future');
  await waitForProgress(page);
  await page.getByTestId('lesson-done').first().click();
  await page.waitForTimeout(200);
  expect(await savedProgress(page)).toBe(future);
});

test('damaged entries are set aside and the rest of the progress is kept', async ({ page }) => {
  const partly = GOOD.replace('"selfChecks":{}', '"selfChecks":{"overview/x":{"result":"maybe"}}');
  await seedStorage(page, PROGRESS_KEY, partly);
  await page.goto('/learn/overview/');
  await expect(page.getByTestId('storage-banner')).toHaveAttribute('data-state', 'repaired');
  await waitForProgress(page);
  await expect(page.getByTestId('lesson-done').first()).toHaveAttribute('aria-pressed', 'true');
});

test('a full storage quota shows a banner and keeps working in memory', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto('/learn/overview/');
  await waitForProgress(page);
  await page.getByTestId('lesson-done').first().click();
  await expect(page.getByTestId('storage-banner')).toHaveAttribute('data-state', 'save-failed');
  await expect(page.getByTestId('storage-banner')).toContainText('storage is full');
  await expect(page.getByTestId('lesson-done').first()).toHaveAttribute('aria-pressed', 'true');
});

test('progress can be exported and imported, and a bad file gets a clear error', async ({
  page,
}) => {
  await page.goto('/progress/');
  await expect(page.getByTestId('stat-lessons')).toContainText(`0 / ${LESSONS.length}`);
  await page
    .getByTestId('import-input')
    .setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(GOOD) });
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('1 lessons');
  await expect(page.getByTestId('stat-lessons')).toContainText(`1 / ${LESSONS.length}`);
  await page.getByTestId('import-input').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('not json'),
  });
  await expect(page.getByText("can't be imported")).toHaveAttribute('role', 'alert');
  await expect(page.getByTestId('stat-lessons')).toContainText(`1 / ${LESSONS.length}`);
});
