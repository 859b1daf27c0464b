/**
 * Runs queries through a real search page in headless Chromium, each one
 * cold (a fresh browser context: empty cache), and records what the page
 * reports: the total ([data-search-count]), the ranked result links
 * ([data-search-result]), and the time until the count appears. Bytes are
 * counted by the server (Pagefind fetches from a worker, which page events
 * do not always see).
 */
import type { Browser } from 'playwright-core';
import type { QueryOutcome } from './searchQueries.ts';

export interface PageRun extends QueryOutcome {
  milliseconds: number;
}

/** Opens searchUrl?q=query in a fresh context and waits for the count; onCount runs the moment it appears. */
export async function runQuery(browser: Browser, searchUrl: string, query: string, onCount?: () => void): Promise<PageRun> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const started = performance.now();
    await page.goto(`${searchUrl}?q=${encodeURIComponent(query)}`);
    await page.waitForSelector('[data-search-count]:not([data-search-count=""])', { state: 'attached', timeout: 60_000 });
    const milliseconds = performance.now() - started;
    onCount?.();
    const count = Number(await page.getAttribute('[data-search-count]', 'data-search-count'));
    const top = await page
      .locator('[data-search-result]')
      .evaluateAll((links) => links.slice(0, 10).map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    return { count, top, milliseconds };
  } finally {
    await context.close();
  }
}
