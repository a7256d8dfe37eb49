import { expect, test } from '@playwright/test';

test('home explains the product, links to the lessons and lists the case studies', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('ML system design interview');
  // The stylesheet really loaded: a missing or mis-typed CSS file would leave the default serif font and no accent colour.
  const button = page.getByRole('link', { name: 'Start with the interview overview' });
  await expect(button).toHaveCSS('background-color', 'rgb(10, 97, 201)');
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain(
    'system-ui',
  );

  const live = page.getByTestId('case-video-recs');
  await expect(live).toContainText('Live');
  await expect(live.getByRole('link', { name: 'Video recommendation' })).toHaveAttribute(
    'href',
    '/cases/video-recs/',
  );
  const ads = page.getByTestId('case-ad-click');
  await expect(ads).toContainText('Live');
  await expect(ads.getByRole('link', { name: 'Ad click prediction' })).toHaveAttribute(
    'href',
    '/cases/ad-click/',
  );
  for (const id of ['harmful-content', 'event-recs']) {
    const card = page.getByTestId(`case-${id}`);
    await expect(card).toContainText('Coming');
    await expect(card.locator('a')).toHaveCount(0);
  }
  await button.click();
  await expect(page).toHaveURL(/\/learn\/overview\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'The ML system design interview',
  );
});

test('an unknown address shows a helpful 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('the layout works at phone width: lesson menu collapses, nothing overflows', async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/learn/evaluation/');
  await expect(page.getByText('All lessons')).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByText('All lessons').click();
  await page.locator('details').getByRole('link', { name: 'Data preparation' }).click();
  await expect(page).toHaveURL(/data-preparation/);
});
