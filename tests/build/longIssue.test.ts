/**
 * A day with more than 50 articles (real archives have them: special issues,
 * election days) is split into numbered pages at /YYYY/MM/DD/page/2/, keeping
 * the 版面 grouping across the break; home shows the first 50 and links on.
 * The archive is tests/support/longIssueArchive.ts; the W3C Nu HTML Checker
 * reads its pages in tests/security/htmlValidity.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';

const dist = await fixtureSite('longIssue');

const page = (sitePath: string) =>
  parseHTML(readFileSync(path.join(dist, decodeURIComponent(sitePath), 'index.html'), 'utf8')).document;
const headings = (document: Document) =>
  [...document.querySelectorAll('.page-heading')].map((h) => h.textContent?.replace(/\s+/g, '') ?? '');

it('splits a day of 57 articles into 50 + 7, grouped by 版面 in page order across the break', () => {
  const first = page('/2024/05/01/');
  const second = page('/2024/05/01/page/2/');
  expect(first.querySelectorAll('.article-list li')).toHaveLength(50);
  expect(second.querySelectorAll('.article-list li')).toHaveLength(7);
  expect(headings(first)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `第${n}版第${n}版栏目`));
  // 版面 7 is cut after its 2nd article: page 2 carries it on, marked as continued.
  expect(headings(second)).toEqual(['第7版第7版栏目（续）', '第8版第8版栏目']);
  expect(first.querySelector('.pagination a[rel=next]')?.getAttribute('href')).toBe('/2024/05/01/page/2/');
  expect(second.querySelector('.pagination a[rel=prev]')?.getAttribute('href')).toBe('/2024/05/01/');
  expect(second.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe('http://localhost:4321/2024/05/01/page/2/');
  expect(second.querySelector('h1')?.textContent).toBe('2024年5月1日 星期三');
});

it('keeps the previous and next issue links on every page of the day', () => {
  for (const sitePath of ['/2024/05/01/', '/2024/05/01/page/2/']) {
    const document = page(sitePath);
    expect(document.querySelector('.prev-next a[rel=prev]')?.getAttribute('href'), sitePath).toBe('/2024/04/30/');
    expect(document.querySelector('.prev-next a[rel=next]')?.getAttribute('href'), sitePath).toBe('/2024/05/02/');
  }
});

it('leaves the article named 2.md at its own permalink', () => {
  expect(page('/2024/05/01/2/').querySelector('h1')?.textContent).toContain('特刊第2篇');
});

it('home shows the first 50 articles of a long newest issue and links to the rest', () => {
  const home = page('/');
  expect(home.querySelectorAll('.newest .article-list li')).toHaveLength(50);
  expect(home.querySelector('.newest a[href="/2024/05/02/page/2/"]')?.textContent).toBe('本期共 51 篇，查看其余文章');
});
