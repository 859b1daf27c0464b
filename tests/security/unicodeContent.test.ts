/**
 * Unicode edge cases (tests/fixtures/unicode) through the real build: rare
 * CJK characters beyond the Basic Multilingual Plane (𠮷 U+20BB7 and later
 * extensions, also in a file name and so in a permalink), emoji sequences,
 * zero-width characters and right-to-left text keep every code point in
 * headline, title and body, sort by issue and page, and are found by the
 * search page. Their links and HTML are checked with the other fixture
 * sites' (tests/security/internalLinks.test.ts, htmlValidity.test.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';
import { NO_SERVICE_WORKER, launchBrowser } from '../support/browser.ts';
import { readContentFolder } from '../support/contentArticles.ts';
import { searchFinished } from '../support/featureTours.ts';
import { serveStatic, type RunningServer } from '../../scripts/lib/staticServer.ts';

const CONTENT = 'tests/fixtures/unicode';
const sources = readContentFolder(CONTENT);
const bySlug = (slug: string) => sources.find((source) => source.permalink.endsWith(`/${slug}/`))!;

/** Body strings that must come through untouched, per article. */
const BODY_SAMPLES: Record<string, string[]> = {
  𠮷野家: ['𠮷野家的“𠮷”', '𪚥（U+2A6A5）', '𰀀（U+30000）'],
  emoji: ['👨‍👩‍👧‍👦', '🇨🇳', '👍🏽', '1️⃣'],
  'zero-width': ['（\u200b）', '（\u200c）', '（\u200d）', '（\ufeff）'],
  'right-to-left': ['مرحبا بالعالم', 'שלום עולם', '\u202e反向覆盖\u202c'],
};

/** What a reader types, and the article that must come first. */
const SEARCHES: [string, string][] = [
  ['𠮷野家', '𠮷野家'],
  ['𪚥', '𠮷野家'],
  // Search covers the headline block and body (issue #3); 𠮷田 is only a byline.
  ['𰀀', '𠮷野家'],
  ['🧧', 'emoji'],
  ['零宽字符', 'zero-width'],
  ['مرحبا', 'right-to-left'],
  ['שלום', 'right-to-left'],
];

let dist: string;
let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  dist = await fixtureSite('unicode');
  server = await serveStatic(dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function readPage(permalink: string): Document {
  return parseHTML(readFileSync(path.join(dist, permalink, 'index.html'), 'utf8')).document;
}

describe('Unicode edge cases', () => {
  it.each(sources)('$file keeps every code point of its headline', ({ permalink, data }) => {
    const document = readPage(permalink);
    expect(document.querySelector('h1')?.textContent?.trim()).toBe(data.title);
    expect(document.querySelector('title')?.textContent?.startsWith(data.title)).toBe(true);
  });

  it.each(Object.entries(BODY_SAMPLES))('%s keeps every code point of its body', (slug, samples) => {
    const body = readPage(bySlug(slug).permalink).querySelector('.article-body')?.textContent ?? '';
    for (const sample of samples) expect(body).toContain(sample);
  });

  it('articles sort by issue date (newest first), then by page', () => {
    const expected = [...sources]
      .sort((a, b) => b.data.date.localeCompare(a.data.date) || (a.data.page ?? 99) - (b.data.page ?? 99))
      .map((source) => source.data.title);
    const feed = new XMLParser({ isArray: (name) => name === 'item' }).parse(readFileSync(path.join(dist, 'rss.xml'), 'utf8'));
    expect(feed.rss.channel.item.map((item: { title: string }) => item.title)).toEqual(expected);
  });

  it('the newest issue on the home page lists its articles in page order', () => {
    const links = [...parseHTML(readFileSync(path.join(dist, 'index.html'), 'utf8')).document.querySelectorAll('main a')]
      .map((link) => decodeURIComponent(link.getAttribute('href') ?? ''))
      .filter((href) => /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/.test(href));
    expect(links.slice(0, 2)).toEqual([bySlug('𠮷野家').permalink, bySlug('emoji').permalink]);
  });

  // Its links: tests/security/internalLinks.test.ts; its pages' validity: htmlValidity.test.ts.

  it('a headline mixing Chinese with Arabic and Hebrew lays out left to right, RTL runs intact', async () => {
    const page = await browser.newPage({ ...NO_SERVICE_WORKER, viewport: { width: 390, height: 800 } });
    await page.goto(server.url(bySlug('right-to-left').permalink));
    const heading = page.locator('h1');
    expect(await heading.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
    expect(await heading.textContent()).toContain('مرحبا بالعالم');
    // Nothing overflows the 390 px screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });

  it.concurrent.each(SEARCHES)('searching %s finds %s first', async (query, slug) => {
    const page = await browser.newPage(NO_SERVICE_WORKER);
    await page.goto(server.url(`/search/?q=${encodeURIComponent(query)}`));
    await searchFinished(page);
    const href = await page.locator('[data-search-result]').first().getAttribute('href');
    expect(decodeURIComponent(new URL(href!, server.origin).pathname)).toBe(bySlug(slug).permalink);
    await page.close();
  });
});
