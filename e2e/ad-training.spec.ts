import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { waitForApp } from './helpers';

/**
 * The ad page's training what-ifs: a logistic regression without its hand-made crosses trains
 * in a worker, loses AUC against the shipped DCN-V2 with an interval below zero, is saved and
 * hot-swapped into the page's serving worker, stays served across a reload, and the shipped
 * version comes back with one click. Cancelling saves nothing.
 */

async function open(page: Page) {
  await page.goto('/cases/ad-click/');
  await waitForApp(page);
  await expect(page.getByTestId('system-info')).toBeVisible({ timeout: 60_000 });
  // The shipped DCN-V2 is listed and serving before anything is trained.
  await expect(shippedRow(page)).toContainText('serving', { timeout: 30_000 });
}

const shippedRow = (page: Page) =>
  page.locator('[data-testid="adtrain-version"][data-source="shipped"]');
const mineRow = (page: Page) =>
  page.locator('[data-testid="adtrain-version"][data-source="browser"]');

async function chooseLrWithoutCrosses(page: Page) {
  await page.getByTestId('adtrain-ranker').selectOption('lr');
  await page.getByTestId('adtrain-group-crosses').uncheck();
  await expect(page.getByTestId('adtrain-cross-layers')).toBeDisabled();
}

async function axe(page: Page, testId: string) {
  const r = await new AxeBuilder({ page }).include(`[data-testid="${testId}"]`).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id);
}

test('train LR without crosses: it loses AUC to the shipped DCN-V2; save, serve, reload, switch back', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await open(page);
  const panel = page.getByTestId('adtrain');
  await chooseLrWithoutCrosses(page);
  // The variant lives in the URL.
  await expect(page).toHaveURL(/vranker=lr&vdrop=crosses/);
  await page.getByTestId('adtrain-start').click();
  await expect(panel.getByRole('progressbar')).toBeVisible();
  await expect(page.getByTestId('adtrain-loss')).toBeVisible({ timeout: 90_000 });
  await expect(panel).toHaveAttribute('data-state', 'done', { timeout: 120_000 });

  const run = page.getByTestId('adtrain-run');
  await expect(run).toHaveCount(1);
  await expect(run).toContainText('LR without crosses');
  await expect(run).toContainText('worse than shipped');
  const delta = Number(await run.getAttribute('data-auc-delta'));
  expect(delta).toBeLessThan(-0.02);
  const ratio = Number(await run.getAttribute('data-calibration-ratio'));
  expect(Math.abs(ratio - 1)).toBeLessThan(0.15);
  await expect(page.getByTestId('adtrain-auc-chart').locator('canvas')).toBeAttached();
  await expect(page.getByTestId('adtrain-reliability-chart').locator('canvas')).toBeAttached();
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    expect(await axe(page, 'adtrain')).toEqual([]);
  }

  await run.getByTestId('adtrain-save').click();
  await expect(page.getByTestId('adtrain-message')).toContainText('Saved as version 2');
  await expect(mineRow(page)).toContainText('serving');
  // The serving worker now ranks with it in place of the shipped LR.
  const info = page.getByTestId('system-info');
  await expect(info).toContainText('local:ad-click-ranker@2', { timeout: 30_000 });
  await expect(run).toContainText('version 2');
  expect(await axe(page, 'adtrain-versions-panel')).toEqual([]);

  await page.reload();
  await waitForApp(page);
  await expect(mineRow(page)).toContainText('serving', { timeout: 30_000 });
  await expect(mineRow(page)).toContainText('LR without crosses');
  await expect(page.getByTestId('adtrain-ranker')).toHaveValue('lr');
  await expect(page.getByTestId('adtrain-group-crosses')).not.toBeChecked();
  await expect(shippedRow(page)).not.toContainText('serving');
  await expect(info).toContainText('local:ad-click-ranker@2', { timeout: 30_000 });

  await shippedRow(page).getByRole('button', { name: 'Serve version 1' }).click();
  await expect(shippedRow(page)).toContainText('serving');
  await expect(info).not.toContainText('local:', { timeout: 30_000 });
  await expect(mineRow(page).getByRole('button', { name: 'Serve version 2' })).toBeVisible();
});

test('cancelling a training run saves nothing; a spec with no feature left is refused', async ({
  page,
}) => {
  await open(page);
  const panel = page.getByTestId('adtrain');
  await page.getByTestId('adtrain-start').click();
  await expect(panel.getByRole('progressbar')).toBeVisible();
  await page.getByTestId('adtrain-cancel').click();
  await expect(page.getByTestId('adtrain-cancelled')).toContainText('nothing was saved');
  await expect(panel).toHaveAttribute('data-state', 'cancelled');
  await expect(page.getByTestId('adtrain-run')).toHaveCount(0);
  await expect(page.getByTestId('adtrain-version')).toHaveCount(1);

  await page.getByTestId('adtrain-ranker').selectOption('mlp');
  for (const box of await panel
    .locator('input[type="checkbox"][data-testid^="adtrain-group-"]')
    .all()) {
    await box.uncheck();
  }
  await expect(page.getByTestId('adtrain-invalid')).toContainText('at least one feature group');
  await expect(page.getByTestId('adtrain-start')).toBeDisabled();
  expect(await axe(page, 'adtrain')).toEqual([]);
});
