/**
 * The reading pages as built from the fixture archive (see
 * tests/support/readingPages.ts): calendars, issues by page, tags and
 * reporters with Chinese addresses, pagination, 往年今日, the article page's
 * citation, neighbours, related articles and machine-readable meta; and the
 * whole site under BASE_PATH=/archive/.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';
import { buildSite } from '../support/buildSite.ts';
import { READING_FIXTURE } from '../support/readingPages.ts';

const dist = await fixtureSite('reading');

function page(sitePath: string, root = dist) {
  const file = path.join(root, decodeURIComponent(sitePath), 'index.html');
  return parseHTML(readFileSync(file, 'utf8')).document;
}

const texts = (document: Document, selector: string) =>
  [...document.querySelectorAll(selector)].map((el) => el.textContent?.trim().replace(/\s+/g, ' ') ?? '');
const hrefs = (document: Document, selector: string) =>
  [...document.querySelectorAll(selector)].map((el) => el.getAttribute('href') ?? '');

describe('browsing by date', () => {
  it('the year page links every day with an issue from its twelve month calendars', () => {
    const document = page('/2022/');
    const links = hrefs(document, 'table.month-calendar td a');
    expect(links).toEqual(['/2022/01/08/', '/2022/02/24/', '/2022/02/25/', '/2022/02/28/', '/2022/03/15/', '/2022/05/04/', '/2022/07/01/', '/2022/09/10/']);
    expect(document.querySelector('table.month-calendar td a')?.getAttribute('aria-label')).toBe('1月8日，3 篇');
    expect(document.querySelectorAll('.months > li')).toHaveLength(12);
    // Few issues (8): they are listed by date too, oldest first.
    expect(hrefs(document, '.issue-list a')).toEqual(links);
    // The remembered theme before the first paint, then the theme toggle, the search box's "/" shortcut
    // and offline support: small scripts, nothing the page needs to be read.
    expect(document.querySelectorAll('script[src]').length).toBe(4);
  });

  it('the month page is a calendar table whose issue days link with their counts', () => {
    const document = page('/2022/02/');
    expect(texts(document, 'thead th')).toEqual(['一', '二', '三', '四', '五', '六', '日']);
    expect(hrefs(document, 'td a')).toEqual(['/2022/02/24/', '/2022/02/25/', '/2022/02/28/']);
    expect(texts(document, 'td a .count')[0]).toMatch(/^\d+ 篇$/);
    // 1 February 2022 was a Tuesday: one empty cell before it.
    const firstRow = [...document.querySelectorAll('tbody tr')][0]!;
    expect(texts(firstRow as unknown as Document, 'td').slice(0, 2)).toEqual(['', '1']);
  });

  it('the day page groups the issue by page in page order, with the neighbouring issues', () => {
    const document = page('/2022/02/24/');
    const headings = texts(document, '.page-heading');
    expect(headings[0]).toBe('第1版 要闻');
    const numbers = headings.map((h) => Number(/第(\d+)版/.exec(h)?.[1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(document.querySelector('h1')?.textContent).toBe('2022年2月24日 星期四');
    expect(document.querySelector('a[rel=prev]')?.getAttribute('href')).toBe('/2022/01/08/');
    expect(document.querySelector('a[rel=next]')?.getAttribute('href')).toBe('/2022/02/25/');
  });

  it('home shows the newest issue, the span, its month and 往年今日', () => {
    const document = page('/');
    expect(document.querySelector('h1')?.textContent).toContain('2023年3月15日 星期三');
    expect(document.body.textContent).toContain('收录 2020年1月8日 至 2023年3月15日，共 24 期、69 篇文章。');
    expect(document.querySelector('caption')?.textContent).toContain('2023年3月');
    // Without a script, 往年今日 is for the newest issue's day, and says so (tests/e2e/reading.test.ts shows the reader's day).
    const onThisDay = document.querySelector('[data-on-this-day]');
    expect(onThisDay?.querySelector('h2')?.textContent).toBe('往年今日（3月15日）');
    expect(onThisDay?.querySelector('[data-fallback-note]')?.textContent).toContain('按最新一期的日期');
    expect(hrefs(onThisDay as unknown as Document, ':scope > ul > li > a')).toEqual(['/2022/03/15/', '/2021/03/15/', '/2020/03/15/']);
    expect(onThisDay?.getAttribute('data-days')?.split(' ')).toContain('02-24');
    // Its data for every other day: one small JSON file per month-day, first headlines only.
    const json = JSON.parse(readFileSync(path.join(dist, 'on-this-day/02-24.json'), 'utf8'));
    expect(json.heading).toBe('往年今日（2月24日）');
    expect(json.issues.map((i: { date: string }) => i.date)).toEqual(['2023-02-24', '2022-02-24', '2021-02-24', '2020-02-24']);
    for (const issue of json.issues) expect(issue.articles.length).toBeLessThanOrEqual(3);
    // Still no inline script that runs (CSP script-src 'self').
    for (const script of document.querySelectorAll('script')) expect(script.hasAttribute('src')).toBe(true);
  });
});

describe('tags and reporters', () => {
  it('keep Chinese names in percent-encoded addresses, never empty', () => {
    const article = page('/2020/01/08/a001/');
    expect(hrefs(article, '.reporters a')).toEqual(['/reporters/%E9%99%88%E6%98%8E/']);
    expect(hrefs(article, '.article-tags a')).toContain(`/tags/${encodeURIComponent('工会')}/`);
    for (const link of [...hrefs(page('/tags/'), '.name-index a'), ...hrefs(page('/reporters/'), '.name-index a')]) {
      expect(link).toMatch(/^\/(tags|reporters)\/[^/]+\/$/);
      expect(existsSync(path.join(dist, decodeURIComponent(link), 'index.html'))).toBe(true);
    }
    expect(hrefs(page('/tags/'), '.name-index a')).toEqual(
      expect.arrayContaining([`/tags/${encodeURIComponent('5G-物联网')}/`, '/tags/_2022/']),
    );
  });

  it('show a reporter listed twice in the frontmatter once', () => {
    // tests/fixtures/reading-archive/2023/03-15/a068.md lists 梁奈 twice (the schema keeps one).
    expect(hrefs(page('/2023/03/15/a068/'), '.reporters a')).toEqual([`/reporters/${encodeURIComponent('梁奈')}/`]);
  });

  it('paginate a tag with more than 50 articles', () => {
    const first = page(`/tags/${encodeURIComponent('工会')}/`);
    const second = page(`/tags/${encodeURIComponent('工会')}/2/`);
    expect(first.querySelectorAll('.article-list li')).toHaveLength(50);
    expect(second.querySelectorAll('.article-list li')).toHaveLength(12);
    expect(first.querySelector('.pagination a[rel=next]')?.getAttribute('href')).toBe(`/tags/${encodeURIComponent('工会')}/2/`);
    expect(second.querySelector('[aria-current=page]')?.textContent).toBe('2');
    expect(second.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(
      `http://localhost:4321/tags/${encodeURIComponent('工会')}/2/`,
    );
    // Newest first across pages.
    const dates = [...first.querySelectorAll('.article-list time'), ...second.querySelectorAll('.article-list time')].map((t) => t.getAttribute('datetime')!);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('a reporter page lists every article with that byline', () => {
    const document = page(`/reporters/${encodeURIComponent('梁奈')}/`);
    expect(document.querySelector('h1')?.textContent).toBe('记者：梁奈');
    for (const meta of texts(document, '.article-list .meta')) expect(meta).toContain('梁奈');
  });
});

describe('the article page', () => {
  const document = page('/2020/01/08/a001/');

  it('has the headline block, byline, Chinese date, page and reading time', () => {
    expect(document.querySelector('.kicker')?.textContent).toBe('引题示例');
    expect(document.querySelector('h1 .supplied')?.textContent).toContain('编者拟题');
    expect(document.querySelector('.subtitle')?.textContent).toBe('副题示例');
    const meta = document.querySelector('.article-meta')?.textContent ?? '';
    expect(meta).toContain('2020年1月8日 星期三');
    expect(meta).toContain('第1版 要闻');
    expect(document.querySelector('.reading-time')?.textContent).toBe('阅读约 1 分钟');
  });

  it('cites paper, date, page and permanent link, with a copy button', () => {
    expect(document.querySelector('.citation-text')?.textContent).toBe(
      '陈明：茂南区第1号测试新闻：寒潮来袭注意保暖，《茂名晚报》2020年1月8日 第1版 要闻。http://localhost:4321/2020/01/08/a001/',
    );
    expect(document.querySelector('button[data-copy-from]')).not.toBeNull();
  });

  it('links the next article in the issue and up to five related articles', () => {
    expect(document.querySelector('a[rel=next]')?.getAttribute('href')).toBe('/2020/01/08/a002/');
    expect(document.querySelector('a[rel=prev]')).toBeNull();
    const related = hrefs(document, '.related a');
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(5);
    expect(related).not.toContain('/2020/01/08/a001/');
  });

  it('carries NewsArticle JSON-LD, canonical, Open Graph and Twitter meta', () => {
    const json = JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}');
    expect(json).toMatchObject({
      '@type': 'NewsArticle',
      headline: '茂南区第1号测试新闻：寒潮来袭注意保暖',
      datePublished: '2020-01-08T12:00:00+08:00',
      inLanguage: 'zh-CN',
      author: [{ '@type': 'Person', name: '陈明' }],
      publisher: { '@type': 'Organization', name: '茂名晚报' },
      isPartOf: { '@type': 'PublicationIssue', datePublished: '2020-01-08', url: 'http://localhost:4321/2020/01/08/' },
    });
    const meta = (key: string) =>
      document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');
    expect(document.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe('http://localhost:4321/2020/01/08/a001/');
    expect(meta('og:type')).toBe('article');
    expect(meta('og:title')).toContain('寒潮来袭注意保暖');
    expect(meta('og:url')).toBe('http://localhost:4321/2020/01/08/a001/');
    expect(meta('og:site_name')).toBe('茂名晚报数字档案');
    expect(meta('twitter:card')).toBe('summary_large_image');
    expect(meta('description')).toBe('茂南区第1号测试新闻的摘要。');
  });

  it('has no inline script that runs and no style attributes', () => {
    for (const script of document.querySelectorAll('script')) {
      const type = script.getAttribute('type');
      expect(script.hasAttribute('src') || type === 'application/ld+json').toBe(true);
    }
    expect(document.querySelectorAll('[style]')).toHaveLength(0);
  });
});

it('robots.txt allows the whole archive', () => {
  expect(readFileSync(path.join(dist, 'robots.txt'), 'utf8')).toMatch(/User-agent: \*\s+Allow: \//);
});

it('under BASE_PATH=/archive/ every internal link and asset carries the base path', () => {
  const root = buildSite({ key: 'reading-base', contentDir: READING_FIXTURE, basePath: '/archive/' });
  for (const sitePath of ['/', '/2022/', '/2022/02/', '/2022/02/24/', '/2020/01/08/a001/', '/tags/', `/tags/${encodeURIComponent('工会')}/2/`]) {
    const document = page(sitePath, root);
    const urls = [...document.querySelectorAll('a[href], link[href], script[src]')]
      .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '')
      .filter((url) => url.startsWith('/'));
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url, `${sitePath}: ${url}`).toMatch(/^\/archive\//);
  }
});
