/**
 * No request to any other host, ever: every page and every feature in
 * tests/support/featureTours.ts is used in Chromium while every request (the
 * page's and its workers') is recorded. The browser ignores the CSP here, so
 * this test sees what the site itself asks for, not what the policy lets
 * through (tests/security/cspViolations.test.ts checks the policy).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';
import { launchBrowser } from '../support/browser.ts';
import { FEATURE_TOURS } from '../support/featureTours.ts';
import { htmlPagePaths, watchPage } from '../support/pageWatch.ts';
import { serveStatic, type RunningServer } from '../../scripts/lib/staticServer.ts';

const dist = await fixtureSite('seed');
let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  server = await serveStatic(dist, '/', { headersFile: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Requests that leave the site: another origin; data: and blob: stay in the page. */
function outsideRequests(requests: string[]): string[] {
  return requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== server.origin);
}

describe('no request to another host', () => {
  it('the recorder does see an outside request (canary)', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    const watch = await watchPage(page);
    await page.goto(server.url('/'));
    await page.evaluate(() => fetch('http://localhost:9/canary').catch(() => undefined));
    await expect.poll(() => outsideRequests(watch.requests)).toEqual(['http://localhost:9/canary']);
    await page.close();
  });

  it.each(htmlPagePaths(dist))('loading %s', async (sitePath) => {
    const page = await browser.newPage({ bypassCSP: true });
    const watch = await watchPage(page);
    await page.goto(server.url(sitePath), { waitUntil: 'networkidle' });
    expect(watch.requests.length).toBeGreaterThan(0);
    expect(outsideRequests(watch.requests)).toEqual([]);
    await page.close();
  });

  it.each(FEATURE_TOURS)('$name', async ({ path: sitePath, actions }) => {
    const page = await browser.newPage({ bypassCSP: true });
    const watch = await watchPage(page);
    await page.goto(server.url(sitePath));
    await actions?.(page, server);
    await page.waitForLoadState('networkidle');
    expect(outsideRequests(watch.requests)).toEqual([]);
    await page.close();
  });
});
