/**
 * The printed page in a real browser: the 2022-02-24 page view shows the
 * labelled reconstruction in the zoomable viewer with three clickable,
 * keyboard-reachable regions and the OCR text beside it, at 390 and 1280 px,
 * with no CSP violation, no axe violation, without JavaScript, and offline
 * after a visit. Screenshots when asked for (tests/support/screenshots.ts).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';
import { axeViolations } from '../support/axe.ts';
import { NO_SERVICE_WORKER, browserTestSite } from '../support/browser.ts';
import { saveScreenshot } from '../support/screenshots.ts';
import { waitForServiceWorker } from '../support/serviceWorker.ts';
import { serveStatic } from '../../scripts/lib/staticServer.ts';
import { SEED_PIECES } from '../support/seedSource.ts';

const PAGE_VIEW = '/2022/02/24/pages/01/';

const site = browserTestSite(async () => serveStatic(await fixtureSite('seed')));

/** Opens a page, recording every CSP violation it reports. */
async function open(context: BrowserContext, sitePath: string): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { cspViolations: string[] }).cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(site.server.url(sitePath));
  return page;
}

/**
 * The viewer loads when the reader reaches for the scan (src/scans/startPageViewer.ts):
 * a pointer over it. With a region in the address the page starts it by
 * itself, and the preview may already be gone when the pointer would arrive.
 */
async function startViewer(page: Page): Promise<void> {
  const regionInAddress = new URL(page.url()).hash.startsWith('#region-');
  if (!regionInAddress) await page.locator('[data-scan-svg], .scan-viewer:not([hidden])').first().hover();
  await page.waitForSelector('.scan-overlay', { state: 'attached', timeout: 30_000 });
}

async function openViewer(width: number, sitePath = PAGE_VIEW) {
  const context = await site.browser.newContext({ ...NO_SERVICE_WORKER, viewport: { width, height: 900 } });
  const page = await open(context, sitePath);
  await startViewer(page);
  await page.waitForLoadState('networkidle');
  return { context, page };
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

// Each test has its own browser context; most of a test is waiting for tiles.
describe.concurrent('the page view of 2022-02-24, page 1', () => {
  for (const width of [1280, 390]) {
    it(`at ${width} px: the labelled reconstruction, three regions, the articles and the OCR text, no CSP violation`, async ({ expect }) => {
      const { context, page } = await openViewer(width);
      await expect(page.locator('[data-reconstruction-label]').textContent()).resolves.toContain('示意版面，非原版扫描');
      await expect(page.locator('.scan-overlay').count()).resolves.toBe(3);
      // Tiles came from the site itself and were drawn.
      const requested = () => page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.startsWith('/iiif/')));
      await expect.poll(async () => (await requested()).some((path) => path.endsWith('/default.jpg')), { timeout: 20_000 }).toBe(true);
      expect(await requested()).toContain('/iiif/2022-02-24/01/info.json');
      const hrefs = await page.locator('.scan-overlay').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
      expect(hrefs.sort()).toEqual(SEED_PIECES.map((piece) => piece.permalink).sort());
      await expect(page.locator('[data-page-article]').count()).resolves.toBe(3);
      await expect(page.locator('[data-ocr-text]').textContent()).resolves.toContain('茂名晚报讯 记者梁奈 2月24日');
      // The scan takes most of the content width: beside the text on wide screens, all of it on phones.
      const box = await page.locator('.scan-viewer').boundingBox();
      const main = await page.locator('main').boundingBox();
      expect(box!.width).toBeGreaterThan(main!.width * (width > 900 ? 0.5 : 0.9));
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      await saveScreenshot(page, `page-view-${width}`, { fullPage: width === 390 });
      expect(await violations(page)).toEqual([]);
      await context.close();
    });
  }

  it('loads the viewer only when the reader reaches for the scan; until then the preview and its links are the page', async ({ expect }) => {
    const context = await site.browser.newContext({ ...NO_SERVICE_WORKER, viewport: { width: 1280, height: 900 } });
    const page = await open(context, PAGE_VIEW);
    await page.waitForLoadState('networkidle');
    const scripts = () => page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => /pageViewer/.test(entry.name)).length);
    expect(await scripts()).toBe(0);
    await expect(page.locator('svg[data-scan-svg] a.scan-region').count()).resolves.toBe(3);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-zoom="in"]').click();
    await page.waitForSelector('.scan-overlay', { state: 'attached', timeout: 30_000 });
    expect(await scripts()).toBe(1);
    await context.close();
  });

  it('opens an article from its region with a click, and from the keyboard with Tab and Enter', async ({ expect }) => {
    const { context, page } = await openViewer(1280);
    await Promise.all([page.waitForURL(/fu-shan-ling-yun-hai/), page.locator('[data-overlay="fu-shan-ling-yun-hai"]').click()]);
    await page.goBack();
    await startViewer(page);
    let focused = '';
    for (let step = 0; step < 60 && !focused; step += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.overlay ?? '');
    }
    expect(focused).not.toBe('');
    const target = SEED_PIECES.find((piece) => piece.file === focused)!;
    await Promise.all([page.waitForURL((url) => url.pathname === target.permalink), page.keyboard.press('Enter')]);
    await context.close();
  });

  it('zooms to and highlights the region named in the address (a search hit or an article links there)', async ({ expect }) => {
    const { context, page } = await openViewer(1280, `${PAGE_VIEW}#region-fu-shan-ling-yun-hai`);
    await expect(page.locator('[data-overlay="fu-shan-ling-yun-hai"]').getAttribute('class')).resolves.toContain('is-highlighted');
    await expect(page.locator('[data-page-article="fu-shan-ling-yun-hai"]').getAttribute('class')).resolves.toContain('is-highlighted');
    // The highlighted region fills most of the viewer's height once the zoom's animation has ended
    // (a fixed two seconds were too few once, on a loaded machine).
    const share = async () => {
      const region = await page.locator('[data-overlay="fu-shan-ling-yun-hai"]').boundingBox();
      const viewer = await page.locator('.scan-viewer').boundingBox();
      return region && viewer ? region.height / viewer.height : 0;
    };
    await expect.poll(share).toBeGreaterThan(0.6);
    await context.close();
  });

  it('works without JavaScript: the page image with three region links, :target highlights', async ({ expect }) => {
    const context = await site.browser.newContext({ ...NO_SERVICE_WORKER, javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(site.server.url(`${PAGE_VIEW}#region-gonghui-shisiwu-guihua`));
    await expect(page.locator('svg[data-scan-svg] a.scan-region').count()).resolves.toBe(3);
    const stroke = await page.locator('#region-gonghui-shisiwu-guihua polygon').evaluate((polygon) => getComputedStyle(polygon).strokeWidth);
    expect(stroke).toBe('12px');
    await context.close();
  });

  it('has no axe violations in the light and the dark scheme, viewer started', async ({ expect }) => {
    const { context, page } = await openViewer(1280);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page), colorScheme).toEqual([]);
    }
    await context.close();
  });

  it('an article shows its crop as 原版面, linking to the page view at its region', async ({ expect }) => {
    const context = await site.browser.newContext({ ...NO_SERVICE_WORKER, viewport: { width: 1280, height: 900 } });
    const page = await open(context, '/2022/02/24/shi-zong-gonghui-quanwei-huiyi/');
    const crop = page.locator('[data-original-page] img');
    await crop.scrollIntoViewIfNeeded();
    await expect(crop.evaluate((img) => (img as HTMLImageElement).naturalWidth)).resolves.toBeGreaterThan(0);
    await Promise.all([page.waitForURL((url) => url.pathname === PAGE_VIEW && url.hash === '#region-shi-zong-gonghui-quanwei-huiyi'), crop.click()]);
    await page.waitForSelector('.scan-overlay.is-highlighted', { state: 'attached', timeout: 30_000 });
    await context.close();
  });

  it('a search hit opens the printed page with its region highlighted', async ({ expect }) => {
    const context = await site.browser.newContext({ ...NO_SERVICE_WORKER, viewport: { width: 1280, height: 900 } });
    const page = await open(context, `/search/?q=${encodeURIComponent('云海')}`);
    await page.waitForSelector('[data-search-count]:not([data-search-count=""])', { state: 'attached' });
    const scan = page.locator('[data-search-scan]').first();
    await expect(scan.getAttribute('href')).resolves.toBe(`${PAGE_VIEW}#region-fu-shan-ling-yun-hai`);
    await Promise.all([page.waitForURL((url) => url.pathname === PAGE_VIEW), scan.click()]);
    await page.waitForSelector('[data-overlay="fu-shan-ling-yun-hai"].is-highlighted', { state: 'attached', timeout: 30_000 });
    await context.close();
  });

  it('/offline/ saves the tiles only when asked, and says how large they are', async ({ expect }) => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await open(context, '/offline/');
    await page.waitForSelector('[data-offline-scans-option]:not([hidden])');
    await expect(page.locator('[data-offline-scans-size]').textContent()).resolves.toMatch(/\d.*(KB|MB|KiB|MiB)/);
    const before = await page.locator('[data-offline-total]').textContent();
    await page.locator('[data-offline-scans]').check();
    await expect.poll(() => page.locator('[data-offline-total]').textContent()).not.toBe(before);
    await context.close();
  });

  it('reopens offline after a visit, tiles included', async ({ expect }) => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(site.server.url('/'));
    await waitForServiceWorker(page);
    await page.goto(site.server.url(PAGE_VIEW));
    await startViewer(page);
    await page.waitForLoadState('networkidle');
    await context.setOffline(true);
    await page.reload();
    await startViewer(page);
    await expect(page.locator('[data-ocr-text]').textContent()).resolves.toContain('茂名晚报讯');
    // The viewer drew tiles, from the cache.
    const drawn = await page.evaluate(() => [...document.querySelectorAll('.scan-viewer canvas')].some((canvas) => (canvas as HTMLCanvasElement).width > 0));
    expect(drawn).toBe(true);
    await context.close();
  });
});
