/**
 * What a reader can do on each page type, as a table the security browser
 * tests walk (tests/security/pagesUnderPolicy.test.ts).
 * A branch that adds a feature (filters, theme toggle, offline save, citation
 * copy) appends one line here, and the test then uses it under the CSP and
 * watches its requests.
 */
import type { Page } from 'playwright-core';
import type { RunningServer } from '../../scripts/lib/staticServer.ts';

export interface FeatureTour {
  /** Shown in the test name. */
  name: string;
  /** Site path (without base path) to open first. */
  path: string;
  /** What the reader does there; the tour fails if an action throws. */
  actions?: (page: Page, site: RunningServer) => Promise<void>;
}

const ARTICLE = '/2022/02/24/fu-shan-ling-yun-hai/';

/** Waits until the search page has finished a search. */
export async function searchFinished(page: Page): Promise<void> {
  await page.waitForSelector('[data-search-count]:not([data-search-count=""])', { state: 'attached' });
}

export const FEATURE_TOURS: FeatureTour[] = [
  { name: 'home page', path: '/' },
  { name: 'article page', path: ARTICLE },
  { name: 'not-found page', path: '/no-such-page/' },
  {
    name: 'header search box',
    path: '/',
    actions: async (page) => {
      await page.fill('#site-search', '云海');
      await page.press('#site-search', 'Enter');
      await page.waitForURL(/\/search\/\?q=/);
      await searchFinished(page);
    },
  },
  {
    name: 'search, then open the first result',
    path: '/search/?q=%E6%B5%AE%E5%B1%B1%E5%B2%AD',
    actions: async (page) => {
      await searchFinished(page);
      await page.locator('[data-search-result]').first().click();
      await page.waitForSelector('.article-body');
    },
  },
  {
    name: 'search form on the search page, no results',
    path: '/search/',
    actions: async (page) => {
      await page.fill('#search-page-input', '没有这样的词语');
      await page.press('#search-page-input', 'Enter');
      await page.waitForURL(/\?q=/);
      await searchFinished(page);
    },
  },
  {
    name: 'offline page: service worker installs, archive saved',
    path: '/offline/',
    actions: async (page) => {
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
      await page.waitForSelector('[data-offline-panel][data-offline-state="saved"]');
    },
  },
  { name: 'year page', path: '/2022/' },
  { name: 'month page', path: '/2022/02/' },
  { name: 'day (issue) page', path: '/2022/02/24/' },
  { name: 'tag index', path: '/tags/' },
  { name: 'tag page', path: `/tags/${encodeURIComponent('工会')}/` },
  { name: 'reporter index', path: '/reporters/' },
  { name: 'reporter page', path: `/reporters/${encodeURIComponent('梁奈')}/` },
  {
    name: 'theme toggle',
    path: ARTICLE,
    actions: async (page) => {
      await page.locator('[data-theme-toggle]').click();
      await page.waitForFunction(() => document.documentElement.dataset.theme !== undefined);
    },
  },
  {
    name: 'citation copy button',
    path: ARTICLE,
    actions: async (page) => {
      await page.locator('[data-copy-from]').click();
      await page.waitForFunction(() => (document.querySelector('[data-copy-status]')?.textContent ?? '') !== '');
    },
  },
];
