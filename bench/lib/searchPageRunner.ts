/**
 * Runs queries through a real search page in headless Chromium, each one
 * cold (a fresh browser context: empty cache), and records what the page
 * reports: the total ([data-search-count]), the ranked result links
 * ([data-search-result]), and the time until the count appears. Bytes are
 * counted by the server (the baseline's Pagefind fetches from a worker,
 * which page events do not always see).
 *
 * The time is taken inside the page: a MutationObserver, installed before the
 * page's own scripts, notes performance.now() (milliseconds since the
 * navigation started) when the count is set. Playwright's waitForSelector
 * polls at growing intervals (up to 500 ms apart), so timing its return
 * rounds every search up to its next poll.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { QueryOutcome } from './searchQueries.ts';

export interface PageRun extends QueryOutcome {
  milliseconds: number;
}

declare global {
  interface Window {
    __searchCountAt?: number;
    __searchCountSeen?: () => void;
  }
}

/** The search page's count element once a search has finished. */
const COUNT_SET = '[data-search-count]:not([data-search-count=""])';

/** Runs in the page before its scripts: notes when the count is set, and tells the runner at once. */
function noteCountTime(): void {
  new MutationObserver(() => {
    const counter = document.querySelector('[data-search-count]');
    if (window.__searchCountAt !== undefined || !counter?.getAttribute('data-search-count')) return;
    window.__searchCountAt = performance.now();
    window.__searchCountSeen?.();
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-search-count'] });
}

/**
 * Has every page of the context note when it sets the count (window.__searchCountAt,
 * ms since its navigation started) and call onCount at that moment, once.
 */
export async function watchSearchCount(context: BrowserContext, onCount: () => void): Promise<void> {
  await context.exposeFunction('__searchCountSeen', onCount);
  await context.addInitScript(noteCountTime);
}

/** The page's own time from navigation to count, once the count is there. */
export async function searchCountTime(page: Page): Promise<number> {
  await page.waitForSelector(COUNT_SET, { state: 'attached', timeout: 60_000 });
  return page.evaluate(() => window.__searchCountAt ?? Number.NaN);
}

/**
 * Opens searchUrl?q=query in a fresh context and waits for the count;
 * onCount runs (once) as soon as the page has set it, so what the page
 * fetches afterwards (the service worker's precache) is not counted.
 */
export async function runQuery(browser: Browser, searchUrl: string, query: string, onCount?: () => void): Promise<PageRun> {
  const context = await browser.newContext();
  let counted = false;
  const seen = () => {
    if (counted) return;
    counted = true;
    onCount?.();
  };
  await watchSearchCount(context, seen);
  const page = await context.newPage();
  try {
    await page.goto(`${searchUrl}?q=${encodeURIComponent(query)}`);
    const milliseconds = await searchCountTime(page);
    seen();
    return { ...(await reportedOutcome(page)), milliseconds };
  } finally {
    await context.close();
  }
}

/**
 * Opens searchUrl?q=query in a tab that is already open and returns what the
 * page reports, untimed. For tests of what search finds, not of how fast:
 * the tab's context keeps the index in its cache from one query to the next,
 * which changes no answer and saves a cold context's setup per query.
 */
export async function runQueryInTab(page: Page, searchUrl: string, query: string): Promise<QueryOutcome> {
  await page.goto(`${searchUrl}?q=${encodeURIComponent(query)}`);
  await page.waitForSelector(COUNT_SET, { state: 'attached', timeout: 60_000 });
  return reportedOutcome(page);
}

/** The total the page reports and its top ten results' paths, once the count is set. */
async function reportedOutcome(page: Page): Promise<QueryOutcome> {
  const count = Number(await page.getAttribute('[data-search-count]', 'data-search-count'));
  const top = await page
    .locator('[data-search-result]')
    .evaluateAll((links) => links.slice(0, 10).map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  return { count, top };
}
