/**
 * What search finds is what the reader sees: for every article of
 * content/articles and of every test fixture archive, the body text in the
 * built search index (the fragments' `b`, the text the words were made
 * from) equals the innerText of the article body on the built page in
 * Chromium, whitespace normalised alike. And on the hostile archive, text
 * that the sanitiser removed from the page (a script, a style sheet) is not
 * found by the search page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_SERVICE_WORKER, launchBrowser } from '../support/browser.ts';
import { fixtureSite, type FixtureSite } from '../support/fixtureSites.ts';
import { READING_FIXTURE } from '../support/readingPages.ts';
import { serveStatic } from '../../scripts/lib/staticServer.ts';

const SIGNATURE = 'pagefind_dcd';
/** Tabs reading article pages at once. */
const TABS = 3;
/** Content folder → the shared fixture site built from it. */
const ARCHIVES: Record<string, FixtureSite> = {
  'content/articles': 'seed',
  [READING_FIXTURE]: 'reading',
  'tests/fixtures/hostile': 'hostile',
  'tests/fixtures/unicode': 'unicode',
  'tests/fixtures/other-archive': 'otherArchive',
};

/** Whitespace as a reader cannot tell it apart: any run is one space. */
const normaliseSpace = (text: string) => text.replace(/\s+/g, ' ').trim();

/** url → body text of every fragment of a built site's index. */
function indexTexts(dist: string): Map<string, string> {
  const dir = path.join(dist, 'pagefind', 'fragment');
  const texts = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const fragment = JSON.parse(gunzipSync(readFileSync(path.join(dir, name))).toString('utf8').slice(SIGNATURE.length)) as {
      url: string;
      meta: { b: string };
    };
    texts.set(fragment.url, fragment.meta.b);
  }
  return texts;
}

let browser: Browser;
const dists = new Map<string, string>();

beforeAll(async () => {
  for (const [contentDir, dist] of Object.entries(ARCHIVES)) {
    dists.set(contentDir, await fixtureSite(dist));
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe.concurrent.each(Object.keys(ARCHIVES))('%s', (contentDir) => {
  it("indexes each article's body as the page shows it", { timeout: 600_000 }, async () => {
    const dist = dists.get(contentDir)!;
    const texts = indexTexts(dist);
    expect(texts.size).toBeGreaterThan(0);
    const server = await serveStatic(dist);
    const tabs = await Promise.all(Array.from({ length: TABS }, () => browser.newPage(NO_SERVICE_WORKER)));
    const entries = [...texts];
    const differences: string[] = [];
    try {
      // The tabs take the articles in turn: a tab spends most of its time loading the next page.
      await Promise.all(
        tabs.map(async (page, tab) => {
          for (const [url, text] of entries.filter((_, index) => index % TABS === tab)) {
            await page.goto(server.url(url));
            const shown = await page.locator('.article-body').innerText();
            if (normaliseSpace(shown) !== normaliseSpace(text)) differences.push(`${url}\n  page:  ${normaliseSpace(shown)}\n  index: ${normaliseSpace(text)}`);
          }
        }),
      );
    } finally {
      await Promise.all(tabs.map((tab) => tab.close()));
      await server.close();
    }
    expect(differences.sort()).toEqual([]);
  });
});

describe('text the sanitiser removed', () => {
  it.each(["'script';", 'display'])('%s is not found on the hostile archive', async (query) => {
    const server = await serveStatic(dists.get('tests/fixtures/hostile')!);
    const page = await browser.newPage(NO_SERVICE_WORKER);
    try {
      // The control: escaped markup is page text, and search finds it.
      for (const [q, expected] of [["__pwned='excerpt'", 1], [query, 0]] as const) {
        await page.goto(server.url(`/search/?q=${encodeURIComponent(q)}`));
        await page.waitForSelector('[data-search-count]:not([data-search-count=""])', { state: 'attached' });
        expect(Number(await page.getAttribute('[data-search-count]', 'data-search-count')), q).toBe(expected);
      }
    } finally {
      await page.close();
      await server.close();
    }
  });
});
