/**
 * An article whose file name is Chinese (tests/fixtures/unicode/𠮷野家.md):
 * every address a program reads (the canonical link, Open Graph, JSON-LD,
 * the RSS feed, the sitemap) is a URI, percent-encoded, and all of them the
 * same; the citation box shows it as readers read it, in Chinese.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';

const PERMALINK = '/2022/03/05/𠮷野家/';
const ENCODED = `http://localhost:4321${encodeURI(PERMALINK)}`;
let dist = '';

beforeAll(async () => {
  dist = await fixtureSite('unicode');
});

it('gives programs the percent-encoded address everywhere, and readers the Chinese one', () => {
  const html = readFileSync(path.join(dist, PERMALINK, 'index.html'), 'utf8');
  const { document } = parseHTML(html);
  const jsonLd = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!) as { url: string };
  const feed = readFileSync(path.join(dist, 'rss.xml'), 'utf8');
  const sitemap = readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8');
  expect(ENCODED).toMatch(/^[\x21-\x7e]+$/);
  expect(document.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(ENCODED);
  expect(document.querySelector('meta[property="og:url"]')?.getAttribute('content')).toBe(ENCODED);
  expect(jsonLd.url).toBe(ENCODED);
  expect(feed).toContain(`<link>${ENCODED}</link>`);
  expect(sitemap).toContain(`<loc>${ENCODED}</loc>`);
  // The citation box: the link carries the URI, its text and the citation read as Chinese.
  const link = document.querySelector('.citation-link a')!;
  expect(link.getAttribute('href')).toBe(ENCODED);
  expect(link.textContent).toBe(`http://localhost:4321${PERMALINK}`);
  expect(document.querySelector('#citation-text')?.textContent).toContain(`http://localhost:4321${PERMALINK}`);
});
