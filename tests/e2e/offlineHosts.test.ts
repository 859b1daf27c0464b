/**
 * Offline works the three ways people serve dist/: `npm run preview`
 * (astro preview), `python3 -m http.server`, and a host that reads _headers
 * and answers 404 for it, as Netlify and Cloudflare Pages do. On each, the
 * first visit's install and the /offline/ page's "保存整个档案" must work, then
 * reading and searching with the network off. And where a host will not serve
 * one file, the rest is stored, the reader is told which file and why, and the
 * file is fetched once the host serves it again.
 */
import { appendFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { copyOfFixtureSite, fixtureSite } from '../support/fixtureSites.ts';
import type { OfflineManifest } from '../../src/offline/archiveManifest.ts';
import { strings } from '../../src/lib/strings.ts';
import { launchBrowser } from '../support/browser.ts';
import { saveScreenshot } from '../support/screenshots.ts';
import { TMP_ROOT } from '../support/buildSite.ts';
import { buildServiceWorker } from '../../src/build/buildServiceWorker.ts';
import { servePreview } from '../support/previewServer.ts';
import { hasPython, servePython } from '../support/pythonServer.ts';
import { searchFor, waitForServiceWorker } from '../support/serviceWorker.ts';
import { serveStatic, type RunningServer } from '../../scripts/lib/staticServer.ts';

const CLOUD_SEA = '/2022/02/24/fu-shan-ling-yun-hai/';
/** An article page the tests never open online. */
const MEETING = '/2022/02/24/shi-zong-gonghui-quanwei-huiyi/';

let browser: Browser;
let seedDist: string;
let savedByHand: string | undefined;
/**
 * The seed archive as OFFLINE_AUTOSAVE_MAX_KB=0 builds it: nothing is saved
 * whole on the first visit, the reader saves it from /offline/. The setting
 * changes only the offline stage, so that stage runs again on a copy.
 */
async function saveDist(): Promise<string> {
  if (!savedByHand) {
    savedByHand = await copyOfFixtureSite('seed', 'offline-hosts-save');
    await buildServiceWorker(savedByHand, { autoSaveMaxBytes: 0 });
  }
  return savedByHand;
}

beforeAll(async () => {
  seedDist = await fixtureSite('seed');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const hosts = [
  { host: 'npm run preview', start: (dist: string) => servePreview(dist), skip: false },
  { host: 'python3 -m http.server', start: (dist: string) => servePython(dist, '/', `offline-hosts-${path.basename(path.dirname(dist))}`), skip: !hasPython },
  { host: 'a host that answers 404 for _headers', start: (dist: string) => serveStatic(dist, '/', { headersFile: true }), skip: false },
];

/** A server and a browser context for one test, closed when it ends (the test's own hook: the tests run concurrently). */
async function started({ onTestFinished }: TestContext, start: () => Promise<RunningServer>): Promise<{ server: RunningServer; context: BrowserContext; page: Page }> {
  const server = await start();
  onTestFinished(() => server.close());
  const context = await browser.newContext();
  onTestFinished(() => context.close());
  return { server, context, page: await context.newPage() };
}

/** Opens /offline/ and waits until the worker has reported on what the first visit stored. */
async function openOfflinePage(page: Page, server: RunningServer): Promise<{ missing: number; text: string }> {
  await page.goto(server.url('/offline/'));
  await waitForServiceWorker(page);
  const line = await page.waitForSelector('[data-offline-shell][data-offline-shell-missing]');
  return { missing: Number(await line.getAttribute('data-offline-shell-missing')), text: (await line.textContent()) ?? '' };
}

/** With the server gone and the browser offline: reads the home page and an article, searches 云海 and opens the hit. */
async function readAndSearchOffline(page: Page, context: BrowserContext, server: RunningServer): Promise<void> {
  await server.close();
  await context.setOffline(true);
  await page.goto(server.url('/'));
  expect(await page.locator('main').textContent()).toContain('浮山岭');
  await page.goto(server.url(MEETING));
  expect(await page.locator('.article-body').count()).toBe(1);
  await page.goto(server.url('/search/'));
  const { count, paths } = await searchFor(page, '云海');
  expect(count).toBeGreaterThan(0);
  expect(paths[0]).toBe(CLOUD_SEA);
  await page.locator('[data-search-result]').first().click();
  await page.waitForURL((url) => url.pathname === CLOUD_SEA);
  expect(await page.locator('.article-body').textContent()).toContain('浮山岭');
}

// Astro refuses a second `astro preview` in the same project while one runs,
// so its two tests run one after the other. On the other hosts each test has
// a server and a browser context of its own, and they run side by side: most
// of a test is waiting for the worker.
describe.each(hosts)('offline, served by $host', ({ host, start, skip }) => {
  const options = { skip, concurrent: host !== 'npm run preview' };
  it('the first visit installs the worker and stores the shell and the small archive: all readable and searchable offline', options, async (test) => {
    const { server, context, page } = await started(test, () => start(seedDist));
    await page.goto(server.url('/'));
    await waitForServiceWorker(page);
    await page.goto(server.url(CLOUD_SEA));
    const shell = await openOfflinePage(page, server);
    expect(shell.missing, shell.text).toBe(0);
    await page.waitForSelector('[data-offline-panel][data-offline-state="saved"]');
    await readAndSearchOffline(page, context, server);
  });

  it('"保存整个档案" saves every file, then the archive reads and searches offline', options, async (test) => {
    const { server, context, page } = await started(test, async () => start(await saveDist()));
    await openOfflinePage(page, server);
    await page.waitForSelector('[data-offline-panel][data-offline-state="ready"]');
    await page.click('[data-offline-save]');
    await page.waitForSelector('[data-offline-panel][data-offline-state="saved"]', { timeout: 120_000 });
    expect(await page.textContent('[data-offline-status]')).toBe(strings.offlineDone);
    expect(await page.textContent('[data-offline-save]')).toBe(strings.offlineAllSaved);
    if (host.includes('404')) await saveScreenshot(page, 'offline-saved-404-headers-host');
    await readAndSearchOffline(page, context, server);
  });
});

// Each test has its own server and browser context; most of a test is waiting for the worker: they run side by side.
describe.concurrent('when one file cannot be saved', () => {
  it('installs anyway, says which shell file is missing and why, and stores it once the host serves it again', async (test) => {
    let refused = true;
    const { server, context, page } = await started(test, () =>
      serveStatic(seedDist, '/', { headersFile: true, refuse: (sitePath) => refused && sitePath === '/404.html' }),
    );
    await page.goto(server.url('/'));
    await waitForServiceWorker(page);
    const partial = await openOfflinePage(page, server);
    expect(partial.missing).toBe(1);
    expect(partial.text).toContain('/404.html');
    expect(partial.text).toContain('HTTP 404');
    expect(partial.text).not.toContain('请联网');
    await saveScreenshot(page, 'offline-shell-partial');

    // Retried on a later visit, once the host serves the file.
    refused = false;
    await page.goto(server.url(CLOUD_SEA));
    expect((await openOfflinePage(page, server)).missing).toBe(0);
    await readAndSearchOffline(page, context, server);
  });

  it('saves the rest, names the file the host answered 404 for, and saves it on "继续保存" once it is served', async (test) => {
    const manifest = JSON.parse(readFileSync(path.join(await saveDist(), 'offline-manifest.json'), 'utf8')) as OfflineManifest;
    const fragment = manifest.files.find((file) => file.url.startsWith('pagefind/fragment/'))!.url;
    let refused = true;
    const { server, page } = await started(test, async () =>
      serveStatic(await saveDist(), '/', { headersFile: true, refuse: (sitePath) => refused && sitePath === `/${fragment}` }),
    );
    await openOfflinePage(page, server);
    await page.waitForSelector('[data-offline-panel][data-offline-state="ready"]');
    await page.click('[data-offline-save]');
    await page.waitForSelector('[data-offline-panel][data-offline-state="partial"]', { timeout: 120_000 });
    const status = (await page.textContent('[data-offline-status]')) ?? '';
    const total = manifest.files.length;
    expect(status).toContain(`已保存 ${total - 1} / ${total} 个文件`);
    expect(status).toContain(`/${fragment}`);
    expect(status).toContain('HTTP 404');
    expect(status).not.toContain('请联网');
    expect(await page.textContent('[data-offline-save]')).toBe(strings.offlineResume);
    await saveScreenshot(page, 'offline-save-partial');

    refused = false;
    await page.click('[data-offline-save]');
    await page.waitForSelector('[data-offline-panel][data-offline-state="saved"]', { timeout: 120_000 });
    expect(await page.textContent('[data-offline-status]')).toBe(strings.offlineDone);
  });

  it('deployed over during a save, keeps no file of the new build and asks the reader to reload', async (test) => {
    const dist = path.join(TMP_ROOT, 'offline-hosts-deploy', 'dist');
    rmSync(dist, { recursive: true, force: true });
    cpSync(await saveDist(), dist, { recursive: true });
    const { server, page } = await started(test, () => serveStatic(dist, '/', { headersFile: true }));
    await openOfflinePage(page, server);
    await page.waitForSelector('[data-offline-panel][data-offline-state="ready"]');
    // The new build: one article page changed, and the manifest names a new version.
    appendFileSync(path.join(dist, MEETING, 'index.html'), '<!-- corrected -->');
    const manifestFile = path.join(dist, 'offline-manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as OfflineManifest;
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, version: `${manifest.version}-next` }));
    await page.click('[data-offline-save]');
    await page.waitForSelector('[data-offline-panel][data-offline-state="partial"]', { timeout: 120_000 });
    expect(await page.textContent('[data-offline-status]')).toBe(strings.offlineOutdated);
    const total = manifest.files.length;
    expect(await page.textContent('[data-offline-saved]')).toContain(`${total - 1} / ${total} 个文件`);
  });

  it('removed, stays removed when the worker turns active afterwards and the page looks again', async (test) => {
    const { server, page } = await started(test, async () => serveStatic(await saveDist(), '/', { headersFile: true }));
    // The page looks again once the worker is ready; hold that back until the reader has removed the copy.
    await page.addInitScript(() => {
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      const ready = Object.getOwnPropertyDescriptor(ServiceWorkerContainer.prototype, 'ready')!.get!;
      Object.defineProperty(navigator.serviceWorker, 'ready', { get: () => held.then(() => ready.call(navigator.serviceWorker)) });
      Object.assign(window, { releaseWorkerReady: () => release() });
    });
    await page.goto(server.url('/offline/'));
    await page.waitForSelector('[data-offline-panel][data-offline-state="ready"]');
    await page.click('[data-offline-save]');
    await page.waitForSelector('[data-offline-panel][data-offline-state="saved"]', { timeout: 120_000 });
    // A later visit: saved at first look, removed by the reader, then the worker's late turn.
    await page.reload();
    await page.waitForSelector('[data-offline-panel][data-offline-state="saved"]');
    await page.click('[data-offline-remove]');
    await page.waitForSelector('[data-offline-panel][data-offline-state="removed"]');
    await page.evaluate(() => (window as unknown as { releaseWorkerReady(): void }).releaseWorkerReady());
    await page.waitForSelector('[data-offline-shell][data-offline-shell-missing]');
    // Time for a second look, had it run (it takes milliseconds for this archive).
    await page.waitForTimeout(500);
    expect(await page.getAttribute('[data-offline-panel]', 'data-offline-state')).toBe('removed');
    expect(await page.locator('[data-offline-progress]').evaluate((bar) => (bar as HTMLProgressElement).value)).toBe(0);
    expect(await page.textContent('[data-offline-status]')).toBe(strings.offlineRemoved);
  });

  it('started with the network off, the save says so and carries on by itself once the network is back', async (test) => {
    const { server, context, page } = await started(test, async () => serveStatic(await saveDist(), '/', { headersFile: true }));
    await openOfflinePage(page, server);
    await page.waitForSelector('[data-offline-panel][data-offline-state="ready"]');
    await context.setOffline(true);
    await page.click('[data-offline-save]');
    await page.waitForSelector('[data-offline-panel][data-offline-state="partial"]', { timeout: 120_000 });
    const status = (await page.textContent('[data-offline-status]')) ?? '';
    expect(status).toContain('网络已断开');
    expect(status).toContain('恢复联网后会自动继续保存');
    await context.setOffline(false);
    await page.waitForSelector('[data-offline-panel][data-offline-state="saved"]', { timeout: 120_000 });
    expect(await page.textContent('[data-offline-status]')).toBe(strings.offlineDone);
  });
});
