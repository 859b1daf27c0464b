/**
 * The seed issue follows the printed page (frontmatter `order`, lead story
 * first): the day page, the feed, and each article's previous/next links.
 * File-name order would put the photo item (fu-shan-ling-yun-hai) first and
 * the lead story (gonghui-shisiwu-guihua) second.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';

const dist = await fixtureSite('seed');
const PRINTED = ['gonghui-shisiwu-guihua', 'shi-zong-gonghui-quanwei-huiyi', 'fu-shan-ling-yun-hai'];
const permalink = (slug: string) => `/2022/02/24/${slug}/`;

function page(sitePath: string) {
  return parseHTML(readFileSync(path.join(dist, sitePath, 'index.html'), 'utf8')).document;
}

describe('page order (order: 1 is the lead story)', () => {
  it('the day page lists the articles as printed, the lead story set as the lead', () => {
    const document = page('/2022/02/24/');
    const links = [...document.querySelectorAll('.article-list .headline')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(PRINTED.map(permalink));
    expect(document.querySelector('.article-list li.lead .headline')?.getAttribute('href')).toBe(permalink(PRINTED[0]!));
    expect(document.querySelector('.article-list li.lead .subtitle')?.textContent).toBe('四大方面指标 与我市广大职工息息相关');
  });

  it('the one printed page is labelled by its number, and nothing is filed under "其他"', () => {
    const document = page('/2022/02/24/');
    const headings = [...document.querySelectorAll('.page-heading')].map((heading) => heading.textContent?.trim());
    expect(headings).toEqual(['第1版']);
    expect(document.querySelector('main')?.textContent).not.toContain('其他');
  });

  it('the feed lists the issue in printed order', () => {
    const feed = readFileSync(path.join(dist, 'rss.xml'), 'utf8');
    const links = [...feed.matchAll(/<item><title>[^<]*<\/title><link>([^<]+)<\/link>/g)].map((m) => new URL(m[1]!).pathname);
    expect(links).toEqual(PRINTED.map(permalink));
  });

  it('previous and next follow the printed order', () => {
    PRINTED.forEach((slug, index) => {
      const document = page(permalink(slug));
      const previous = document.querySelector('.prev-next a[rel=prev]')?.getAttribute('href');
      const next = document.querySelector('.prev-next a[rel=next]')?.getAttribute('href');
      expect(previous, `${slug} previous`).toBe(index > 0 ? permalink(PRINTED[index - 1]!) : undefined);
      expect(next, `${slug} next`).toBe(index < PRINTED.length - 1 ? permalink(PRINTED[index + 1]!) : undefined);
    });
  });
});
