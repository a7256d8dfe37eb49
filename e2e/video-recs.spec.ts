import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// The page generates a world and embeds it in a worker before the first feed.
test.setTimeout(120_000);
const LOAD = { timeout: 60_000 };

async function feedTitles(page: Page) {
  return page.getByTestId('feed-video').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
}

async function settled(page: Page) {
  await expect(page.getByTestId('feed-video')).toHaveCount(20, LOAD);
  await expect(page.getByTestId('metric-recall')).toBeVisible(LOAD);
  await expect(page.getByTestId('metrics')).toHaveAttribute('aria-busy', 'false', LOAD);
}

test('a learner sees a ranked feed, the waterfall, and changes the system', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/cases/video-recs/?user=12');
  await settled(page);
  await expect(page.getByTestId('provider')).toHaveText(/wasm|webgpu/);
  const waterfall = page.getByTestId('latency-waterfall');
  for (const stage of ['user tower', 'search', 'feature lookup', 'ranking', 're-rank'])
    await expect(waterfall.getByRole('rowheader', { name: stage })).toBeAttached();
  await expect(waterfall).toContainText('of the 200 ms budget');
  const first = page.getByTestId('feed-video').first();
  await expect(first).toContainText('P(click)');
  await expect(first).toContainText('retrieved #');

  // The ranker changes the feed and the metrics.
  const before = await feedTitles(page);
  const ndcgBefore = await page.getByTestId('metric-ndcg').textContent();
  await page.getByLabel('none').check();
  await expect.poll(() => feedTitles(page), LOAD).not.toEqual(before);
  await expect(first).toContainText('P(click) —');
  await expect(page.getByTestId('metric-ndcg')).not.toHaveText(ndcgBefore!, LOAD);
  await expect(page).toHaveURL(/ranker=none/);

  // Approximate search builds the index and serves from it.
  await page.getByLabel(/approximate \(IVF/).check();
  await expect(page).toHaveURL(/search=ivf/);
  await settled(page);

  // A click is logged.
  const title = (await first.locator('span').nth(1).locator('span').first().textContent())!;
  await first.click();
  await expect(page.getByTestId('click-log')).toContainText(title);
  await expect(page.getByRole('heading', { name: 'Click log (1)' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a shared link reopens the same state', async ({ page, context }) => {
  await page.goto('/cases/video-recs/?user=7&k=200&ranker=logreg&div=0.5');
  await settled(page);
  await expect(page.getByTestId('control-candidates')).toHaveValue('200');
  await expect(page.getByLabel('logistic regression')).toBeChecked();
  const url = page.url();
  const titles = await feedTitles(page);
  const again = await context.newPage();
  await again.goto(url);
  await settled(again);
  await expect(again.getByTestId('user-id')).toHaveValue('7');
  await expect(again.getByTestId('control-diversity')).toHaveValue('0.5');
  expect(await feedTitles(again)).toEqual(titles);
});

test('a new user picks interests and gets a feed from them', async ({ page }) => {
  await page.goto('/cases/video-recs/');
  await settled(page);
  await page.getByTestId('new-user').check();
  const interests = page.getByTestId('interests');
  await interests.getByLabel('Drama', { exact: true }).check();
  await interests.getByLabel('Comedy', { exact: true }).uncheck();
  await expect(page).toHaveURL(/user=new&interests=Drama/, LOAD);
  // The interests steer retrieval (about half the candidates are dramas against a tenth of
  // the catalogue); the ranker and the diversity pass mix in other genres.
  await expect
    .poll(() => page.getByTestId('feed').getByText('matches your interest in Drama').count(), LOAD)
    .toBeGreaterThanOrEqual(3);
});

test('bad URL values fall back with a notice and the page still works', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/cases/video-recs/?seed=abc&size=7m&k=-5&ranker=<script>&wc=NaN&user=999999');
  const notices = page.getByTestId('url-notices');
  await expect(notices).toContainText('"size=7m"');
  await expect(notices).toContainText('"ranker=<script>"');
  await expect(page.getByTestId('feed-video')).toHaveCount(20, LOAD);
  await expect(notices).toContainText('User 999999 does not exist here');
  expect(errors).toEqual([]);
});

test('a reference-diagram node shows its stage of the current request', async ({ page }) => {
  await page.goto('/cases/video-recs/?user=3');
  await settled(page);
  const viewer = page.getByTestId('diagram-viewer');
  await viewer.locator('.react-flow__node[data-id="ranking"]').click();
  const detail = page.getByTestId('stage-detail');
  await expect(detail).toContainText('stage “ranking”');
  await expect(detail).toContainText('DCN-V2');
  await expect(page.getByTestId('stage-latency')).toHaveText(/\d+\.\d\d ms/);
  // The keyboard works too: focus the ANN index node and press Enter.
  await viewer.locator('.react-flow__node[data-id="ann"]').focus();
  await page.keyboard.press('Enter');
  await expect(detail).toContainText('stage “search”');
  await expect(detail).toContainText('candidates by inner product');
});

for (const theme of ['light', 'dark'] as const)
  test(`the loaded page has no serious accessibility violations (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/cases/video-recs/?user=5');
    await settled(page);
    await page.getByTestId('feed-video').first().click();
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
      [],
    );
  });

test('the loaded page fits a phone screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/cases/video-recs/?user=5');
  await expect(page.getByTestId('feed-video').first()).toBeVisible({ timeout: 60_000 });
  await settled(page);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
});
