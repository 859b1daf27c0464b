/**
 * Every reading page type in a real browser: axe-core (WCAG 2.2 A + AA) in the
 * light and the dark scheme and no sideways scroll at 360 px, each on one
 * load of the page; the article page's weight, the remembered theme toggle
 * and the citation copy button. Screenshots at 390 and 1280 px when asked
 * for (tests/support/screenshots.ts).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';
import { axeViolations } from '../support/axe.ts';
import { NO_SERVICE_WORKER, browserTestSite } from '../support/browser.ts';
import { PAGE_TYPES } from '../support/readingPages.ts';
import { saveScreenshot } from '../support/screenshots.ts';
import { serveStatic } from '../../scripts/lib/staticServer.ts';

const site = browserTestSite(async () => serveStatic(await fixtureSite('reading')));

async function open(sitePath: string, options: { width?: number; scheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const page = await site.tabs.open({ width: options.width ?? 1280, height: 900 });
  await page.emulateMedia({ colorScheme: options.scheme ?? 'light' });
  await page.goto(site.server.url(sitePath));
  await page.waitForLoadState('networkidle');
  if (sitePath.startsWith('/search/')) await page.waitForSelector('[data-search-count]:not([data-search-count=""])', { state: 'attached' });
  return page;
}

// The tests run side by side, each in tabs of its own.
// One load per page type: the scheme and the width change on the loaded
// page, as they do when a reader switches the system theme or turns a phone;
// the styles follow prefers-color-scheme and the width without a reload.
describe.concurrent('every page type: axe-core (WCAG 2.2 A and AA) in both schemes, no sideways scroll at 360 px', () => {
  it.for(Object.entries(PAGE_TYPES))('%s', async ([name, sitePath], { expect }) => {
    const page = await open(sitePath);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page), `${name}, ${scheme} scheme`).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await saveScreenshot(page, `reading-${name}-${width}`);
    }
    await page.setViewportSize({ width: 360, height: 900 });
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, `${name} at 360 px`).toBeLessThanOrEqual(clientWidth);
    await page.close();
  });
});

describe.concurrent('small screens', () => {
  it('at 390 px a Chinese date wraps whole or at its space, never 2023年3月 / 15日 or 星期 / 五', async ({ expect }) => {
    // The height of each line box of an element: one per line it takes.
    const lines = (page: Page, selector: string) =>
      page.$eval(selector, (el) => new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size);
    const home = await open('/', { width: 390 });
    expect(await lines(home, 'h1 a')).toBe(1);
    await home.close();
    const day = await open(PAGE_TYPES.day!, { width: 390 });
    // "2022年2月25日 星期五" may take two lines, split only at the space.
    const text = await day.$eval('.prev-next .next .title', (el) => {
      const range = document.createRange();
      const node = el.firstChild!;
      const tops = [...(node.textContent ?? '')].map((_, i) => {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        return Math.round(range.getBoundingClientRect().top);
      });
      return [...(node.textContent ?? '')].filter((_, i) => i > 0 && tops[i] !== tops[i - 1]).join('');
    });
    expect(['', '星']).toContain(text);
    await day.close();
  });
});

describe.concurrent('the article page', () => {
  it('weighs under 50 KB of HTML, CSS and JS as transferred', async ({ expect }) => {
    const page = await site.browser.newPage(NO_SERVICE_WORKER);
    const sizes: { url: string; bytes: number }[] = [];
    page.on('response', async (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (/html|css|javascript/.test(type)) sizes.push({ url: response.url(), bytes: (await response.body()).length });
    });
    await page.goto(site.server.url(PAGE_TYPES.article!));
    await page.waitForLoadState('networkidle');
    const total = sizes.reduce((sum, { bytes }) => sum + bytes, 0);
    console.log(`article page: ${sizes.length} files, ${(total / 1024).toFixed(1)} KB (uncompressed, as this server sends them)`);
    expect(sizes.some(({ url }) => url.endsWith('.css'))).toBe(true);
    expect(total).toBeLessThan(50 * 1024);
    // The search highlighter (and its normalisation tables) loads only for ?hl= (tests/e2e/searchUi.test.ts).
    expect(sizes.map(({ url }) => url).filter((url) => /highlightArticle|findMatches|traditional-\d\d|tokens/.test(url))).toEqual([]);
    await page.close();
  });

  it('keeps a reading measure of 36–40 characters on a wide screen', async ({ expect }) => {
    const page = await open(PAGE_TYPES.article!, { width: 1280 });
    const chars = await page.$eval('.article-body p', (p) => p.clientWidth / parseFloat(getComputedStyle(p).fontSize));
    const { fontSize, lineHeight } = await page.$eval('.article-body p', (p) => {
      const style = getComputedStyle(p);
      return { fontSize: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize) };
    });
    expect(chars).toBeGreaterThanOrEqual(36);
    expect(chars).toBeLessThanOrEqual(40);
    expect(fontSize).toBeGreaterThanOrEqual(17);
    expect(fontSize).toBeLessThanOrEqual(18);
    expect(lineHeight).toBeGreaterThanOrEqual(1.7);
    expect(lineHeight).toBeLessThanOrEqual(1.9);
    await page.close();
  });

  it('reads with JavaScript off', async ({ expect }) => {
    const context = await site.browser.newContext({ ...NO_SERVICE_WORKER, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.server.url(PAGE_TYPES.article!));
    expect(await page.locator('.article-body p').count()).toBeGreaterThan(0);
    expect(await page.locator('h1').textContent()).toContain('测试新闻');
    await context.close();
  });

  it('copies the citation with the copy button', async ({ expect }) => {
    const context = await site.browser.newContext(NO_SERVICE_WORKER);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
    const page = await context.newPage();
    await page.goto(site.server.url(PAGE_TYPES.article!));
    await page.getByRole('button', { name: '复制引用' }).click();
    await expect.poll(() => page.locator('[data-copy-status]').textContent()).toContain('已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('《茂名晚报》2020年1月8日');
    // The permanent link is the configured SITE_URL's, not the test server's.
    expect(copied).toContain('http://localhost:4321/2020/01/08/a001/');
    await context.close();
  });
});

describe.concurrent('printing', () => {
  it('prints headline, byline, body and source line without the site around them', async ({ expect }) => {
    const page = await open(PAGE_TYPES.article!);
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) => page.locator(selector).first().isVisible();
    for (const selector of ['h1', '.byline', '.article-body', '.source-line']) expect(await shown(selector), selector).toBe(true);
    for (const selector of ['.masthead nav', '.search-box', '.citation', '.prev-next', '.related', '.site-footer']) {
      expect(await shown(selector), selector).toBe(false);
    }
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await saveScreenshot(page, 'reading-article-print');
    await page.close();
  });
});

describe.concurrent('dark mode toggle', () => {
  it('switches the scheme and remembers it on the next page', async ({ expect }) => {
    const context = await site.browser.newContext({ ...NO_SERVICE_WORKER, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(site.server.url('/'));
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    const toggle = page.locator('[data-theme-toggle]');
    // Wired by its module script; waitForSelector allows a loaded machine more than expect.poll's one second.
    await page.waitForSelector('[data-theme-toggle][data-ready]');
    // The button says what it will do, in each state.
    expect(await toggle.textContent()).toContain('切换到深色模式');
    await toggle.click();
    expect(await toggle.textContent()).toContain('切换到浅色模式');
    const dark = await background();
    expect(dark).not.toBe(light);
    await page.goto(site.server.url(PAGE_TYPES.article!));
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).toBe(dark);
    await context.close();
  });

  it('applies the remembered scheme before the page\'s module scripts run (no flash)', async ({ expect }) => {
    const context = await site.browser.newContext({ ...NO_SERVICE_WORKER, colorScheme: 'light' });
    await context.addInitScript(() => localStorage.setItem('archive-theme', 'dark'));
    // Module scripts never arrive: what <html> shows is what the page drew first.
    await context.route(/\/_astro\/.*\.js$/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(site.server.url(PAGE_TYPES.article!), { waitUntil: 'domcontentloaded' });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // Form controls and scroll bars follow the choice too, not the system's light scheme.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.evaluate(() => delete document.documentElement.dataset.theme);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(background);
    await context.close();
  });

  it('a remembered light scheme on a dark system gives light form controls', async ({ expect }) => {
    const context = await site.browser.newContext({ ...NO_SERVICE_WORKER, colorScheme: 'dark' });
    await context.addInitScript(() => localStorage.setItem('archive-theme', 'light'));
    const page = await context.newPage();
    await page.goto(site.server.url('/search/'));
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('light');
    await context.close();
  });

  it('follows the system scheme when nothing is remembered', async ({ expect }) => {
    const page = await open('/', { scheme: 'dark' });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    await page.waitForSelector('[data-theme-toggle][data-ready]');
    expect(await page.locator('[data-theme-toggle]').textContent()).toContain('切换到浅色模式');
    await page.close();
  });
});

describe.concurrent('往年今日 for the reader\'s own date', () => {
  /** Home as a reader in Maoming sees it at `isoTime`, JavaScript on. */
  async function homeAt(isoTime: string, scheme: 'light' | 'dark' = 'light') {
    const context = await site.browser.newContext({ ...NO_SERVICE_WORKER, timezoneId: 'Asia/Shanghai', colorScheme: scheme });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.clock.setFixedTime(new Date(isoTime));
    await page.goto(site.server.url('/'));
    await page.waitForLoadState('networkidle');
    const section = page.locator('[data-on-this-day]');
    return { context, page, section, requests };
  }
  const issueLinks = (section: import('playwright-core').Locator) =>
    section.locator(':scope > ul > li > a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));

  it('shows the reader\'s day, not the newest issue\'s: 24 February', async ({ expect }) => {
    // 23:30 UTC on the 23rd is already the 24th in Maoming: the reader's local calendar counts.
    const { context, page, section } = await homeAt('2026-02-23T16:30:00Z');
    await expect.poll(() => section.locator('h2').textContent()).toBe('往年今日（2月24日）');
    expect(await issueLinks(section)).toEqual(['/2023/02/24/', '/2022/02/24/', '/2021/02/24/', '/2020/02/24/']);
    expect(await section.locator('[data-fallback-note]').count()).toBe(0);
    expect(await section.locator('ul ul a').first().getAttribute('href')).toMatch(/^\/2023\/02\/24\/[^/]+\/$/);
    await saveScreenshot(page, 'reading-home-on-this-day-1280');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('counts only years before the reader\'s own', async ({ expect }) => {
    const { context, section } = await homeAt('2023-03-15T02:00:00Z');
    await expect.poll(() => issueLinks(section)).toEqual(['/2022/03/15/', '/2021/03/15/', '/2020/03/15/']);
    await context.close();
  });

  it('hides the section on a day no earlier year printed, without asking the server', async ({ expect }) => {
    const { context, section, requests } = await homeAt('2026-06-15T02:00:00Z');
    await expect.poll(() => section.isHidden()).toBe(true);
    expect(requests.filter((url) => url.includes('/on-this-day/'))).toEqual([]);
    await context.close();
  });

  it('without JavaScript shows the newest issue\'s day and says so', async ({ expect }) => {
    const context = await site.browser.newContext({ ...NO_SERVICE_WORKER, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.server.url('/'));
    const section = page.locator('[data-on-this-day]');
    expect(await section.locator('h2').textContent()).toBe('往年今日（3月15日）');
    expect(await section.locator('[data-fallback-note]').isVisible()).toBe(true);
    expect(await issueLinks(section)).toEqual(['/2022/03/15/', '/2021/03/15/', '/2020/03/15/']);
    await context.close();
  });

  it('has no axe violations in the dark scheme with the reader\'s day shown', async ({ expect }) => {
    const { context, page, section } = await homeAt('2026-07-01T02:00:00Z', 'dark');
    await expect.poll(() => section.locator('h2').textContent()).toBe('往年今日（7月1日）');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe.concurrent('no layout shift from content that arrives after load', () => {
  // Layout-shift entries summed as Lighthouse's CLS does (no recent input).
  const RECORD_SHIFTS = `
    window.__layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  `;
  async function shiftOf(sitePath: string, isoTime: string, ready: string) {
    const context = await site.browser.newContext({ ...NO_SERVICE_WORKER, viewport: { width: 390, height: 800 }, timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.addInitScript(RECORD_SHIFTS);
    await page.clock.setFixedTime(new Date(isoTime));
    await page.goto(site.server.url(sitePath));
    await page.waitForSelector(ready, { state: 'attached' });
    await page.waitForLoadState('networkidle');
    const shift = await page.evaluate(() => (window as unknown as { __layoutShift: number }).__layoutShift);
    await context.close();
    return shift;
  }

  it('search results fill in without moving what is in view', async ({ expect }) => {
    expect(await shiftOf(PAGE_TYPES.search!, '2026-02-23T16:30:00Z', '[data-search-count]:not([data-search-count=""])')).toBeLessThan(0.01);
  });

  it('home swaps in the reader\'s 往年今日 without moving what is in view', async ({ expect }) => {
    expect(await shiftOf('/', '2026-02-23T16:30:00Z', '[data-on-this-day]:not([hidden]):not(:has([data-fallback-note]))')).toBeLessThan(0.01);
  });
});

describe.concurrent('keyboard', () => {
  it('the first Tab reaches a visible skip link that moves focus to the main content', async ({ expect }) => {
    const page = await open(PAGE_TYPES.article!);
    await page.keyboard.press('Tab');
    const skip = page.locator('.skip-link');
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0).toBe(true);
    const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });
});
