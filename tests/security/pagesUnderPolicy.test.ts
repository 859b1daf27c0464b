/**
 * Every page and every feature runs under the site's Content-Security-Policy
 * without a single violation and without one request to another host.
 *
 * Each page and tour runs once per host that sends public/_headers (at the
 * root and under /archive/), with both watches on (tests/support/pageWatch.ts):
 * - The page gets the policy twice there, from its <meta http-equiv> tag and
 *   from the header, and the browser enforces both. A host that serves only
 *   files (Netlify, Cloudflare Pages, python3 -m http.server) enforces the
 *   meta tag alone, so whatever it would block, the header host blocks too:
 *   a page with no violation here has none there. The meta-only host keeps
 *   its canary, which shows the tag alone is enforced.
 * - The service worker gets no policy from a page's tag, only from its own
 *   response headers, which is why the hosts here send them.
 * - Requests: the policy names no other host (the unit test of the policy),
 *   so a request to one is either blocked, and reported as a violation, or
 *   not governed by the policy, and then it is in the recorded requests.
 *
 * Pages and tours run concurrently: most of each one's time is the browser
 * waiting for the network to go quiet. On each host the pages share one
 * browser context and the tours another, as one reader's tabs do: a context
 * is a profile the browser sets up and tears down, and in the tours' one the
 * service worker installs and saves the archive once, not once per tour
 * (the later tours are then served by it, under its own policy). A watch
 * sees every request of its context, so an outside request fails a test
 * even if another tab made it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';
import { contentSecurityPolicy } from '../../src/lib/contentSecurityPolicy.ts';
import { NO_SERVICE_WORKER, launchBrowser } from '../support/browser.ts';
import { FEATURE_TOURS } from '../support/featureTours.ts';
import { htmlPagePaths, watchPage } from '../support/pageWatch.ts';
import { serveStatic, type RunningServer } from '../../scripts/lib/staticServer.ts';

const dist = await fixtureSite('seed');
const PAGES = htmlPagePaths(dist);
// A tour that only opens a page is one of PAGES already.
const TOURS = FEATURE_TOURS.filter((tour) => tour.actions || !PAGES.includes(decodeURIComponent(tour.path)));
const HOSTS = ['meta tag and _headers', 'under /archive/ with _headers'] as const;
let browser: Browser;
const servers: Record<string, RunningServer> = {};

beforeAll(async () => {
  servers['meta tag only'] = await serveStatic(dist);
  servers['meta tag and _headers'] = await serveStatic(dist, '/', { headersFile: true });
  servers['under /archive/ with _headers'] = await serveStatic(await fixtureSite('archive'), '/archive/', { headersFile: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(servers).map((server) => server.close()));
});

/** Requests that leave the site: another origin; data: and blob: stay in the page. */
function outsideRequests(requests: string[], server: RunningServer): string[] {
  return requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== server.origin);
}

describe('the policy', () => {
  it.each(PAGES)('%s carries it as the first thing in <head>', (sitePath) => {
    const file = path.join(dist, sitePath.endsWith('.html') ? sitePath : `${sitePath}index.html`);
    const head = readFileSync(file, 'utf8').split('<head>')[1] ?? '';
    const firstTags = head.match(/<meta[^>]*>/g)?.slice(0, 2) ?? [];
    expect(firstTags[1]).toBe(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`);
  });

  it.each(PAGES)('%s has no inline script, <style> or style="" for it to block', (sitePath) => {
    const file = path.join(dist, sitePath.endsWith('.html') ? sitePath : `${sitePath}index.html`);
    const html = readFileSync(file, 'utf8');
    // JSON-LD is data, not script: the CSP does not run it and need not allow it.
    const inlineScripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
      ([, attributes, body]) => body!.trim() !== '' && !/type="application\/ld\+json"/.test(attributes!),
    );
    expect(inlineScripts.map(([tag]) => tag.slice(0, 120))).toEqual([]);
    expect(html).not.toMatch(/<style\b/);
    expect(html).not.toMatch(/\sstyle=/);
  });

  it('public/_headers sends the same policy for every path', () => {
    const headers = readFileSync('public/_headers', 'utf8');
    const rule = /^\/\*\n((?:[ \t]+.*\n)+)/m.exec(headers)?.[1] ?? '';
    expect(rule).toContain(`  Content-Security-Policy: ${contentSecurityPolicy}\n`);
    expect(readFileSync(path.join(dist, '_headers'), 'utf8')).toBe(headers);
  });

  it('has no unsafe-inline or unsafe-eval anywhere', () => {
    expect(contentSecurityPolicy).not.toMatch(/'unsafe-(inline|eval|hashes)'/);
  });
});

describe('the watches do catch what they watch for (canaries)', () => {
  it.each(['meta tag only', ...HOSTS])('a blocked image, %s', async (host) => {
    const page = await browser.newPage();
    const watch = await watchPage(page);
    await page.goto(servers[host]!.url('/'));
    await page.evaluate(() => {
      const image = document.createElement('img');
      image.src = 'https://blocked.example/canary.png';
      document.body.append(image);
    });
    await expect.poll(() => watch.violations.length).toBeGreaterThan(0);
    await page.close();
  });

  it('a request to another host that the policy does not govern', async () => {
    const server = servers['meta tag and _headers']!;
    const page = await browser.newPage({ bypassCSP: true });
    const watch = await watchPage(page);
    await page.goto(server.url('/'));
    await page.evaluate(() => fetch('http://localhost:9/canary').catch(() => undefined));
    await expect.poll(() => outsideRequests(watch.requests, server)).toEqual(['http://localhost:9/canary']);
    await page.close();
  });
});

describe.each(HOSTS)('no CSP violation and no outside request, %s', (host) => {
  let pagesContext: BrowserContext;
  let toursContext: BrowserContext;

  beforeAll(async () => {
    // A first visit is served by the network, never by the worker; what the
    // worker installs and fetches, under its own policy, the tours watch.
    pagesContext = await browser.newContext(NO_SERVICE_WORKER);
    toursContext = await browser.newContext();
  });

  afterAll(async () => {
    await pagesContext?.close();
    await toursContext?.close();
  });

  describe.concurrent('every page', () => {
    it.for(PAGES)('loading %s', async (sitePath, { expect }) => {
      const server = servers[host]!;
      const page = await pagesContext.newPage();
      const watch = await watchPage(page);
      await page.goto(server.url(sitePath), { waitUntil: 'networkidle' });
      expect(watch.violations).toEqual([]);
      expect(watch.requests.length).toBeGreaterThan(0);
      expect(outsideRequests(watch.requests, server)).toEqual([]);
      await page.close();
    });
  });

  describe.concurrent('every feature', () => {
    it.for(TOURS)('$name', async ({ path: sitePath, actions }, { expect }) => {
      const server = servers[host]!;
      const page = await toursContext.newPage();
      const watch = await watchPage(page);
      await page.goto(server.url(sitePath));
      await actions?.(page, server);
      await page.waitForLoadState('networkidle');
      expect(watch.violations).toEqual([]);
      expect(outsideRequests(watch.requests, server)).toEqual([]);
      await page.close();
    });
  });
});
