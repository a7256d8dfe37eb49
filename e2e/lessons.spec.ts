import { expect, test } from '@playwright/test';
import { LESSONS, savedProgress, waitForProgress } from './helpers';

test('a learner walks every lesson in order with the Next links', async ({ page }) => {
  await page.goto(`/learn/${LESSONS[0]}/`);
  for (let i = 0; i < LESSONS.length; i++) {
    await expect(page.getByTestId('lesson')).toHaveAttribute('data-slug', LESSONS[i]!);
    await expect(
      page.getByRole('navigation', { name: 'On this page' }).getByRole('link').first(),
    ).toBeAttached();
    await expect(page.locator('[data-testid^="self-check-"]').first()).toBeVisible();
    if (i < LESSONS.length - 1) await page.getByRole('link', { name: /Next →/ }).click();
  }
  await expect(page.getByRole('link', { name: /Next →/ })).toHaveCount(0);
  await page.getByRole('link', { name: /← Previous/ }).click();
  await expect(page.getByTestId('lesson')).toHaveAttribute(
    'data-slug',
    LESSONS[LESSONS.length - 2]!,
  );
});

test('a learner answers a self-check and marks a lesson done, and both survive a reload', async ({
  page,
}) => {
  await page.goto('/learn/evaluation/');
  await waitForProgress(page);
  const check = page
    .locator('[data-testid^="self-check-"]')
    .filter({ has: page.getByRole('radio') })
    .first();
  await check.scrollIntoViewIfNeeded();
  await check.getByRole('radio').first().check();
  await check.getByRole('button', { name: 'Check answer' }).click();
  await expect(check.getByTestId('self-check-answer')).toBeVisible();
  const result = await check.getAttribute('data-result');
  expect(['correct', 'incorrect']).toContain(result);

  await page.getByTestId('lesson-done').first().click();
  await expect(page.getByTestId('lesson-done').first()).toHaveAttribute('aria-pressed', 'true');
  expect(await savedProgress(page)).toContain('"evaluation"');

  await page.reload();
  await waitForProgress(page);
  await expect(page.getByTestId('lesson-done').first()).toHaveAttribute('aria-pressed', 'true');
  await expect(check).toHaveAttribute('data-result', result!);
  await expect(
    page
      .getByRole('navigation', { name: 'Lessons' })
      .last()
      .getByRole('link', { name: /Evaluation/ }),
  ).toContainText('✓');

  await page.goto('/progress/');
  await expect(page.getByTestId('stat-lessons')).toContainText(`1 / ${LESSONS.length}`);
  await expect(page.getByTestId('stat-checks')).toContainText('1 /');
  await expect(page.getByTestId('row-evaluation')).toContainText('Done');
});

test('an open self-check is revealed and self-graded', async ({ page }) => {
  await page.goto('/learn/overview/');
  await waitForProgress(page);
  const open = page
    .locator('[data-testid^="self-check-"]')
    .filter({ has: page.getByRole('button', { name: 'Reveal answer' }) })
    .first();
  const check = page.getByTestId((await open.getAttribute('data-testid'))!);
  await check.getByRole('button', { name: 'Reveal answer' }).click();
  await check.getByRole('button', { name: 'I missed it' }).click();
  await expect(check).toHaveAttribute('data-result', 'missed');
  await check.getByRole('button', { name: 'Try again' }).click();
  await expect(check).toHaveAttribute('data-result', 'none');
});

test('live widgets load lazily behind a same-size placeholder and respond', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 400 });
  await page.goto('/learn/evaluation/');
  const widget = page.getByTestId('widget-threshold-explorer');
  await expect(widget).toHaveAttribute('data-state', 'waiting');
  const before = await widget.boundingBox();
  await widget.scrollIntoViewIfNeeded();
  await expect(widget).toHaveAttribute('data-state', 'ready');
  const after = await widget.boundingBox();
  expect(Math.abs((after?.height ?? 0) - (before?.height ?? 0))).toBeLessThanOrEqual(2);

  const recall = page.getByTestId('recall');
  const low = Number(await recall.textContent());
  await page.getByTestId('threshold').fill('0.9');
  await expect(recall).not.toHaveText(String(low));
  expect(Number(await recall.textContent())).toBeLessThan(low);
});
