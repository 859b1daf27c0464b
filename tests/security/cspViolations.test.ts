/**
 * Every page and every feature runs under the site's Content-Security-Policy
 * without a single violation, on a host that only serves files (the policy
 * comes from each page's <meta http-equiv> tag) and on one that also sends
 * public/_headers (at the root and under /archive/). The headers matter:
 * the service worker gets no policy from the page's meta tag, only from its
 * own response headers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';
import { contentSecurityPolicy } from '../../src/lib/contentSecurityPolicy.ts';
import { launchBrowser } from '../support/browser.ts';
import { FEATURE_TOURS } from '../support/featureTours.ts';
import { htmlPagePaths, watchPage } from '../support/pageWatch.ts';
import { serveStatic, type RunningServer } from '../../scripts/lib/staticServer.ts';

const dist = await fixtureSite('seed');
let browser: Browser;
const servers: Record<string, RunningServer> = {};
const HOSTS = ['meta tag only', 'meta tag and _headers', 'under /archive/ with _headers'] as const;

beforeAll(async () => {
  servers['meta tag only'] = await serveStatic(dist);
  servers['meta tag and _headers'] = await serveStatic(dist, '/', { headersFile: true });
  const archiveDist = await fixtureSite('archive');
  servers['under /archive/ with _headers'] = await serveStatic(archiveDist, '/archive/', { headersFile: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(servers).map((server) => server.close()));
});

describe('the policy', () => {
  it.each(htmlPagePaths(dist))('%s carries it as the first thing in <head>', (sitePath) => {
    const file = path.join(dist, sitePath.endsWith('.html') ? sitePath : `${sitePath}index.html`);
    const head = readFileSync(file, 'utf8').split('<head>')[1] ?? '';
    const firstTags = head.match(/<meta[^>]*>/g)?.slice(0, 2) ?? [];
    expect(firstTags[1]).toBe(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`);
  });

  it.each(htmlPagePaths(dist))('%s has no inline script, <style> or style="" for it to block', (sitePath) => {
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

describe.each(HOSTS)('no CSP violation, %s', (host) => {
  it('the watcher does catch a violation (canary)', async () => {
    const server = servers[host]!;
    const page = await browser.newPage();
    const watch = await watchPage(page);
    await page.goto(server.url('/'));
    await page.evaluate(() => {
      const image = document.createElement('img');
      image.src = 'https://blocked.example/canary.png';
      document.body.append(image);
    });
    await expect.poll(() => watch.violations.length).toBeGreaterThan(0);
    await page.close();
  });

  it.each(htmlPagePaths(dist))('loading %s', async (sitePath) => {
    const server = servers[host]!;
    const page = await browser.newPage();
    const watch = await watchPage(page);
    await page.goto(server.url(sitePath), { waitUntil: 'networkidle' });
    expect(watch.violations).toEqual([]);
    await page.close();
  });

  it.each(FEATURE_TOURS)('$name', async ({ path: sitePath, actions }) => {
    const server = servers[host]!;
    const page = await browser.newPage();
    const watch = await watchPage(page);
    await page.goto(server.url(sitePath));
    await actions?.(page, server);
    await page.waitForLoadState('networkidle');
    expect(watch.violations).toEqual([]);
    await page.close();
  });
});
