import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
for (const u of ['/', '/learn/', '/progress/', '/learn/evaluation/', '/learn/overview/', '/learn/data-preparation/', '/learn/model-development/']) {
  await page.goto('http://127.0.0.1:3100' + u);
  const r = await page.evaluate(() => { const out = []; for (const el of document.querySelectorAll('body *')) { const b = el.getBoundingClientRect(); if (b.right > window.innerWidth + 1 && getComputedStyle(el).position !== 'fixed') out.push(el.tagName + '.' + el.className + ' ' + Math.round(b.right)); } return [document.documentElement.scrollWidth, out.slice(0, 6)]; });
  console.log(u, JSON.stringify(r));
}
await browser.close();
