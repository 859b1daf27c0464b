/**
 * Headlines break only between phrases (src/lib/headlinePhrases.ts: BudouX,
 * checked against ICU's words): every headline, kicker and subtitle of the
 * seed and reading-fixture articles, on their day pages and article pages,
 * at 320, 390 and 1280 px, measured in Chromium from the line boxes of each
 * character (Range.getClientRects). A line may start only where a phrase does.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';
import { headlinePhrases } from '../../src/lib/headlinePhrases.ts';
import { NO_SERVICE_WORKER, launchBrowser } from '../support/browser.ts';
import { serveStatic } from '../../scripts/lib/staticServer.ts';

const WIDTHS = [320, 390, 1280];

/** Every page of a built site that sets headlines: day pages and article pages. */
function headlinePages(dist: string): string[] {
  const pages: string[] = [];
  for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    const match = /^(\d{4}\/\d{2}\/\d{2}(?:\/[^/]+)?)\/index\.html$/.exec(file.split(path.sep).join('/'));
    if (match && !match[1]!.includes('/page')) pages.push(`/${match[1]}/`);
  }
  return pages.sort();
}

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

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Line starts that are not phrase starts, on the page as it is now laid out. */
async function wrongBreaks(page: Page, sitePath: string, tally: { measured: number; wrapped: number }): Promise<string[]> {
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

/** Tabs measuring at once: a tab spends much of its time loading the next page. */
const TABS = 3;

for (const site of ['seed', 'reading'] as const) {
  it.concurrent(`${site}: headlines break between phrases at ${WIDTHS.join(', ')} px`, { timeout: 300_000 }, async () => {
    const dist = await fixtureSite(site);
    const server = await serveStatic(dist);
    const pages = headlinePages(dist);
    expect(pages.length).toBeGreaterThan(3);
    const tabs = await Promise.all(Array.from({ length: TABS }, () => browser.newPage({ ...NO_SERVICE_WORKER, viewport: { width: WIDTHS[0]!, height: 900 } })));
    const wrong: string[] = [];
    const tallies = new Map(WIDTHS.map((width) => [width, { measured: 0, wrapped: 0 }]));
    try {
      // Each page loads once and is measured at every width; the tabs take the pages in turn.
      await Promise.all(
        tabs.map(async (page, tab) => {
          for (const sitePath of pages.filter((_, index) => index % TABS === tab)) {
            await page.goto(server.url(sitePath));
            await page.evaluate(() => document.fonts.ready);
            for (const width of WIDTHS) {
              await page.setViewportSize({ width, height: 900 });
              wrong.push(...(await wrongBreaks(page, `${sitePath} @${width}`, tallies.get(width)!)));
            }
          }
        }),
      );
      // The same measurement fails without the phrase breaks: the test can catch a regression.
      const page = tabs[0]!;
      await page.setViewportSize({ width: 320, height: 900 });
      await page.evaluate(() => {
        for (const element of document.querySelectorAll<HTMLElement>('.phrased')) {
          element.style.wordBreak = 'normal';
          element.style.textWrap = 'wrap';
        }
      });
      const unphrased = await wrongBreaks(page, 'unphrased', { measured: 0, wrapped: 0 });
      if (site === 'seed') expect(unphrased.length, 'breaks inside phrases without keep-all').toBeGreaterThan(0);
    } finally {
      await Promise.all(tabs.map((tab) => tab.close()));
      await server.close();
    }
    for (const [width, { measured, wrapped }] of tallies) {
      expect(measured, `headlines measured at ${width} px`).toBeGreaterThan(pages.length);
      // The narrow widths must wrap some headlines, or the test measured nothing.
      if (width < 1000) expect(wrapped, `headlines wrapped at ${width} px`).toBeGreaterThan(0);
    }
    expect(wrong).toEqual([]);
  });
}
