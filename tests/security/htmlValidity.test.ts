/**
 * Valid HTML on every page of every fixture site, by two validators nobody
 * here wrote:
 * - html-validate (the recommended preset) on the seed archive, at the root
 *   and under /archive/, and on the hostile, Unicode and photo archives;
 * - the W3C Nu HTML Checker, the validator people paste pages into, on the
 *   seed, reading, hostile, Unicode, photo and long-issue archives, all in
 *   one Java process (starting it costs seconds, a page milliseconds).
 * Each route in src/pages must be covered by at least one checked page, so a
 * new route cannot slip past: add it to ROUTES below.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite, type FixtureSite } from '../support/fixtureSites.ts';
import { TMP_ROOT } from '../support/buildSite.ts';
import { htmlErrors } from '../support/htmlValidity.ts';
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

const HTML_VALIDATE_SITES: FixtureSite[] = ['seed', 'archive', 'hostile', 'unicode', 'photos'];
const NU_SITES: FixtureSite[] = ['seed', 'reading', 'hostile', 'unicode', 'photos', 'longIssue'];

/** Route files under src/pages, as "tags/[tag]/[...page].astro". */
function routeFiles(folder = ''): string[] {
  return readdirSync(path.join('src/pages', folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(folder, entry.name);
    return entry.isDirectory() ? routeFiles(relative) : [relative];
  });
}

describe('html-validate', () => {
  it.each(HTML_VALIDATE_SITES)('every page of the %s archive', async (site) => {
    const { pages, errors } = await htmlErrors(await fixtureSite(site));
    expect(errors).toEqual([]);
    expect(pages).toBeGreaterThanOrEqual(4);
  });

  it('does report invalid HTML (canary)', async () => {
    const { HtmlValidate } = await import('html-validate');
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString('<!doctype html><html lang="zh-CN"><head><title>x</title></head><body><img></body></html>');
    expect(report.valid).toBe(false);
  });
});

describe('the W3C Nu HTML Checker', () => {
  // A page with a script after </html>, checked in the same run: proof that the run reports.
  const canaryDir = path.join(TMP_ROOT, 'nu-canary');
  const canary = path.join(canaryDir, 'nu-canary.html');
  /** site → its errors, "dist-relative file:line:column message". */
  const errorsOf: Record<string, string[]> = {};
  const checked: Record<string, string[]> = {};
  let canaryErrors: string[];

  beforeAll(async () => {
    mkdirSync(canaryDir, { recursive: true });
    writeFileSync(canary, '<!doctype html><html lang="zh-CN"><head><title>样例</title></head><body><p>正文</p></body></html><script src="/a.js"></script>');
    const dists: Record<string, string> = {};
    for (const site of NU_SITES) {
      dists[site] = await fixtureSite(site);
      checked[site] = siteHtmlFiles(dists[site]);
    }
    const files = NU_SITES.flatMap((site) => checked[site]!.map((file) => path.join(dists[site]!, file)));
    const errors = nuHtmlErrors([...files, canary], TMP_ROOT);
    const siteOf = (error: string) => NU_SITES.find((site) => path.resolve(TMP_ROOT, error.split(':')[0]!).startsWith(`${dists[site]}${path.sep}`));
    canaryErrors = errors.filter((error) => error.startsWith(`${path.relative(TMP_ROOT, canary)}:`));
    for (const site of NU_SITES) errorsOf[site] = errors.filter((error) => siteOf(error) === site);
    // Nothing is left unassigned: every error is a site's or the canary's.
    expect(errors.length).toBe(canaryErrors.length + Object.values(errorsOf).flat().length);
  });

  it.each(NU_SITES)('reports zero errors on every page of the %s archive', (site) => {
    expect(checked[site]!.length).toBeGreaterThanOrEqual(4);
    expect(errorsOf[site]).toEqual([]);
  });

  it('checked at least one page of every route in src/pages', () => {
    const pages = Object.values(checked).flat();
    for (const route of routeFiles()) {
      const kind = ROUTES[route];
      expect(kind, `src/pages/${route} is new: add it to ROUTES in this test`).toBeDefined();
      if (kind instanceof RegExp) expect(pages.filter((page) => kind.test(page)), route).not.toEqual([]);
    }
    // Pagination beyond the first page: of a tag, and of a day of more than 50 articles.
    expect(checked.reading!.some((page) => /^tags\/[^/]+\/2\/index\.html$/.test(page))).toBe(true);
    expect(checked.longIssue!).toContain('2024/05/01/page/2/index.html');
  });

  it('does report a script after </html> (canary)', () => {
    expect(canaryErrors.join('\n')).toMatch(/nu-canary\.html:1:\d+ Stray start tag “script”/);
  });
});
