/**
 * Hostile articles (tests/fixtures/hostile) built through the real build:
 * nothing executable an article smuggles in (raw HTML in the body, or markup
 * in the headline and other frontmatter) may reach a built page, and the
 * draft among them must appear nowhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';
import { NO_SERVICE_WORKER, launchBrowser } from '../support/browser.ts';
import { readContentFolder } from '../support/contentArticles.ts';
import { searchFinished } from '../support/featureTours.ts';
import { htmlPagePaths } from '../support/pageWatch.ts';
import { serveStatic, type RunningServer } from '../../scripts/lib/staticServer.ts';

const CONTENT = 'tests/fixtures/hostile';
const sources = readContentFolder(CONTENT);
const published = sources.filter((source) => !source.data.draft);
const draft = sources.find((source) => source.data.draft)!;

let dist: string;
let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  dist = await fixtureSite('hostile');
  // The CSP would stop most of this anyway; switch it off to test the sanitiser and escaping alone.
  server = await serveStatic(dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function readPage(sitePath: string): Document {
  const file = path.join(dist, sitePath.endsWith('.html') ? sitePath : `${sitePath}index.html`);
  return parseHTML(readFileSync(file, 'utf8')).document;
}

/** Everything in a page that could run code, load a frame or leave the site on its own. */
function executableParts(document: Document): string[] {
  const found: string[] = [];
  for (const element of document.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    // JSON-LD is data, never run; it is safe while no "<" can close the element early.
    const isJsonLd = tag === 'script' && element.getAttribute('type') === 'application/ld+json' && !element.textContent?.includes('<');
    // The site's own scripts: Astro's bundles, the search page's unbundled Pagefind starter (public/search/)
    // and the first-paint theme script (public/theme-init.js).
    const isOwnScript = /^\/_astro\/[\w.-]+\.js$|^\/search\/start-pagefind\.js$|^\/theme-init\.js$/.test(element.getAttribute('src') ?? '');
    if (tag === 'script' && !isJsonLd && !isOwnScript) found.push(element.outerHTML);
    if (['iframe', 'frame', 'object', 'embed', 'applet', 'base', 'style'].includes(tag)) found.push(`<${tag}>`);
    // An article's SVG is dropped by the sanitiser; any SVG on a page must hold nothing that runs.
    if (['svg', 'math'].includes(tag) && (element.closest('.article-body') || element.querySelector('script, foreignObject, use, animate, set'))) {
      found.push(`<${tag}>`);
    }
    if (tag === 'meta' && element.hasAttribute('http-equiv') && element.getAttribute('http-equiv') !== 'Content-Security-Policy') found.push(element.outerHTML);
    if (tag === 'form' && !/^\/(search\/)?$/.test(element.getAttribute('action') ?? '')) found.push(element.outerHTML);
    for (const { name, value } of element.attributes) {
      if (/^on/i.test(name) || name === 'style' || name === 'srcdoc' || name === 'formaction') found.push(`${tag}[${name}]`);
      if (['href', 'src', 'action', 'data', 'poster', 'cite', 'background'].includes(name) && /^\s*(javascript|vbscript|data):/i.test(value.replace(/[\s\u0000-\u001f]/g, ''))) {
        found.push(`${tag}[${name}=${value}]`);
      }
    }
  }
  return found;
}

describe('hostile articles, built', () => {
  it('builds every published article and nothing else', () => {
    for (const { permalink } of published) expect(existsSync(path.join(dist, permalink, 'index.html'))).toBe(true);
    expect(existsSync(path.join(dist, draft.permalink))).toBe(false);
  });

  it('no page carries anything executable', () => {
    const pages = htmlPagePaths(dist);
    expect(pages.length).toBeGreaterThan(published.length);
    for (const sitePath of pages) expect({ sitePath, found: executableParts(readPage(sitePath)) }).toEqual({ sitePath, found: [] });
  });

  it.each(published)('the headline of $file is shown as the very text the editor typed', ({ permalink, data }) => {
    const document = readPage(permalink);
    expect(document.querySelector('h1')?.textContent?.trim()).toBe(data.title);
    expect(document.querySelector('title')?.textContent).toContain(data.title);
    expect(document.querySelectorAll('title')).toHaveLength(1);
  });

  it('the draft is in no page, feed, sitemap or search index', () => {
    const everything = [
      ...htmlPagePaths(dist).map((sitePath) => readPage(sitePath).documentElement.outerHTML),
      readFileSync(path.join(dist, 'rss.xml'), 'utf8'),
      readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8'),
    ].join('\n');
    expect(everything).not.toContain(draft.data.title);
    expect(everything).not.toContain(draft.permalink);
    // Pagefind's fragments (gzip, behind a "pagefind_dcd" signature) hold one indexed page each.
    const fragments = readdirSync(path.join(dist, 'pagefind', 'fragment')).map((name) =>
      JSON.parse(gunzipSync(readFileSync(path.join(dist, 'pagefind', 'fragment', name))).toString('utf8').replace(/^pagefind_dcd/, '')),
    );
    expect(fragments.map((fragment: { url: string }) => fragment.url).sort()).toEqual(published.map(({ permalink }) => permalink).sort());
  });
});

// Each test opens its own page; most of a test is the browser waiting, so they run side by side.
describe.concurrent('hostile articles, in a browser without the CSP', () => {
  const visits = [
    ...published.map(({ permalink }) => permalink),
    '/',
    `/search/?q=${encodeURIComponent('毒饵稿件')}`,
    `/search/?q=${encodeURIComponent('跳出测试')}`,
  ];

  it.each(visits)('%s runs nothing an article brought', async (sitePath) => {
    const page = await browser.newPage({ ...NO_SERVICE_WORKER, bypassCSP: true });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(server.url(sitePath), { waitUntil: 'networkidle' });
    if (sitePath.startsWith('/search/')) {
      await searchFinished(page);
      expect(Number(await page.getAttribute('[data-search-count]', 'data-search-count'))).toBeGreaterThan(0);
    }
    // Fire every event a smuggled handler could wait for on each element. Plain
    // Events (not MouseEvents) run handlers without following links.
    await page.evaluate(() => {
      for (const element of document.querySelectorAll('body *')) {
        for (const type of ['click', 'mouseover', 'focus', 'load', 'error', 'toggle']) element.dispatchEvent(new Event(type));
      }
    });
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
