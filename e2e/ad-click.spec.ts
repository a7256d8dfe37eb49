import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// The page generates the ad world, loads three rankers and scores the held-out days.
test.setTimeout(150_000);
const LOAD = { timeout: 90_000 };

const winners = (page: Page) =>
  page.getByTestId('ad-slot').evaluateAll((els) => els.map((e) => e.textContent ?? ''));

async function served(page: Page) {
  await expect(page.getByTestId('candidates-table')).toBeVisible(LOAD);
  await expect(page.getByTestId('served-by')).toBeVisible(LOAD);
}

async function measured(page: Page) {
  await expect(page.getByTestId('metrics-table')).toBeVisible(LOAD);
  await expect(page.getByTestId('ad-metrics')).toHaveAttribute('aria-busy', 'false', LOAD);
}

test('a learner runs a request, changes ranker, pricing and reserve, and sees the auction change', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/cases/ad-click/?user=12&reserve=0.05');
  await served(page);
  await expect(page.getByTestId('provider')).toHaveText(/wasm|webgpu/);
  await expect(page.getByTestId('ad-slot')).toHaveCount(3);
  const waterfall = page.getByTestId('latency-waterfall');
  for (const stage of ['targeting', 'retrieval', 'features', 'ranking', 'calibration', 'auction'])
    await expect(waterfall.getByRole('rowheader', { name: stage })).toBeAttached();
  await expect(waterfall).toContainText('of the 100 ms budget');
  await expect(page.getByTestId('candidates-table')).toContainText('passed targeting');

  // Second price charges less than the bid; first price charges the bid.
  const second = await winners(page);
  await page.getByTestId('pricing').selectOption('first');
  await expect.poll(() => winners(page), LOAD).not.toEqual(second);
  await expect(page.getByTestId('served-by')).toBeVisible();
  await expect(page).toHaveURL(/pricing=first/);

  // Another ranker prices the candidates differently.
  const byDcn = await page.getByTestId('candidates-table').textContent();
  await page.getByTestId('ranker').selectOption('lr');
  await expect(page.getByTestId('served-by')).toContainText('Logistic regression', LOAD);
  expect(await page.getByTestId('candidates-table').textContent()).not.toEqual(byDcn);
  await expect(page).toHaveURL(/ranker=lr/);

  // A reserve above every bid leaves the slots empty, and says why.
  await page.getByTestId('reserve').fill('5');
  await expect(page.getByTestId('no-winner')).toBeVisible(LOAD);
  await expect(page.getByTestId('candidates-table')).toContainText('below reserve');

  // Offline metrics with plots, every ranker and the Bayes reference.
  await measured(page);
  await expect(page.getByTestId('metrics-table')).toContainText('Bayes-optimal');
  await expect(page.getByTestId('metric-auc')).toHaveCount(4);
  for (const id of ['roc-chart', 'pr-chart', 'reliability-chart'])
    await expect(page.getByTestId(id)).toBeVisible();
  expect(errors).toEqual([]);
});

test('calibration changes the metrics: raw downsampled scores are badly calibrated', async ({
  page,
}) => {
  await page.goto('/cases/ad-click/?cal=none');
  await measured(page);
  const rawEce = Number(await page.getByTestId('metric-ece').first().textContent());
  await page.getByTestId('calibration').selectOption('platt');
  await expect(page).toHaveURL(/cal=platt/);
  await expect
    .poll(async () => Number(await page.getByTestId('metric-ece').first().textContent()), LOAD)
    .toBeLessThan(rawEce / 3);
});

test('a short A/B test runs to the end with intervals and a sample size', async ({ page }) => {
  await page.goto('/cases/ad-click/');
  await served(page);
  await page.getByTestId('ab-total').fill('3000');
  await page.getByTestId('ab-start').click();
  await expect(page.getByTestId('ab-results')).toBeVisible(LOAD);
  // Pause holds the test where it is; resume carries it on to the end.
  await page.getByTestId('ab-pause').click();
  await expect(page.getByTestId('ab-resume')).toBeVisible(LOAD);
  await expect(page.getByRole('progressbar', { name: 'A/B test' })).toHaveAttribute(
    'aria-valuetext',
    /paused/,
  );
  await page.getByTestId('ab-resume').click();
  await expect(page.getByTestId('ab-start')).toHaveText('Run again', LOAD);
  await expect(page.getByTestId('ab-ctr-diff')).toHaveText(/%/);
  await expect(page.getByTestId('ab-ctr-chart')).toBeVisible();
  await expect(page.getByTestId('ab-sample-size')).toContainText('requests per arm');
});

test('a shared link reopens the same state', async ({ page, context }) => {
  await page.goto('/cases/ad-click/?user=77&hour=9&device=ios&placement=reels&ranker=mlp&slots=2');
  await served(page);
  await expect(page.getByTestId('ad-slot')).toHaveCount(2);
  // A random request changes the URL; the link still reopens what is on screen.
  await page.getByTestId('randomize').click();
  await expect(page).not.toHaveURL(/user=77&/, LOAD);
  await served(page);
  await expect(page.getByTestId('ad-slot')).toHaveCount(2);
  await expect
    .poll(() => page.getByTestId('user-profile').textContent())
    .toContain(`User ${await page.getByTestId('user').inputValue()}:`);
  const url = page.url();
  const slots = await winners(page);
  const again = await context.newPage();
  await again.goto(url);
  await served(again);
  await expect(again.getByTestId('user')).toHaveValue(await page.getByTestId('user').inputValue());
  await expect(again.getByTestId('ranker')).toHaveValue('mlp');
  await expect(again.getByTestId('hour')).toHaveValue(await page.getByTestId('hour').inputValue());
  expect(await winners(again)).toEqual(slots);
});

test('bad URL values fall back with a notice and the page still works', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/cases/ad-click/?ranker=<script>&reserve=-1&slots=99&device=fax&user=999999');
  const notices = page.getByTestId('url-notices');
  await expect(notices).toContainText('"ranker=<script>"');
  await expect(notices).toContainText('"reserve=-1"');
  await expect(notices).toContainText('"device=fax"');
  await expect(notices).toContainText('User 999999 does not exist here', LOAD);
  await served(page);
  await expect(page.getByTestId('ad-slot')).toHaveCount(3);
  expect(errors).toEqual([]);
});

test('a reference-diagram node shows its stage of the current request', async ({ page }) => {
  await page.goto('/cases/ad-click/?user=3');
  await served(page);
  const viewer = page.getByTestId('diagram-viewer');
  await viewer.locator('.react-flow__node[data-id="ranking"]').click();
  const detail = page.getByTestId('stage-detail');
  await expect(detail).toContainText('stage “ranking”');
  await expect(detail).toContainText('stage “calibration”');
  await expect(detail).toContainText('DCN-V2');
  await expect(page.getByTestId('stage-latency').first()).toHaveText(/\d+\.\d\d ms/);
  await viewer.locator('.react-flow__node[data-id="auction"]').focus();
  await page.keyboard.press('Enter');
  await expect(detail).toContainText('stage “auction”');
  await expect(detail).toContainText('second-price');
});

for (const theme of ['light', 'dark'] as const)
  test(`the loaded page has no serious accessibility violations (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/cases/ad-click/?user=5');
    await served(page);
    await measured(page);
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
      [],
    );
  });

test('the loaded page fits a phone screen without sideways scrolling', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/cases/ad-click/');
  await expect(page.getByTestId('metrics-table')).toBeVisible({ timeout: 90_000 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
});
