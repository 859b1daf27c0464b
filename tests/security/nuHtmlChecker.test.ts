/**
 * The W3C Nu HTML Checker, the validator people paste pages into, reports
 * zero errors on every page of the seed and reading-fixture builds, checked in
 * one Java process. Each route in src/pages must be covered by at least one
 * checked page, so a new route cannot slip past: add it to ROUTES below.
 * The day's second page (/YYYY/MM/DD/page/2/) needs a day of more than 50
 * articles; tests/build/longIssue.test.ts checks it, and tests/build/photos.test.ts
 * the photo layout and covers, the hostile and Unicode tests their archives.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';
import { TMP_ROOT } from '../support/buildSite.ts';
import { nuHtmlErrors, siteHtmlFiles } from '../support/nuHtmlChecker.ts';

/** Each route file, and the built pages of it (paths relative to dist/), or why it has none. */
const ROUTES: Record<string, RegExp | { notHtml: string }> = {
  'index.astro': /^index\.html$/,
  '404.astro': /^404\.html$/,
  'offline.astro': /^offline\/index\.html$/,
  'search.astro': /^search\/index\.html$/,
  '[year]/index.astro': /^\d{4}\/index\.html$/,
  '[year]/[month]/index.astro': /^\d{4}\/\d{2}\/index\.html$/,
  '[year]/[month]/[day]/[...page].astro': /^\d{4}\/\d{2}\/\d{2}\/(page\/\d+\/)?index\.html$/,
  '[year]/[month]/[day]/[slug].astro': /^\d{4}\/\d{2}\/\d{2}\/(?!page\/)[^/]+\/index\.html$/,
  'tags/[...page].astro': /^tags\/(\d+\/)?index\.html$/,
  'tags/[tag]/[...page].astro': /^tags\/(?!\d+\/)[^/]+\/(\d+\/)?index\.html$/,
  'reporters/[...page].astro': /^reporters\/(\d+\/)?index\.html$/,
  'reporters/[name]/[...page].astro': /^reporters\/(?!\d+\/)[^/]+\/(\d+\/)?index\.html$/,
  '[year]/[month]/[day]/pages/[number].astro': /^\d{4}\/\d{2}\/\d{2}\/pages\/\d+\/index\.html$/,
  'iiif/[date]/manifest.json.ts': { notHtml: 'IIIF Presentation 3 JSON, parsed with @iiif/parser in tests/build/pageScans.test.ts' },
  'rss.xml.ts': { notHtml: 'RSS, parsed by a feed parser in tests/security/feeds.test.ts' },
  'on-this-day/[monthDay].json.ts': { notHtml: 'JSON for the home page\'s 往年今日 script' },
};

/** Route files under src/pages, as "tags/[tag]/[...page].astro". */
function routeFiles(folder = ''): string[] {
  return readdirSync(path.join('src/pages', folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(folder, entry.name);
    return entry.isDirectory() ? routeFiles(relative) : [relative];
  });
}

describe('the W3C Nu HTML Checker', () => {
  const builds = async () => ({ seed: await fixtureSite('seed'), reading: await fixtureSite('reading') });
  // A page with a script after </html>, checked in the same run: proof that the run reports.
  const canary = path.join(TMP_ROOT, 'nu-canary.html');
  let siteErrors: string[];
  let canaryErrors: string[];
  let checked: Record<string, string[]>;

  beforeAll(async () => {
    writeFileSync(canary, '<!doctype html><html lang="zh-CN"><head><title>样例</title></head><body><p>正文</p></body></html><script src="/a.js"></script>');
    const dists = await builds();
    checked = Object.fromEntries(Object.entries(dists).map(([name, dist]) => [name, siteHtmlFiles(dist)]));
    const files = Object.entries(dists).flatMap(([name, dist]) => checked[name]!.map((file) => path.join(dist, file)));
    const errors = nuHtmlErrors([...files, canary], TMP_ROOT);
    canaryErrors = errors.filter((error) => error.startsWith('nu-canary.html:'));
    siteErrors = errors.filter((error) => !canaryErrors.includes(error));
  });

  it('reports zero errors on every page of the seed and reading builds', () => {
    expect(siteErrors).toEqual([]);
  });

  it('checked at least one page of every route in src/pages', () => {
    const pages = Object.values(checked).flat();
    for (const route of routeFiles()) {
      const kind = ROUTES[route];
      expect(kind, `src/pages/${route} is new: add it to ROUTES in this test`).toBeDefined();
      if (kind instanceof RegExp) expect(pages.filter((page) => kind.test(page)), route).not.toEqual([]);
    }
    // Pagination beyond the first page, where the fixtures have it.
    expect(checked.reading!.some((page) => /^tags\/[^/]+\/2\/index\.html$/.test(page))).toBe(true);
  });

  it('does report a script after </html> (canary)', () => {
    expect(canaryErrors.join('\n')).toMatch(/^nu-canary\.html:1:\d+ Stray start tag “script”/);
  });
});
