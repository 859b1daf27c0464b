/**
 * Helpers for offline tests: wait until the archive's service worker controls
 * a page (its precache is then complete), and read what it has cached.
 */
import type { Page } from 'playwright-core';

/** Resolves once the page is controlled by an activated service worker. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  // Polling the controller fails with a timeout if no worker registers; awaiting `ready` would hang.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}

/** Names of every Cache Storage cache the page's origin holds. */
export function cacheNames(page: Page): Promise<string[]> {
  return page.evaluate(() => caches.keys());
}

/** The hrefs of the search results on the page, in rank order (site paths). */
export async function resultPaths(page: Page): Promise<string[]> {
  const hrefs = await page.locator('[data-search-result]').evaluateAll((links) =>
    links.map((link) => (link as HTMLAnchorElement).href),
  );
  return hrefs.map((href) => new URL(href).pathname);
}

/** Runs a search through the search page's own form and waits for it to finish. */
export async function searchFor(page: Page, query: string): Promise<{ count: number; paths: string[] }> {
  await page.fill('#search-page-input', query);
  await Promise.all([page.waitForURL((url) => url.searchParams.get('q') === query), page.press('#search-page-input', 'Enter')]);
  await page.waitForSelector('[data-search-count]:not([data-search-count=""])', { state: 'attached' });
  const count = Number(await page.getAttribute('[data-search-count]', 'data-search-count'));
  return { count, paths: await resultPaths(page) };
}
