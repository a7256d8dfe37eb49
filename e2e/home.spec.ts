import { expect, test } from '@playwright/test';
import { CASE_STUDIES } from '../lib/catalogue';

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

  // Each case links its lesson and its live page once they exist, and nothing before.
  for (const c of CASE_STUDIES) {
    const card = page.getByTestId(`case-${c.id}`);
    await expect(card).toContainText(c.status === 'live' ? 'Live' : 'Coming');
    const hrefs = await card
      .locator('a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const expected = [
      ...(c.status === 'live' ? [`/cases/${c.id}/`] : []),
      ...(c.lesson ? [`/learn/${c.lesson}/`] : []),
    ];
    expect(new Set(hrefs)).toEqual(new Set(expected));
  }
  await expect(
    page.getByTestId('case-video-recs').getByRole('link', { name: 'Run the system' }),
  ).toHaveAttribute('href', '/cases/video-recs/');
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

test('the header and footer reach every section; the case studies page lists the cases', async ({
  page,
}) => {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Case studies' })
    .click();
  await expect(page).toHaveURL(/\/cases\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Case studies');
  await expect(page.getByTestId('case-video-recs')).toBeVisible();
  const footer = page.getByRole('navigation', { name: 'Site' });
  for (const [name, path] of [
    ['Review', '/review/'],
    ['Engine room', '/lab/engine/'],
    ['Diagrams', '/diagrams/'],
  ]) {
    await expect(footer.getByRole('link', { name })).toHaveAttribute('href', path!);
  }
  await footer.getByRole('link', { name: 'Review' }).click();
  await expect(page).toHaveURL(/\/review\/$/);
});
