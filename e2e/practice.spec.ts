import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { seedStorage } from './helpers';

const PRACTICE_KEY = 'mlsd-lab:practice';

async function openExercise(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('html[data-practice-loaded="true"]')).toBeAttached();
  await expect(page.getByTestId('exercise')).toBeVisible();
}

const saved = (page: Page) => page.evaluate((k) => localStorage.getItem(k), PRACTICE_KEY);

/** Answers the video "frame" exercise; `labelRight` decides the one item that can be missed. */
async function answerFrame(page: Page, labelRight: boolean) {
  await page
    .getByTestId('item-ml-objective')
    .getByLabel(/Expected watch time: P\(click\)/)
    .check();
  await page
    .getByTestId('item-label')
    .getByLabel(labelRight ? /Seconds watched after the click/ : /A survey asking/)
    .check();
  const match = page.getByTestId('item-stage-tasks');
  await match
    .getByLabel('Retrieval')
    .selectOption({ label: 'Two-tower model trained with in-batch softmax over watched videos' });
  await match
    .getByLabel('Ranking', { exact: true })
    .selectOption({ label: 'Multi-task model: P(click) and watch time per candidate' });
  await match
    .getByLabel('Re-ranking')
    .selectOption({ label: 'Rules and greedy selection: creator cap, freshness, filters' });
}

test('a learner completes an exercise, reads the graded explanation, and keeps it after a reload', async ({
  page,
}) => {
  await openExercise(page, '/practice/video-recs/frame/');
  // The page is styled (a wrong MIME type would drop the stylesheet silently).
  await expect(page.getByTestId('item-label')).toHaveCSS('border-top-style', 'solid');
  await answerFrame(page, true);
  await page.getByRole('button', { name: 'Check my answers' }).click();

  await expect(page.getByTestId('exercise-score')).toHaveText('100%');
  const label = page.getByTestId('item-label');
  await expect(label.getByTestId('item-grade')).toContainText(
    'Right: “Seconds watched after the click',
  );
  await expect(page.getByTestId('item-stage-tasks').getByTestId('item-grade')).toContainText(
    'Item vectors are precomputed',
  );
  await expect(page.getByTestId('attempts').locator('tbody tr')).toHaveCount(1);
  await expect.poll(() => saved(page)).toContain('"submitted":true');

  await page.reload();
  await expect(page.locator('html[data-practice-loaded="true"]')).toBeAttached();
  await expect(page.getByTestId('exercise-score')).toHaveText('100%');
  await expect(page.getByTestId('item-label').getByLabel(/Seconds watched/)).toBeChecked();
  await expect(page.getByTestId('item-label').getByTestId('item-grade')).toContainText('Right');

  // Retry unlocks the answers; reset clears them but keeps the history.
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('item-label').getByLabel(/Seconds watched/)).toBeEnabled();
  await page.getByRole('button', { name: 'Reset answers' }).click();
  await expect(page.getByTestId('item-label').getByLabel(/Seconds watched/)).not.toBeChecked();
  await expect(page.getByTestId('attempts').locator('tbody tr')).toHaveCount(1);

  await page.goto('/practice/');
  await expect(page.getByTestId('exercise-video-recs-frame').getByTestId('score-badge')).toHaveText(
    'Best 100% · last 100%',
  );
});

test('hints, the revealed solution, estimates and the diagram task explain themselves', async ({
  page,
}) => {
  await openExercise(page, '/practice/video-recs/serve/');
  const latency = page.getByTestId('item-latency-split');
  await latency.getByRole('button', { name: 'Hint' }).click();
  await expect(latency).toContainText('Subtract every other stage');
  await latency.getByRole('textbox').fill('fifty');
  await expect(latency).toContainText('Enter a number such as');
  await latency.getByRole('textbox').fill('45');

  await page.getByRole('button', { name: 'Check my answers' }).click();
  await expect(latency.getByTestId('item-grade')).toContainText('Within tolerance: you said 45 ms');
  const diagram = page.getByTestId('item-architecture');
  await expect(diagram.getByTestId('item-grade')).toContainText('Diagram score: 0%');
  // One line per missing component and per path that cannot be checked.
  await expect(diagram.getByTestId('diagram-lines').locator('li')).toHaveCount(16);
  await expect(diagram.getByTestId('diagram-lines')).toContainText('Missing an event log');

  await page.getByRole('button', { name: 'Reveal the solution' }).click();
  await expect(page.getByTestId('item-serving-mode').getByTestId('item-solution')).toContainText(
    'Online per request',
  );
  await expect(diagram.getByTestId('item-solution')).toContainText(
    'the event log reaches training',
  );
});

test('a missed item shows up in review, linked to its lesson, and leaves the queue when rated', async ({
  page,
}) => {
  await openExercise(page, '/practice/video-recs/frame/');
  await answerFrame(page, false);
  await page.getByRole('button', { name: 'Check my answers' }).click();
  await expect(page.getByTestId('exercise-result')).toContainText('1 missed item was added');
  await expect(page.getByTestId('item-label').getByTestId('item-grade')).toContainText(
    'Not this one',
  );

  await page.getByRole('link', { name: 'review queue' }).click();
  await expect(page.getByTestId('review-due')).toContainText('1 card due');
  const card = page.getByTestId('review-card');
  await expect(card).toContainText('For the watch-time head, which label is collected and how?');
  await card.getByRole('button', { name: 'Show the answer' }).click();
  await expect(card.getByTestId('review-answer')).toContainText('Seconds watched after the click');
  await expect(card.getByTestId('review-lesson')).toHaveAttribute(
    'href',
    '/learn/framing-the-ml-task/',
  );
  await card.getByTestId('rate-good').click();
  await expect(page.getByTestId('review-due')).toContainText('Nothing is due right now');

  await page.goto('/progress/');
  await expect(page.getByTestId('stat-exercises')).toContainText('1 / 14');
  await expect(page.getByTestId('stat-reviews')).toContainText('0 due');
});

test('corrupt saved practice is kept untouched, explained, and backed up before starting fresh', async ({
  page,
}) => {
  const corrupt = '{"app":"mlsd-lab","kind":"practice","version":1,"data":{"exercises":{"vid';
  await seedStorage(page, PRACTICE_KEY, corrupt);
  await openExercise(page, '/practice/video-recs/frame/');
  const banner = page.getByTestId('practice-banner');
  await expect(banner).toHaveAttribute('data-state', 'blocked-corrupt');
  await expect(banner).toContainText('could not be read');

  await answerFrame(page, true);
  await page.getByRole('button', { name: 'Check my answers' }).click();
  await expect(page.getByTestId('exercise-score')).toHaveText('100%');
  await page.waitForTimeout(200);
  expect(await saved(page)).toBe(corrupt);

  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download a copy' }).click();
  expect((await download).suggestedFilename()).toBe('mlsd-lab-practice-backup.json');

  await banner.getByRole('button', { name: /Start fresh/ }).click();
  await expect(banner).toHaveCount(0);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  const backup = keys.find((k) => k.startsWith(`${PRACTICE_KEY}.backup.`));
  expect(await page.evaluate((k) => localStorage.getItem(k), backup!)).toBe(corrupt);
  await expect.poll(() => saved(page)).toContain('"submitted":true');
});

test('a drawn architecture is graded line by line and kept after a reload', async ({ page }) => {
  await openExercise(page, '/practice/ad-click/serve/');
  await page.getByTestId('palette-feature-store-online').click();
  await page.getByTestId('palette-ranking-service').click();
  await page.getByTestId('connect-target').selectOption({ label: 'Feature store (online)' });
  await page.getByTestId('connect-kind').selectOption('request');
  await page.getByTestId('connect-label').fill('features');
  await page.getByTestId('connect-label').press('Enter');
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);

  await page.getByRole('button', { name: 'Check my answers' }).click();
  const lines = page.getByTestId('diagram-lines');
  await expect(lines).toContainText('Has a pCTR model service.');
  await expect(lines).toContainText('the pCTR service reads the feature store at request time.');
  await expect(lines).toContainText('Missing an auction: Bid × pCTR picks the winner');
  await expect(page.getByTestId('item-architecture')).toHaveAttribute(
    'data-score',
    String(0.4 * (2 / 8) + 0.6 * (1 / 8)),
  );

  await page.reload();
  await expect(page.locator('html[data-practice-loaded="true"]')).toBeAttached();
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  await expect(page.getByTestId('diagram-lines')).toContainText('Has a pCTR model service.');
});

test('exercises, review and progress fit a phone screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  for (const path of ['/practice/', '/practice/video-recs/frame/', '/review/', '/progress/']) {
    await page.goto(path);
    await expect(page.locator('html[data-practice-loaded="true"]')).toBeAttached();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test('graded and revealed exercises have no serious accessibility violations', async ({ page }) => {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    await openExercise(page, '/practice/ad-click/model/');
    if (await page.getByRole('button', { name: 'Check my answers' }).isVisible())
      await page.getByRole('button', { name: 'Check my answers' }).click();
    await page.getByRole('button', { name: 'Reveal the solution' }).click();
    await page.getByTestId('item-new-ads').getByRole('button', { name: 'Hint' }).click();
    await expect(page.getByTestId('item-solution').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      ),
    ).toEqual([]);
  }
});

test('the dashboard shows mock interviews from the saved history, and explains an unreadable one', async ({
  page,
}) => {
  const attempt = (id: string, band: string, level: number) => ({
    id,
    caseId: 'video-recs',
    startedAt: '2026-11-20T09:00:00.000Z',
    finishedAt: '2026-11-20T09:45:00.000Z',
    totalMinutes: 45,
    stepMs: {
      clarify: 6e5,
      frame: 3e5,
      data: 42e4,
      model: 54e4,
      evaluate: 36e4,
      serve: 3e5,
      monitor: 18e4,
    },
    grades: {
      navigation: level,
      data: level,
      modelling: level,
      'evaluation-serving': level,
      communication: level,
    },
    band,
    questionsAsked: 4,
    changingAsked: 2,
    changingTotal: 5,
  });
  const history = JSON.stringify({
    app: 'mlsd-lab',
    kind: 'mock-history',
    version: 1,
    savedAt: '2026-11-20T10:00:00.000Z',
    data: { attempts: [attempt('a1', 'lean-no-hire', 2), attempt('a2', 'hire', 3)] },
  });
  await seedStorage(page, 'mlsd-lab:mock-history', history);
  await page.goto('/progress/');
  const mocks = page.getByTestId('mock-summary');
  await expect(mocks.getByTestId('stat-mocks')).toContainText('2');
  await expect(mocks.getByTestId('stat-mock-band')).toContainText('Hire');
  await expect(mocks.getByTestId('mock-trend')).toBeVisible();
  await expect(mocks).toContainText('10.0');

  await seedStorage(page, 'mlsd-lab:mock-history', '{"app":"mlsd-lab","kind":"mock-hist');
  await page.goto('/progress/');
  await expect(page.getByTestId('mock-summary').getByRole('alert')).toContainText(
    'could not be read',
  );
  expect(await page.evaluate(() => localStorage.getItem('mlsd-lab:mock-history'))).toBe(
    '{"app":"mlsd-lab","kind":"mock-hist',
  );
});
