import { expect, test } from '@playwright/test';
import { waitForApp } from './helpers';

test('search finds a lesson section from the keyboard', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  await page.keyboard.press('/');
  const input = page.getByTestId('search-input');
  await expect(input).toBeFocused();
  await input.fill('calibration');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  await input.fill('normalized entropy');
  const first = page.getByTestId('search-hit').first();
  await expect(first).toContainText(/entropy/i);
  await input.press('Enter');
  await expect(page).toHaveURL(/\/learn\/[a-z-]+\/#/);
  await expect(page.getByTestId('lesson')).toBeVisible();
});

test('search says so when nothing matches', async ({ page }) => {
  await page.goto('/learn/');
  await page.getByTestId('search-open').click();
  await page.getByTestId('search-input').fill('blockchain');
  await expect(page.getByText('No lesson mentions')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('search-input')).toBeHidden();
});

test('dark mode follows the system, can be chosen, and persists across reloads', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  const toggle = page.getByTestId('theme-toggle');
  await toggle.click(); // auto → light
  await toggle.click(); // light → dark
  await expect(toggle).toHaveAttribute('data-choice', 'dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(15, 20, 25)');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(15, 20, 25)');
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-choice', 'dark');
});

test('every control is reachable by keyboard with a visible focus ring', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).toBe('solid');
});
