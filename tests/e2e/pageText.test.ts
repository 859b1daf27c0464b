/**
 * The text of the built pages, as Chromium lays it out. Two checks share one
 * visit per page (a visit is most of their cost):
 *
 * - Headlines break only between phrases (src/lib/headlinePhrases.ts:
 *   BudouX, checked against ICU's words): every headline, kicker and
 *   subtitle of the seed and reading-fixture articles, on their day pages
 *   and article pages, at 320, 390 and 1280 px, measured from the line boxes
 *   of each character (Range.getClientRects). A line may start only where a
 *   phrase does.
 * - What search finds is what the reader sees: for every article of
 *   content/articles and of every test fixture archive, the body text in the
 *   built search index (the fragments' `b`, the text the words were made
 *   from) equals the innerText of the article body on the built page,
 *   whitespace normalised alike. And on the hostile archive, text that the
 *   sanitiser removed from the page (a script, a style sheet) is not found
 *   by the search page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headlinePhrases } from '../../src/lib/headlinePhrases.ts';
import { NO_SERVICE_WORKER, launchBrowser } from '../support/browser.ts';
import { fixtureSite, type FixtureSite } from '../support/fixtureSites.ts';
import { READING_FIXTURE } from '../support/readingPages.ts';
import { serveStatic } from '../../scripts/lib/staticServer.ts';

const WIDTHS = [320, 390, 1280];
/** Tabs visiting one archive's pages at once: a tab spends much of its time loading the next page. */
const TABS = 3;
const SIGNATURE = 'pagefind_dcd';

/**
 * Content folder → the shared fixture site built from it, whether its
 * headlines are measured, and whether the control runs there (the seed's
 * headlines are known to break inside phrases without the phrase breaks).
 */
const ARCHIVES: Array<{ contentDir: string; site: FixtureSite; headlines: boolean; control?: true; basePath?: string }> = [
  { contentDir: 'content/articles', site: 'seed', headlines: true, control: true },
  { contentDir: READING_FIXTURE, site: 'reading', headlines: true },
  { contentDir: 'tests/fixtures/hostile', site: 'hostile', headlines: false },
  { contentDir: 'tests/fixtures/unicode', site: 'unicode', headlines: false },
  { contentDir: 'tests/fixtures/other-archive', site: 'otherArchive', headlines: false },
  // Photo features and photos in text articles, served under /archive/ as built
  // (the index's addresses are the site's, without the base path, as Pagefind's).
  { contentDir: 'the photo archive (tests/support/photoArchive.ts)', site: 'photos', headlines: false, basePath: '/archive/' },
];

/** Every page of a built site that sets headlines: day pages and article pages. */
function headlinePages(dist: string): string[] {
  const pages: string[] = [];
  for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    const match = /^(\d{4}\/\d{2}\/\d{2}(?:\/[^/]+)?)\/index\.html$/.exec(file.split(path.sep).join('/'));
    if (match && !match[1]!.includes('/page')) pages.push(`/${match[1]}/`);
  }
  return pages.sort();
}

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

/** Whitespace as a reader cannot tell it apart: any run is one space. */
const normaliseSpace = (text: string) => text.replace(/\s+/g, ' ').trim();

interface Measured {
  text: string;
  /** Offsets (in code points of `text`) where a new line starts. */
  breaks: number[];
}

/** Text and line starts of every `.phrased` element on the page (the supplied-title marker aside). */
function measure(page: Page): Promise<Measured[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.phrased')].map((element) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) => (node.parentElement?.closest('.supplied') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      let text = '';
      const breaks: number[] = [];
      let lastTop: number | undefined;
      let lastHeight = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const value = node.nodeValue ?? '';
        let offset = 0;
        for (const char of value) {
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + char.length);
          const rect = [...range.getClientRects()].find((r) => r.width > 0);
          if (rect && char.trim() !== '') {
            if (lastTop !== undefined && rect.top > lastTop + lastHeight / 2) breaks.push([...text].length);
            lastTop = rect.top;
            lastHeight = rect.height;
          }
          text += char;
          offset += char.length;
        }
      }
      return { text, breaks };
    }),
  );
}

/** Code-point offsets where a phrase starts (a line may begin there), spaces counting as either side. */
function phraseStarts(text: string): Set<number> {
  const starts = new Set<number>([0]);
  let at = 0;
  for (const phrase of headlinePhrases(text)) {
    at += [...phrase].length;
    starts.add(at);
  }
  [...text].forEach((char, index) => {
    if (char === ' ') starts.add(index + 1);
  });
  return starts;
}

interface Tally {
  measured: number;
  wrapped: number;
}

/** Line starts that are not phrase starts, on the page as it is now laid out. */
async function wrongBreaks(page: Page, sitePath: string, tally: Tally): Promise<string[]> {
  const wrong: string[] = [];
  for (const { text, breaks } of await measure(page)) {
    tally.measured += 1;
    if (breaks.length > 0) tally.wrapped += 1;
    const starts = phraseStarts(text);
    for (const at of breaks) {
      if (!starts.has(at)) wrong.push(`${sitePath}: ${[...text].slice(0, at).join('')} / ${[...text].slice(at).join('')}`);
    }
  }
  return wrong;
}

/** What one walk over an archive's pages found. */
interface Walk {
  headlinePages: number;
  /** Line starts inside a phrase. */
  wrongBreaks: string[];
  tallies: Map<number, Tally>;
  /** The same measurement at 320 px with the phrase breaks switched off (the control). */
  unphrasedBreaks: string[];
  indexed: number;
  /** Articles whose indexed body differs from the page's. */
  textDifferences: string[];
}

let browser: Browser;
const dists = new Map<FixtureSite, string>();

beforeAll(async () => {
  for (const { site } of ARCHIVES) dists.set(site, await fixtureSite(site));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Visits each headline page and each indexed article of an archive once, measuring all it is asked for. */
async function walk({ site, headlines, control, basePath = '/' }: (typeof ARCHIVES)[number]): Promise<Walk> {
  const dist = dists.get(site)!;
  const texts = indexTexts(dist);
  const measured = headlines ? headlinePages(dist) : [];
  const result: Walk = {
    headlinePages: measured.length,
    wrongBreaks: [],
    tallies: new Map(WIDTHS.map((width) => [width, { measured: 0, wrapped: 0 }])),
    unphrasedBreaks: [],
    indexed: texts.size,
    textDifferences: [],
  };
  const pages = [...new Set([...measured, ...texts.keys()])];
  const server = await serveStatic(dist, basePath);
  const wide = { width: WIDTHS.at(-1)!, height: 900 };
  const tabs = await Promise.all(Array.from({ length: TABS }, () => browser.newPage({ ...NO_SERVICE_WORKER, viewport: wide })));
  try {
    // The tabs take the pages in turn; each page loads once and is measured at every width.
    await Promise.all(
      tabs.map(async (page, tab) => {
        for (const sitePath of pages.filter((_, index) => index % TABS === tab)) {
          // The body text is read at the desktop width, as a reader at a computer sees it.
          await page.setViewportSize(wide);
          await page.goto(server.url(sitePath));
          const text = texts.get(sitePath);
          if (text !== undefined) {
            const shown = await page.locator('.article-body').innerText();
            if (normaliseSpace(shown) !== normaliseSpace(text)) result.textDifferences.push(`${sitePath}\n  page:  ${normaliseSpace(shown)}\n  index: ${normaliseSpace(text)}`);
          }
          if (!measured.includes(sitePath)) continue;
          await page.evaluate(() => document.fonts.ready);
          for (const width of WIDTHS) {
            await page.setViewportSize({ width, height: 900 });
            result.wrongBreaks.push(...(await wrongBreaks(page, `${sitePath} @${width}`, result.tallies.get(width)!)));
          }
          if (!control) continue;
          // The same measurement without the phrase breaks, so the test shows it can catch a regression.
          await page.setViewportSize({ width: WIDTHS[0]!, height: 900 });
          await page.evaluate(() => {
            for (const element of document.querySelectorAll<HTMLElement>('.phrased')) {
              element.style.wordBreak = 'normal';
              element.style.textWrap = 'wrap';
            }
          });
          result.unphrasedBreaks.push(...(await wrongBreaks(page, `${sitePath} unphrased`, { measured: 0, wrapped: 0 })));
        }
      }),
    );
  } finally {
    await Promise.all(tabs.map((tab) => tab.close()));
    await server.close();
  }
  return result;
}

/** One walk per archive, started by the first test that needs it and shared by both checks. */
const walks = new Map<FixtureSite, Promise<Walk>>();
function walkOf(archive: (typeof ARCHIVES)[number]): Promise<Walk> {
  if (!walks.has(archive.site)) walks.set(archive.site, walk(archive));
  return walks.get(archive.site)!;
}

describe.concurrent('every built page', () => {
  it.for(ARCHIVES.filter((archive) => archive.headlines))(
    '$site: headlines break between phrases at 320, 390, 1280 px',
    { timeout: 300_000 },
    async (archive, { expect }) => {
      const found = await walkOf(archive);
      expect(found.headlinePages).toBeGreaterThan(3);
      for (const [width, { measured, wrapped }] of found.tallies) {
        expect(measured, `headlines measured at ${width} px`).toBeGreaterThan(found.headlinePages);
        // The narrow widths must wrap some headlines, or the test measured nothing.
        if (width < 1000) expect(wrapped, `headlines wrapped at ${width} px`).toBeGreaterThan(0);
      }
      if (archive.site === 'seed') expect(found.unphrasedBreaks.length, 'breaks inside phrases without keep-all').toBeGreaterThan(0);
      expect(found.wrongBreaks).toEqual([]);
    },
  );

  it.for(ARCHIVES)("$contentDir: indexes each article's body as the page shows it", { timeout: 300_000 }, async (archive, { expect }) => {
    const found = await walkOf(archive);
    expect(found.indexed).toBeGreaterThan(0);
    expect(found.textDifferences.sort()).toEqual([]);
  });
});

describe('text the sanitiser removed', () => {
  it.each(["'script';", 'display'])('%s is not found on the hostile archive', async (query) => {
    const server = await serveStatic(dists.get('hostile')!);
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
