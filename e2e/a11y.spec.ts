import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { LESSONS } from './helpers';

const ROUTES = [
  '/',
  '/learn/',
  '/progress/',
  '/lab/engine/',
  '/diagrams/',
  '/diagrams/?ref=video-recs',
  '/cases/video-recs/',
  '/cases/ad-click/',
  '/embed/',
  '/cases/',
  '/practice/',
  '/practice/video-recs/frame/',
  '/practice/video-recs/serve/',
  '/practice/ad-click/data/',
  '/review/',
  '/mock/',
  '/mock/session/',
  '/no-such-page/',
  ...LESSONS.map((l) => `/learn/${l}/`),
];

for (const theme of ['light', 'dark'] as const) {
  for (const route of ROUTES) {
    test(`${route} has no serious or critical accessibility violations (${theme})`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(route);
      // Scroll to the end so lazy widgets render and are checked too.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(300);
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(
        bad.map(
          (v) =>
            `${v.id}: ${v.help} (${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')})`,
        ),
      ).toEqual([]);
    });
  }
}
