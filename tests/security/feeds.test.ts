/**
 * /rss.xml, read with a real feed parser (feedparser), and the sitemap, read
 * with a real XML parser, compared with
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
import { readFeed, repeated } from '../support/feedReader.ts';

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
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'url', 'sitemap'].includes(name), parseTagValue: false });

function readXml(file: string): any {
  const text = readFileSync(file, 'utf8');
  expect(XMLValidator.validate(text)).toBe(true);
  return parser.parse(text);
}

/** The calendar day in Beijing of a feed date. */
function beijingDay(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
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

  it('a real feed parser (feedparser) reads rss.xml as RSS 2.0 with the channel fields', async () => {
    expect(XMLValidator.validate(readFileSync(path.join(dist, 'rss.xml'), 'utf8'))).toBe(true);
    const { meta } = await readFeed(path.join(dist, 'rss.xml'));
    expect([meta['#type'], meta['#version']]).toEqual(['rss', '2.0']);
    expect(meta.title).toBe('茂名晚报数字档案');
    expect(meta.link).toBe(siteRoot);
    expect(meta.description).not.toBe('');
    expect(meta.language).toBe('zh-cn');
    expect(meta.xmlurl).toBe(`${siteRoot}rss.xml`);
  });

  it('feedparser reads each item with the article\'s title, link, date, description, reporters and tags; no drafts', async () => {
    const { items } = await readFeed(path.join(dist, 'rss.xml'));
    expect(items).toHaveLength(Math.min(FEED_SIZE, articles.length));
    for (const item of items) {
      const article = articles.find((candidate) => urlOf(candidate) === item.link);
      expect(article, `feed item ${item.link} is no published article`).toBeDefined();
      // feedparser, like many readers, drops what looks like an HTML tag from a
      // title; the XML carries the title as printed, escaped (next test).
      expect(item.title).toBe(article!.data.title.replace(/<\/?[a-z][^<>]*>/gi, ''));
      expect(item.guid).toBe(item.link);
      expect(beijingDay(item.pubdate!)).toBe(article!.data.date);
      expect(item.description.length).toBeGreaterThan(0);
      // Readers show the description as HTML: the article's text, never its markup.
      expect(item.description).not.toMatch(/<[a-z!/]/i);
      expect(repeated(item['dc:creator'])).toEqual(article!.data.reporters);
      expect(item.categories).toEqual(article!.data.tags);
    }
    const dates = items.map((item) => item.pubdate!.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const draft of drafts) expect(items.map((item) => item.link)).not.toContain(urlOf(draft));
  });

  it('the feed\'s XML carries each title as printed, markup characters escaped', () => {
    const items: { title: string; link: string }[] = readXml(path.join(dist, 'rss.xml')).rss.channel.item ?? [];
    for (const item of items) expect(item.title).toBe(articles.find((article) => urlOf(article) === item.link)?.data.title);
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
