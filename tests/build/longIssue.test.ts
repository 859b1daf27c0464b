/**
 * A day with more than 50 articles (real archives have them: special issues,
 * election days) is split into numbered pages at /YYYY/MM/DD/page/2/, keeping
 * the 版面 grouping across the break; home shows the first 50 and links on.
 * The archive is generated: 57 articles on 2024-05-01 over eight 版面, one of
 * them a file named 2.md, whose permalink /2024/05/01/2/ must stay its own;
 * one article the day before, and 51 on the newest day, 2024-05-02.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, expect, it } from 'vitest';
import { buildSite, TMP_ROOT } from '../support/buildSite.ts';
import { nuHtmlErrors } from '../support/nuHtmlChecker.ts';

const CONTENT = path.join(TMP_ROOT, 'long-issue-content');
let dist: string;

function write(date: string, name: string, page: number, title: string) {
  const folder = path.join(CONTENT, date.slice(0, 4), date.slice(5));
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    path.join(folder, `${name}.md`),
    `---\ntitle: ${title}\ndate: ${date}\npage: ${page}\nsection: 第${page}版栏目\nreporters: [梁奈]\n---\n\n${title}的正文。\n`,
  );
}

beforeAll(() => {
  rmSync(CONTENT, { recursive: true, force: true });
  write('2024-04-30', 'qian-yi-tian', 1, '前一天的新闻');
  for (let i = 1; i <= 51; i++) write('2024-05-02', `b${String(i).padStart(2, '0')}`, 1, `次日第${i}篇`);
  // 57 articles, seven or eight to a 版面: the 50th falls inside 版面 7.
  for (let i = 1; i <= 57; i++) write('2024-05-01', i === 2 ? '2' : `a${String(i).padStart(2, '0')}`, Math.ceil(i / 8), `特刊第${i}篇`);
  dist = buildSite({ key: 'long-issue', contentDir: CONTENT });
});

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

it('the day\'s numbered pages and the long home page pass the W3C Nu HTML Checker', () => {
  const files = ['2024/05/01/index.html', '2024/05/01/page/2/index.html', '2024/05/02/page/2/index.html', 'index.html'];
  expect(nuHtmlErrors(files.map((file) => path.join(dist, file)), dist)).toEqual([]);
});
