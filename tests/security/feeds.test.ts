/**
 * /rss.xml and the sitemap, read with a real XML parser and compared with
 * the articles in the content folder (not with the build's own idea of them):
 * the seed archive, the hostile archive (markup in every field, a draft), and
 * the seed archive deployed under /archive/ on another host.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';
import { FEED_SIZE } from '../../src/lib/feedItems.ts';
import { readContentFolder, type SourceArticle } from '../support/contentArticles.ts';

interface Variant {
  name: string;
  contentDir: string;
  siteUrl: string;
  basePath: string;
  build(): Promise<string>;
}

const VARIANTS: Variant[] = [
  { name: 'seed', contentDir: 'content/articles', siteUrl: 'http://localhost:4321', basePath: '/', build: () => fixtureSite('seed') },
  {
    name: 'hostile',
    contentDir: 'tests/fixtures/hostile',
    siteUrl: 'http://localhost:4321',
    basePath: '/',
    build: () => fixtureSite('hostile'),
  },
  {
    name: 'seed under /archive/',
    contentDir: 'content/articles',
    siteUrl: 'https://news.example.org',
    basePath: '/archive/',
    build: () => fixtureSite('archive'),
  },
];

// Every repeatable element is an array, so one item or one tag reads the same as many.
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'category', 'dc:creator', 'url', 'sitemap'].includes(name), parseTagValue: false });

function readXml(file: string): any {
  const text = readFileSync(file, 'utf8');
  expect(XMLValidator.validate(text)).toBe(true);
  return parser.parse(text);
}

/** The calendar day in Beijing of a feed date. */
function beijingDay(rfc822: string): string {
  return new Date(Date.parse(rfc822) + 8 * 3600_000).toISOString().slice(0, 10);
}

describe.each(VARIANTS)('$name', (variant) => {
  const siteRoot = variant.siteUrl + variant.basePath;
  const articles: SourceArticle[] = readContentFolder(variant.contentDir).filter((article) => !article.data.draft);
  const drafts = readContentFolder(variant.contentDir).filter((article) => article.data.draft);
  const urlOf = (article: SourceArticle) => siteRoot + article.permalink.slice(1);
  let dist: string;

  beforeAll(async () => {
    dist = await variant.build();
  });

  it('rss.xml is RSS 2.0 with the channel fields', () => {
    const { rss } = readXml(path.join(dist, 'rss.xml'));
    expect(rss['@version']).toBe('2.0');
    expect(rss.channel.title).toBe('茂名晚报数字档案');
    expect(rss.channel.link).toBe(siteRoot);
    expect(rss.channel.description).not.toBe('');
    expect(rss.channel.language).toBe('zh-cn');
    expect(rss.channel['atom:link']['@href']).toBe(`${siteRoot}rss.xml`);
  });

  it('each feed item has the article\'s title, link, date, description, reporters and tags; no drafts', () => {
    const items: any[] = readXml(path.join(dist, 'rss.xml')).rss.channel.item ?? [];
    expect(items).toHaveLength(Math.min(FEED_SIZE, articles.length));
    for (const item of items) {
      const article = articles.find((candidate) => urlOf(candidate) === item.link);
      expect(article, `feed item ${item.link} is no published article`).toBeDefined();
      expect(item.title).toBe(article!.data.title);
      expect(item.guid['#text']).toBe(item.link);
      expect(beijingDay(item.pubDate)).toBe(article!.data.date);
      expect(item.description.length).toBeGreaterThan(0);
      expect(item['dc:creator'] ?? []).toEqual(article!.data.reporters);
      expect(item.category ?? []).toEqual(article!.data.tags);
    }
    const dates = items.map((item) => Date.parse(item.pubDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const draft of drafts) expect(items.map((item) => item.link)).not.toContain(urlOf(draft));
  });

  it('the sitemap lists every article exactly once, no drafts, only pages that exist', () => {
    const index = readXml(path.join(dist, 'sitemap-index.xml'));
    const files: string[] = index.sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc);
    const locs = files.flatMap((loc) => {
      expect(loc.startsWith(siteRoot)).toBe(true);
      return readXml(path.join(dist, loc.slice(siteRoot.length))).urlset.url.map((url: { loc: string }) => url.loc);
    });
    for (const article of articles) expect(locs.filter((loc: string) => loc === urlOf(article))).toHaveLength(1);
    for (const draft of drafts) expect(locs).not.toContain(urlOf(draft));
    expect(new Set(locs).size).toBe(locs.length);
    for (const loc of locs) {
      expect(loc.startsWith(siteRoot)).toBe(true);
      const file = path.join(dist, decodeURIComponent(loc.slice(siteRoot.length)), 'index.html');
      expect(existsSync(file), `${loc} has no page`).toBe(true);
    }
  });
});
