import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { seedStorage } from './helpers';

const SESSION_KEY = 'mlsd-lab:mock-session';
const HISTORY_KEY = 'mlsd-lab:mock-history';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3)}`);
}

const elapsedSeconds = async (page: Page) => {
  const text = (await page.getByTestId('mock-elapsed').textContent()) ?? '';
  const [m, s] = text.split('/')[0]!.trim().split(':').map(Number);
  return m! * 60 + s!;
};

test('a short mock: ask, take notes, move through the steps, reload, self-grade, see it in history', async ({
  page,
}) => {
  await page.goto('/mock/?minutes=1');
  await expect(page.getByTestId('mock-short')).toContainText('?minutes=1');
  await page.getByLabel(/Video recommendations/).check();
  await expect(page.getByTestId('mock-start')).toBeEnabled();
  await page.getByTestId('mock-start').press('Enter');
  await expect(page).toHaveURL(/\/mock\/session\/$/);
  await expect(page.getByTestId('mock-step')).toContainText('Step 1 of 7');

  // The interviewer answers with the case's hidden requirement.
  await page.getByRole('button', { name: 'Scale', exact: true }).click();
  await page.getByTestId('ask-fresh-uploads').click();
  await expect(page.getByTestId('transcript')).toContainText('Within an hour');
  await expect(page.getByTestId('ask-fresh-uploads')).toBeDisabled();

  await page.getByTestId('mock-notes').fill('Goal: watch time per user per day.');
  await page.getByTestId('mock-next').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('mock-step')).toContainText('Step 2 of 7');
  await page.getByTestId('mock-notes').fill('Two stages: retrieval then ranking.');

  // Step 2 has 5/45 of a minute (6.7 s): the gentle over-budget signal appears in words.
  await expect(page.getByTestId('mock-over-budget')).toContainText('Over this step’s budget', {
    timeout: 15_000,
  });
  expect(await seriousViolations(page)).toEqual([]);

  // Reload mid-session: notes, step, questions and the running clock are kept.
  const before = await elapsedSeconds(page);
  await page.reload();
  await expect(page.getByTestId('mock-step')).toContainText('Step 2 of 7');
  await expect(page.getByTestId('mock-notes')).toHaveValue('Two stages: retrieval then ranking.');
  await expect(page.getByTestId('transcript')).toContainText('Within an hour');
  await expect.poll(() => elapsedSeconds(page)).toBeGreaterThanOrEqual(before);

  for (let step = 3; step <= 7; step++) {
    await page.getByTestId('mock-next').click();
    await expect(page.getByTestId('mock-step')).toContainText(`Step ${step} of 7`);
  }
  await page.getByTestId('mock-finish').click();
  await expect(page.getByTestId('mock-end')).toBeVisible();

  // Self-grade with the keyboard: level 3 in every dimension gives "Hire".
  for (const d of ['navigation', 'data', 'modelling', 'evaluation-serving', 'communication']) {
    const radio = page.getByTestId(`grade-${d}`).getByRole('radio').nth(2);
    await radio.focus();
    await page.keyboard.press('Space');
    await expect(radio).toBeChecked();
  }
  await expect(page.getByTestId('mock-band')).toHaveText('Hire');
  await expect(page.getByTestId('compare-clarify')).toContainText(
    'Goal: watch time per user per day.',
  );
  await expect(page.getByTestId('mock-changers')).toContainText('you asked 1 of');
  await expect(page.getByTestId('mock-step-times')).toContainText('Over by');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('mock-record').click();
  await expect(page.getByTestId('mock-recorded')).toBeVisible();

  await page.getByRole('link', { name: 'See all attempts' }).click();
  const row = page.getByTestId('mock-history-table').locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Video recommendations');
  await expect(row).toContainText('Hire');
  await expect(row).toContainText('1-minute mock');
  await expect(page.getByTestId('mock-time-chart')).toBeVisible();

  // The history survives a reload too.
  await page.reload();
  await expect(page.getByTestId('mock-history-table').locator('tbody tr')).toHaveCount(1);
});

test('corrupt saved mock data is kept, explained, downloadable and backed up before starting fresh', async ({
  page,
}) => {
  const corrupt = '{"app":"mlsd-lab","kind":"mock-session","version":1,"data":{"session":{';
  await seedStorage(page, SESSION_KEY, corrupt);
  await page.goto('/mock/');
  const banner = page.locator('[data-testid="mock-storage-banner"][data-state="blocked-session"]');
  await expect(banner).toContainText('could not be read');
  await expect(banner).toContainText('not valid JSON');

  // A new mock still runs in this tab, but nothing is written over the damaged data.
  await page.getByTestId('mock-start').click();
  await expect(page.getByTestId('mock-step')).toContainText('Step 1 of 7');
  await page.getByTestId('mock-notes').fill('kept in memory');
  await page.waitForTimeout(200);
  expect(await page.evaluate((k) => localStorage.getItem(k), SESSION_KEY)).toBe(corrupt);

  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download a copy' }).click();
  expect((await download).suggestedFilename()).toBe('mlsd-lab-mock-session-backup.json');

  await banner.getByRole('button', { name: /Start fresh/ }).click();
  await expect(banner).toHaveCount(0);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  const backup = keys.find((k) => k.startsWith(`${SESSION_KEY}.backup.`));
  expect(await page.evaluate((k) => localStorage.getItem(k), backup!)).toBe(corrupt);
  await expect
    .poll(() => page.evaluate((k) => localStorage.getItem(k), SESSION_KEY))
    .toContain('kept in memory');
});

test('damaged history entries are set aside and the rest is shown', async ({ page }) => {
  const attempt = {
    id: 'a1',
    caseId: 'ad-click',
    startedAt: '2026-11-20T09:00:00.000Z',
    finishedAt: '2026-11-20T09:45:00.000Z',
    totalMinutes: 45,
    stepMs: {
      clarify: 3e5,
      frame: 3e5,
      data: 4e5,
      model: 6e5,
      evaluate: 3e5,
      serve: 3e5,
      monitor: 1e5,
    },
    grades: { navigation: 4, data: 3, modelling: 3, 'evaluation-serving': 2, communication: 4 },
    band: 'hire',
    questionsAsked: 5,
    changingAsked: 3,
    changingTotal: 10,
  };
  const saved = JSON.stringify({
    app: 'mlsd-lab',
    kind: 'mock-history',
    version: 1,
    savedAt: '2026-11-20T10:00:00.000Z',
    data: { attempts: [attempt, { id: 'broken', band: 'maybe' }] },
  });
  await seedStorage(page, HISTORY_KEY, saved);
  await page.goto('/mock/');
  await expect(
    page.locator('[data-testid="mock-storage-banner"][data-state="repaired-history"]'),
  ).toContainText('attempt 2');
  await expect(page.getByTestId('mock-history-table').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('mock-history-table')).toContainText('Ad click prediction');
});
