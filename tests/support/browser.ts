/**
 * The browser a test file drives: the run's one Chromium when the project's
 * global setup started it (tests/support/browserSetup.ts), else a Chromium of
 * its own. close() on a connected browser closes only this file's contexts.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import type { RunningServer } from '../../scripts/lib/staticServer.ts';
import { launchChromium } from '../../scripts/lib/chromium.ts';

export function launchBrowser(): Promise<Browser> {
  const endpoint = inject('browserEndpoint');
  return endpoint ? chromium.connect(endpoint) : launchChromium();
}

/**
 * Context options for a test of what a page shows, not of offline use: no
 * service worker. On a first visit the worker saves a small archive whole in
 * the background (the reading fixture: 231 files), in every new context, and
 * that work competes with the test's. The offline tests and
 * tests/security/pagesUnderPolicy.test.ts run with the worker.
 */
export const NO_SERVICE_WORKER = { serviceWorkers: 'block' } as const;

/** A file's tabs for tests of what a page shows (see openTabs). */
export interface Tabs {
  /** A new tab, at `viewport` if given (else the context's 1280 × 720). */
  open(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Tabs of one browser context with no service worker, as one reader's tabs
 * are. A context is a profile the browser sets up and tears down (about half
 * a core-second on the two-core machine), so a file opens one for all its
 * pages, not one per page. A test that remembers a choice (the theme), turns
 * JavaScript off or needs the worker opens a context of its own.
 */
export async function openTabs(browser: Browser): Promise<Tabs> {
  const context = await browser.newContext(NO_SERVICE_WORKER);
  return {
    async open(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      return page;
    },
    close: () => context.close(),
  };
}

/** What a file of browser tests drives; filled in before its first test. */
export interface BrowserTestSite {
  server: RunningServer;
  browser: Browser;
  tabs: Tabs;
}

/**
 * A file's site served over HTTP (`serve`: a fixture site, or one the file
 * builds), the run's browser and the file's tabs: started before the file's
 * tests and closed after them, in the file's own hooks.
 */
export function browserTestSite(serve: () => Promise<RunningServer>): BrowserTestSite {
  const site = {} as BrowserTestSite;
  beforeAll(async () => {
    site.server = await serve();
    site.browser = await launchBrowser();
    site.tabs = await openTabs(site.browser);
  });
  afterAll(async () => {
    await site.tabs?.close();
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
