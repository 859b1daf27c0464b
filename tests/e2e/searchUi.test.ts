/**
 * The search experience on a small generated archive served under
 * BASE_PATH=/archive/: states, counts, ranking, filters, sort, URL state and
 * Back, "more", highlighting on the article, the "/" shortcut.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { NO_SERVICE_WORKER, browserTestSite } from '../support/browser.ts';
import { buildSite, TMP_ROOT } from '../support/buildSite.ts';
import { serveStatic } from '../../scripts/lib/staticServer.ts';

const CONTENT = path.join(TMP_ROOT, 'search-ui-content');

function article(file: string, frontmatter: Record<string, unknown>, body: string): void {
  const target = path.join(CONTENT, file);
  mkdirSync(path.dirname(target), { recursive: true });
  const yaml = Object.entries(frontmatter).map(([key, value]) => `${key}: ${JSON.stringify(value)}`).join('\n');
  writeFileSync(target, `---\n${yaml}\n---\n\n${body}\n`);
}

/** 12 body matches over three years, one headline match (oldest), one traditional, one draft. */
function writeArchive(): void {
  rmSync(CONTENT, { recursive: true, force: true });
  for (let i = 0; i < 12; i += 1) {
    const year = 2021 + (i % 3);
    article(`${year}/body-${i}.md`, {
      title: `第${i + 1}篇报道`,
      date: `${year}-03-${String(10 + i).padStart(2, '0')}`,
      section: i % 2 === 0 ? '要闻' : '城事',
      reporters: [i % 2 === 0 ? '梁奈' : '王创'],
      tags: i < 4 ? ['天气'] : [],
    }, `今天${'山上'.repeat(i)}看到了云海，景色很美。`);
  }
  article('2020/headline.md', { title: '浮山岭观云海', date: '2020-01-05', section: '城事' }, '登山的人很多。');
  article('2023/traditional.md', { title: '港澳來稿', date: '2023-06-01', section: '要闻' }, '山頂雲海翻騰。');
  article('2023/draft.md', { title: '草稿', date: '2023-06-02', draft: true }, '云海草稿。');
  article('2023/other.md', { title: '其他新闻', date: '2023-06-03' }, '没有那个词。');
}

const site = browserTestSite(async () => {
  writeArchive();
  const dist = buildSite({ key: 'search-ui', contentDir: CONTENT, basePath: '/archive/' });
  return serveStatic(dist, '/archive/');
});

async function search(page: Page, query: string): Promise<number> {
  await page.goto(site.server.url(`/search/${query}`));
  await page.waitForSelector('[data-search-count]:not([data-search-count=""])', { state: 'attached' });
  return Number(await page.getAttribute('[data-search-count]', 'data-search-count'));
}

const resultPaths = (page: Page) =>
  page.locator('[data-search-result]').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));

// Each test opens its own page; most of a test is the browser waiting, so they run side by side.
describe.concurrent('search page (BASE_PATH=/archive/)', () => {
  it('finds every article with the term, headline match first, in a live region', async () => {
    const page = await site.tabs.open();
    expect(await search(page, '?q=云海')).toBe(14);
    const paths = await resultPaths(page);
    expect(paths).toHaveLength(10);
    expect(paths[0]).toBe('/archive/2020/01/05/headline/');
    expect(paths.every((p) => p.startsWith('/archive/'))).toBe(true);
    expect(await page.textContent('[data-search-status]')).toBe('找到 14 篇');
    expect(await page.getAttribute('[data-search-status]', 'aria-live')).toBe('polite');
    // The excerpt shows the original characters, marked.
    expect(await page.locator('.result-excerpt mark', { hasText: '雲海' }).count()).toBe(1);
    // Among body matches, more occurrences first: none here has more than one, so newer first.
    expect(paths[1]).toBe('/archive/2023/06/01/traditional/');
    await page.close();
  });

  it('shows 10 at a time and "more" shows the rest, moving focus to them', async () => {
    const page = await site.tabs.open();
    await search(page, '?q=云海');
    await page.click('[data-search-more]');
    await page.waitForFunction(() => document.querySelectorAll('[data-search-result]').length === 14);
    expect(await page.isHidden('[data-search-more]')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toContain('/archive/');
    expect(new Set(await resultPaths(page)).size).toBe(14);
    await page.close();
  });

  it('filters by year with counts per value, sorts by date, keeps state in the URL, Back works', async () => {
    const page = await site.tabs.open();
    await search(page, '?q=云海');
    // Values and counts are read when the reader reaches for a filter, not with every search.
    expect(await page.locator('[data-search-filter="year"] option').count()).toBe(1);
    await page.focus('[data-search-filter="year"]');
    await page.waitForSelector('[data-search-filter="year"] option[value="2022"]', { state: 'attached' });
    expect(await page.textContent('[data-search-filter="year"] option[value="2022"]')).toBe('2022（4）');
    expect(await page.textContent('[data-search-filter="reporter"] option[value="王创"]')).toBe('王创（6）');
    await page.selectOption('[data-search-filter="year"]', '2022');
    await page.waitForURL(/year=2022/);
    await page.waitForFunction(() => document.querySelector('[data-search-count]')?.getAttribute('data-search-count') === '4');
    await page.selectOption('[data-search-sort]', 'oldest');
    await page.waitForURL(/sort=oldest/);
    await page.waitForFunction(() => document.querySelectorAll('[data-search-result]').length === 4);
    const oldestFirst = await resultPaths(page);
    expect(oldestFirst[0]).toBe('/archive/2022/03/11/body-1/');
    expect(oldestFirst[3]).toBe('/archive/2022/03/20/body-10/');
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('sort='));
    expect(await page.inputValue('[data-search-sort]')).toBe('relevance');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('[data-search-count]')?.getAttribute('data-search-count') === '14');
    await page.close();
  });

  it('treats traditional and simplified alike, and every term is required', async () => {
    const page = await site.tabs.open();
    expect(await search(page, `?q=${encodeURIComponent('雲海')}`)).toBe(14);
    expect(await search(page, `?q=${encodeURIComponent('云海 山顶')}`)).toBe(1);
    await page.close();
  });

  it('says when nothing matched and suggests what to try', async () => {
    const page = await site.tabs.open();
    expect(await search(page, `?q=${encodeURIComponent('云海 火星')}`)).toBe(0);
    expect(await page.textContent('[data-search-status]')).toContain('没有找到');
    const suggestion = page.locator('[data-search-suggest]');
    expect(await suggestion.isVisible()).toBe(true);
    await suggestion.getByRole('link', { name: '云海' }).click();
    await page.waitForFunction(() => document.querySelector('[data-search-count]')?.getAttribute('data-search-count') === '14');
    await page.close();
  });

  it('asks for a query when there is none, and explains itself without JavaScript', async () => {
    const page = await site.tabs.open();
    await page.goto(site.server.url('/search/'));
    await page.waitForFunction(() => (document.querySelector('[data-search-status]')?.textContent ?? '') !== '');
    expect(await page.textContent('[data-search-status]')).toContain('请输入');
    const context = await site.browser.newContext({ ...NO_SERVICE_WORKER, javaScriptEnabled: false });
    const noScript = await context.newPage();
    await noScript.goto(site.server.url('/search/?q=云海'));
    // innerText is what is rendered: <noscript> content shows only without scripting.
    expect(await noScript.evaluate(() => document.body.innerText)).toContain('检索需要启用 JavaScript');
    await context.close();
    await page.close();
  });

  it('highlights the matched text on the article opened from a result', async () => {
    const page = await site.tabs.open();
    await search(page, `?q=${encodeURIComponent('云海')}`);
    await page.locator('[data-search-result]').nth(1).click();
    await page.waitForURL(/\/archive\/2023\/06\/01\/traditional\//);
    await page.waitForSelector('mark.search-hit');
    expect(await page.locator('mark.search-hit').allTextContents()).toEqual(['雲海']);
    await page.close();
  });

  it('"/" focuses the header search box, but not while typing', async () => {
    const page = await site.tabs.open();
    await page.goto(site.server.url('/'));
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('云/海');
    expect(await page.inputValue('#site-search')).toBe('云/海');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/archive\/search\/\?q=/);
    await page.close();
  });

  it('says the search failed when the results cannot be fetched, instead of searching for ever', async ({ expect }) => {
    const page = await site.tabs.open();
    // Each result's text is a fragment file; the index itself loads, so the count is known.
    await page.route('**/pagefind/fragment/**', (route) => route.abort('connectionfailed'));
    await page.goto(site.server.url('/search/?q=云海'));
    await expect.poll(() => page.textContent('[data-search-status]')).toBe('检索出错，请稍后再试。');
    expect(await page.getAttribute('#search-root', 'aria-busy')).toBeNull();
    // Once the files can be fetched again, searching again works.
    await page.unroute('**/pagefind/fragment/**');
    expect(await search(page, '?q=云海')).toBe(14);
    await page.close();
  });
});
