/**
 * What search engines and link cards read from the seed build: each
 * article's NewsArticle JSON-LD follows Google's Article rules (its image and
 * the publisher's logo are real files of the right size), and every page
 * carries complete Open Graph and X (Twitter) card tags whose picture exists.
 * The photo build (tests/build/photos.test.ts) checks an article with a cover.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';
import { readContentFolder } from '../support/contentArticles.ts';
import { googleArticleProblems, jsonLdImageUrls } from '../support/googleArticleRules.ts';
import { htmlPagePaths } from '../support/pageWatch.ts';

const SITE_ROOT = 'http://localhost:4321/';
let seedDist = '';
const dist = () => seedDist;

beforeAll(async () => {
  seedDist = await fixtureSite('seed');
});

function documentAt(sitePath: string): Document {
  const file = sitePath.endsWith('.html') ? sitePath : `${sitePath}index.html`;
  return parseHTML(readFileSync(path.join(dist(), decodeURIComponent(file)), 'utf8')).document;
}

const meta = (document: Document, key: string) =>
  document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? undefined;

/** The dist file behind an absolute URL of the site, with its pixel size. */
async function imageFile(url: string): Promise<{ format?: string; width?: number; height?: number }> {
  expect(url.startsWith(SITE_ROOT), `${url} is not on the site`).toBe(true);
  const file = path.join(dist(), decodeURIComponent(url.slice(SITE_ROOT.length)));
  expect(existsSync(file), `${url} has no file in dist/`).toBe(true);
  return sharp(file).metadata();
}

describe('NewsArticle JSON-LD (Google\'s Article rules)', () => {
  const articles = readContentFolder('content/articles').filter((article) => !article.data.draft);

  it.each(articles.map((article) => [article.permalink, article] as const))('%s', async (permalink, article) => {
    const document = documentAt(permalink);
    const blocks = [...document.querySelectorAll('script[type="application/ld+json"]')];
    expect(blocks).toHaveLength(1);
    const json = JSON.parse(blocks[0]!.textContent ?? '');
    expect(googleArticleProblems(json)).toEqual([]);
    // The paper's day, in the paper's time zone.
    expect(json.datePublished).toBe(`${article.data.date}T12:00:00+08:00`);
    expect(json.headline).toBe(article.data.title);
    // Without a byline the paper itself is the author.
    const authors = article.data.reporters.length > 0 ? article.data.reporters : ['茂名晚报'];
    expect(json.author.map((author: { name: string }) => author.name)).toEqual(authors);
    for (const author of json.author) expect(existsSync(path.join(dist(), decodeURIComponent(new URL(author.url).pathname), 'index.html'))).toBe(true);
    // No cover in the seed: the site's card, the same picture as the link card.
    const { images, logo } = jsonLdImageUrls(json);
    expect(images).toEqual([`${SITE_ROOT}og-default.png`]);
    expect(meta(document, 'og:image')).toBe(images[0]);
    expect(meta(document, 'twitter:image')).toBe(images[0]);
    const card = await imageFile(images[0]!);
    expect([card.width, card.height]).toEqual([json.image[0].width, json.image[0].height]);
    expect(card.width! * card.height!).toBeGreaterThanOrEqual(50_000);
    // Google: a logo at least 112×112, in a format it indexes.
    const logoFile = await imageFile(logo);
    expect(logoFile.format).toBe('png');
    expect(Math.min(logoFile.width!, logoFile.height!)).toBeGreaterThanOrEqual(112);
    expect([logoFile.width, logoFile.height]).toEqual([json.publisher.logo.width, json.publisher.logo.height]);
  });

  it('the rules do catch an article without image, logo or time zone (canary)', () => {
    const problems = googleArticleProblems({
      '@type': 'NewsArticle',
      headline: '长'.repeat(111),
      datePublished: '2022-02-24',
      dateModified: '2022-02-24',
      author: [{ '@type': 'Person', name: '梁奈' }],
      publisher: { '@type': 'Organization', name: '茂名晚报' },
    });
    expect(problems).toEqual([
      'headline: 111 characters, more than 110',
      'image: missing',
      'datePublished: "2022-02-24" is no date-time with a time zone',
      'dateModified: "2022-02-24" is no date-time with a time zone',
      'publisher.logo: missing',
    ]);
  });
});

describe('Open Graph and X card tags', () => {
  it('every page has title, type, picture (with type, size, alt) and the large card', async () => {
    const pages = htmlPagePaths(dist());
    expect(pages.length).toBeGreaterThanOrEqual(15);
    for (const sitePath of pages) {
      const document = documentAt(sitePath);
      const tag = (key: string) => meta(document, key);
      for (const key of ['og:site_name', 'og:locale', 'og:type', 'og:title', 'og:description', 'og:image', 'og:image:type', 'og:image:width', 'og:image:height', 'og:image:alt', 'twitter:card', 'twitter:title', 'twitter:description', 'twitter:image', 'twitter:image:alt']) {
        expect(tag(key), `${sitePath} ${key}`).toBeTruthy();
        expect(document.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`), `${sitePath} ${key} twice`).toHaveLength(1);
      }
      if (sitePath !== '/404.html') expect(tag('og:url'), sitePath).toBe(document.querySelector('link[rel=canonical]')?.getAttribute('href'));
      expect(tag('twitter:card')).toBe('summary_large_image');
      expect(tag('twitter:image')).toBe(tag('og:image'));
      expect(tag('twitter:image:alt')).toBe(tag('og:image:alt'));
      const file = await imageFile(tag('og:image')!);
      expect([String(file.width), String(file.height)], sitePath).toEqual([tag('og:image:width'), tag('og:image:height')]);
      expect(tag('og:image:type')).toBe(`image/${file.format === 'jpeg' ? 'jpeg' : file.format}`);
    }
  });

  it('an article gives its issue date with Beijing\'s time zone', () => {
    const document = documentAt('/2022/02/24/fu-shan-ling-yun-hai/');
    expect(meta(document, 'og:type')).toBe('article');
    expect(meta(document, 'article:published_time')).toBe('2022-02-24T12:00:00+08:00');
  });
});
