import { expect, type Page } from '@playwright/test';

export const LESSONS = [
  'overview',
  'clarifying-requirements',
  'framing-the-ml-task',
  'data-preparation',
  'model-development',
  'evaluation',
  'deployment-and-serving',
  'monitoring-and-infrastructure',
  'video-recommendation',
  'ad-click-prediction',
];

export const PROGRESS_KEY = 'mlsd-lab:progress';

/** Waits until the progress store has read saved state (controls are disabled until then). */
export async function waitForProgress(page: Page) {
  await expect(page.getByTestId('lesson-done').first()).toBeEnabled();
}

export async function savedProgress(page: Page): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY);
}

/** Puts a value in the site's localStorage from a page that runs no app code, so no store races the write. */
export async function seedStorage(page: Page, key: string, value: string) {
  await page.goto('/search-index.json');
  await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [key, value]);
}

/** Waits until client code has hydrated and the progress store has loaded. */
export async function waitForApp(page: Page) {
  await expect(page.locator('html[data-hydrated="true"]')).toBeAttached();
}
