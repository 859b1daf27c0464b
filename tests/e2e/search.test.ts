/** Readers search the seed archive through the real search page and open the result. */
import { describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';
import { browserTestSite } from '../support/browser.ts';
import { serveStatic } from '../../scripts/lib/staticServer.ts';

const EXPECTED_FIRST: Record<string, string> = {
  云海: '/2022/02/24/fu-shan-ling-yun-hai/',
  王创: '/2022/02/24/shi-zong-gonghui-quanwei-huiyi/',
  黄奕奕: '/2022/02/24/shi-zong-gonghui-quanwei-huiyi/',
  浮山岭: '/2022/02/24/fu-shan-ling-yun-hai/',
  职工书屋: '/2022/02/24/gonghui-shisiwu-guihua/',
};

const site = browserTestSite(async () => serveStatic(await fixtureSite('seed')));

// Each test opens its own tab; most of a test is the browser waiting, so they run side by side.
// The tabs share the file's context (no service worker: the offline tests cover it), except
// where a test counts the page's requests, which a warm cache would hide.
describe.concurrent('search page', () => {
  for (const [query, permalink] of Object.entries(EXPECTED_FIRST)) {
    it(`${query} finds ${permalink} first, and it opens`, async () => {
      const page = await site.tabs.open();
      await page.goto(site.server.url(`/search/?q=${encodeURIComponent(query)}`));
      await page.waitForSelector('[data-search-count]:not([data-search-count=""])', { state: 'attached' });
      const count = Number(await page.getAttribute('[data-search-count]', 'data-search-count'));
      expect(count).toBeGreaterThan(0);
      const first = page.locator('[data-search-result]').first();
      expect(new URL((await first.getAttribute('href'))!, site.server.origin).pathname).toBe(permalink);
      await first.click();
      await page.waitForURL((url) => url.pathname === permalink);
      expect(await page.locator('.article-body').textContent()).toContain(query);
      await page.close();
    });
  }

  it('runs Pagefind in the page, started once, with nothing in the console and no worker', async () => {
    const page = await site.browser.newPage();
    const logged: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error') logged.push(message.text());
    });
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(site.server.url(`/search/?q=${encodeURIComponent('云海')}`));
    await page.waitForSelector('[data-search-count]:not([data-search-count=""])', { state: 'attached' });
    expect(Number(await page.getAttribute('[data-search-count]', 'data-search-count'))).toBeGreaterThan(0);
    expect(logged).toEqual([]);
    expect(requests.filter((path) => path.endsWith('/search/start-pagefind.js'))).toHaveLength(1);
    expect(requests.some((path) => path.includes('pagefind-worker'))).toBe(false);
    await page.close();
  });

  it("hands Pagefind its gzip files inflated by the browser, and files sent decoded as they are", async () => {
    const page = await site.browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(site.server.url(`/search/?q=${encodeURIComponent('云海')}`));
    await page.waitForSelector('[data-search-count]:not([data-search-count=""])', { state: 'attached' });
    const meta = requests.find((path) => path.endsWith('.pf_meta'))!;
    const onTheWire = new Uint8Array(await (await fetch(site.server.url(meta))).arrayBuffer());
    expect([onTheWire[0], onTheWire[1]]).toEqual([0x1f, 0x8b]);
    const signature = (url: string) =>
      page.evaluate(async (href) => new TextDecoder().decode(new Uint8Array(await (await fetch(href)).arrayBuffer()).slice(0, 12)), url);
    expect(await signature(meta)).toBe('pagefind_dcd');
    // A host that decodes them itself (Content-Encoding) sends the signature first.
    const decoded = meta.replace('.pf_meta', '-decoded.pf_meta');
    await page.route(`**${decoded}`, (route) => route.fulfill({ body: Buffer.from('pagefind_dcd\u0000') }));
    expect(await signature(decoded)).toBe('pagefind_dcd');
    await page.close();
  });

  it('the header search box leads to the search page', async () => {
    const page = await site.tabs.open();
    await page.goto(site.server.url('/'));
    await page.fill('#site-search', '云海');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await page.waitForSelector('[data-search-result]');
    expect(await page.locator('[data-search-result]').count()).toBeGreaterThan(0);
    await page.close();
  });
});
