/**
 * In a real browser at phone (390 px) and desktop (1280 px) widths: no photo
 * overflows the page, and loading photos never moves the layout (cumulative
 * layout shift 0, from PerformanceObserver layout-shift entries), and the
 * site's Content-Security-Policy blocks nothing. Images are
 * answered late on purpose, so a photo without reserved space would shift.
 */
import { describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';
import { browserTestSite } from '../support/browser.ts';
import { saveScreenshot } from '../support/screenshots.ts';
import { FEATURE_PATH, PLAIN_PATH } from '../support/photoArchive.ts';
import { watchPage } from '../support/pageWatch.ts';
import { serveStatic } from '../../scripts/lib/staticServer.ts';

const site = browserTestSite(async () => {
  // With public/_headers, as a real host sends the Content-Security-Policy.
  return serveStatic(await fixtureSite('photos'), '/archive/', { headersFile: true });
});

/** Collects layout shifts from the first paint on (buffered), before any script of the page runs. */
const RECORD_SHIFTS = `
  window.__layoutShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
`;

it('the layout-shift probe sees a shift when a photo has no width/height (control)', async () => {
  const page = await site.tabs.open({ width: 390, height: 800 });
  await page.addInitScript(RECORD_SHIFTS);
  await page.route(/\.jpg$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 250));
    await route.continue();
  });
  // An article page with its photo's size attributes removed before it loads.
  await page.route(/\/yu-hou\/$/, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/(<img[^>]*?) width="\d+" height="\d+"/g, '$1');
    await route.fulfill({ response, body: html });
  });
  await page.goto(site.server.url(PLAIN_PATH));
  await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
  const shift = await page.evaluate(() => (window as unknown as { __layoutShift: number }).__layoutShift);
  await page.close();
  expect(shift).toBeGreaterThan(0);
});

const PAGES = { 'photo-feature': FEATURE_PATH, 'photo-article': PLAIN_PATH, 'photo-home': '/' };

for (const width of [390, 1280]) {
  describe.concurrent(`at ${width} px`, () => {
    for (const [name, sitePath] of Object.entries(PAGES)) {
      it(`${name}: photos fit the page, loading them shifts nothing, no CSP violation`, async () => {
        const page = await site.tabs.open({ width, height: 800 });
        const watch = await watchPage(page);
        await page.addInitScript(RECORD_SHIFTS);
        await page.route(/\.(avif|webp|jpg|png)$/, async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 250));
          await route.continue();
        });
        await page.goto(site.server.url(sitePath));
        // Scroll through the page so every lazy photo loads, then wait for all of them.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0; y <= height; y += 400) {
          await page.evaluate((top) => window.scrollTo(0, top), y);
          await page.waitForTimeout(60);
        }
        await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0), null, {
          timeout: 30_000,
        });
        await page.evaluate(() => window.scrollTo(0, 0));
        const result = await page.evaluate(() => ({
          shift: (window as unknown as { __layoutShift: number }).__layoutShift,
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
          images: [...document.images].map((img) => {
            const box = img.getBoundingClientRect();
            return { src: img.currentSrc, left: box.left, right: box.right, width: box.width, height: box.height };
          }),
        }));
        await saveScreenshot(page, `${name}-${width}`);
        await page.close();

        expect(result.images.length).toBeGreaterThan(0);
        for (const image of result.images) {
          expect(image.left, image.src).toBeGreaterThanOrEqual(0);
          expect(image.right, image.src).toBeLessThanOrEqual(result.clientWidth);
          expect(image.height, image.src).toBeGreaterThan(0);
        }
        expect(result.scrollWidth).toBeLessThanOrEqual(result.clientWidth);
        expect(result.shift).toBe(0);
        expect(watch.violations).toEqual([]);
        expect(watch.requests.filter((url) => !url.startsWith(site.server.origin))).toEqual([]);
      });
    }
  });
}
