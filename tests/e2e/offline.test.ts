/**
 * After one visit, the seed archive reads and searches with the server gone
 * and the browser offline, at the root and under a base path.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';
import { launchBrowser } from '../support/browser.ts';
import { searchFor, waitForServiceWorker } from '../support/serviceWorker.ts';
import { hasPython, servePython } from '../support/pythonServer.ts';
import { serveStatic } from '../../scripts/lib/staticServer.ts';

const CLOUD_SEA = '/2022/02/24/fu-shan-ling-yun-hai/';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

// Each test opens its own page; most of a test is the browser waiting, so they run side by side.
describe.concurrent('offline', () => {
  describe.each([
    { basePath: '/', server: 'the test server', start: async () => serveStatic(await fixtureSite('seed')) },
    { basePath: '/archive/', server: 'the test server', start: async () => serveStatic(await fixtureSite('archive'), '/archive/') },
    { basePath: '/archive/', server: 'python3 -m http.server', start: async () => servePython(await fixtureSite('archive'), '/archive/', 'offline-base') },
  ])('offline under BASE_PATH=$basePath, served by $server', ({ basePath, server: serverName, start }) => {
    it.skipIf(serverName.startsWith('python') && !hasPython)('searching 云海 with the server stopped and the browser offline finds the article, and it opens', async ({ expect, onTestFinished }) => {
      const server = await start();
      // The test stops the server itself; this also stops it when the test fails first.
      onTestFinished(() => server.close());
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.url('/'));
      await waitForServiceWorker(page);
      await page.goto(server.url('/search/'));
      await server.close();
      await context.setOffline(true);

      const { count, paths } = await searchFor(page, '云海');
      expect(count).toBeGreaterThan(0);
      const permalink = basePath + CLOUD_SEA.slice(1);
      expect(paths[0]).toBe(permalink);
      await expect(page.locator('[data-offline-indicator]').isVisible()).resolves.toBe(true);
      await page.locator('[data-search-result]').first().click();
      await page.waitForURL((url) => url.pathname === permalink);
      expect(await page.locator('.article-body').textContent()).toContain('浮山岭');
      // The offline note takes its own place above the masthead: it covers no text, even scrolled to the end.
      await expect(page.locator('[data-offline-indicator]').isVisible()).resolves.toBe(true);
      const overlaps = await page.evaluate(() => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        const note = document.querySelector('[data-offline-indicator]')!.getBoundingClientRect();
        return [...document.querySelectorAll('main p, main h1, footer p')].filter((element) => {
          if (element.matches('[data-offline-indicator]')) return false;
          const box = element.getBoundingClientRect();
          return box.width > 0 && box.left < note.right && note.left < box.right && box.top < note.bottom && note.top < box.bottom;
        }).length;
      });
      expect(overlaps).toBe(0);

      // A page that was never built is not an error page from the browser: the offline page explains.
      await page.goto(server.url('/2099/01/01/nowhere/'));
      await expect(page.locator('[data-offline-missing]').isVisible()).resolves.toBe(true);
      await context.close();
    });
  });
});
