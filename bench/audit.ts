/**
 * `npm run audit`: Lighthouse (performance, accessibility, best practices,
 * SEO) on one page of each type of the built site, in Debian's Chromium
 * (CHROME_PATH, default /usr/bin/chromium), mobile emulation with Lighthouse's
 * default throttling. Prints the four scores per page type; exits 1 when any
 * score is under --min (default 95) so CI can hold the line.
 *
 * Options: --dist <folder> (default dist), --min <score>, --desktop, and
 * --only <type> audits one page type (home, year, month, day,
 * article, pageView, tags, tag, reporters, reporter, search, notFound).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { parseArgs } from 'node:util';
import { siteConfig } from '../src/config.ts';
// The same plain static host the browser tests use: folders serve index.html, unknown paths 404.html.
import { serveStatic } from '../scripts/lib/staticServer.ts';
import { CHROMIUM_PATH } from '../scripts/lib/chromium.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    dist: { type: 'string', default: 'dist' }, min: { type: 'string', default: '95' }, desktop: { type: 'boolean', default: false } },
});
const dist = path.resolve(values.dist!);
const minimum = Number(values.min);
const chromePath = CHROMIUM_PATH;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

if (!existsSync(path.join(dist, 'index.html'))) {
  console.error(`没有找到构建好的站点：${dist}。请先运行 npm run build。\nNo built site at ${dist}; run npm run build first.`);
  process.exit(1);
}

/** The first sub-folder of `folder` whose name matches, or undefined. */
function firstDir(folder: string, pattern: RegExp): string | undefined {
  if (!existsSync(folder)) return undefined;
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && pattern.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .at(-1);
}

/** One real page of each type, found in the built folder. */
function pageTypes(): Record<string, string> {
  const year = firstDir(dist, /^\d{4}$/);
  const month = year && firstDir(path.join(dist, year), /^\d{2}$/);
  const day = year && month && firstDir(path.join(dist, year, month), /^\d{2}$/);
  // Not the day's printed pages folder (/YYYY/MM/DD/pages/NN/): that is the page view.
  const slug = year && month && day && firstDir(path.join(dist, year, month, day), /^(?!pages$)/);
  const printedPage = year && month && day && firstDir(path.join(dist, year, month, day, 'pages'), /^\d+$/);
  const tag = firstDir(path.join(dist, 'tags'), /./);
  const reporter = firstDir(path.join(dist, 'reporters'), /./);
  // Search for a word of the first article's headline, so the page shows results.
  const headline = slug ? /<h1[^>]*>\s*([^<\s]{2})/.exec(readFileSync(path.join(dist, year!, month!, day!, slug, 'index.html'), 'utf8'))?.[1] : undefined;
  const pages: Record<string, string | undefined> = {
    home: '/',
    year: year && `/${year}/`,
    month: month && `/${year}/${month}/`,
    day: day && `/${year}/${month}/${day}/`,
    article: slug && `/${year}/${month}/${day}/${encodeURIComponent(slug)}/`,
    pageView: printedPage && `/${year}/${month}/${day}/pages/${printedPage}/`,
    tags: '/tags/',
    tag: tag && `/tags/${encodeURIComponent(tag)}/`,
    reporters: '/reporters/',
    reporter: reporter && `/reporters/${encodeURIComponent(reporter)}/`,
    search: `/search/?q=${encodeURIComponent(headline ?? '茂名')}`,
    // Lighthouse will not audit a response with status 404, so the page is audited as the file itself.
    notFound: '/404.html',
  };
  return Object.fromEntries(Object.entries(pages).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

// Served under the base path it was built for (BASE_PATH), as it will be deployed.
// Served under the base path it was built for (BASE_PATH), as it will be deployed.
const server = await serveStatic(dist, siteConfig.basePath);
// One browser for every page, always killed in `finally` so no Chromium outlives the audit.
const chrome = await launch({
  chromePath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const rows: { type: string; scores: number[] }[] = [];
let failed = false;

try {
  for (const [type, sitePath] of Object.entries(pageTypes()).filter(([type]) => !values.only || type === values.only)) {
    const result = await lighthouse(
      server.url(sitePath),
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
      values.desktop ? desktopConfig : undefined,
    );
    if (!result) {
      console.error(`Lighthouse 没有返回结果（${type}）。`);
      failed = true;
      continue;
    }
    const { lhr } = result;
    if (lhr.runtimeError) console.error(`${type}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = CATEGORIES.map((id) => Math.round((lhr.categories[id]?.score ?? 0) * 100));
    rows.push({ type, scores });
    console.log(`${type}: ${CATEGORIES.map((c, i) => `${c} ${scores[i]}`).join(', ')}`);
    if (scores.some((score) => score < minimum)) failed = true;
    if (scores.some((score) => score < 100)) {
      const weak = Object.values(lhr.audits)
        .filter((audit) => audit.score !== null && audit.score < 0.9)
        .map((audit) => `    - ${audit.id}: ${audit.title}`);
      console.log(`  audits that lost points:\n${weak.join('\n')}`);
    }
  }
} finally {
  chrome.kill();
  await server.close();
}

const pad = (text: string, width: number) => text.padEnd(width);
console.log(`\nLighthouse (${values.desktop ? 'desktop' : 'mobile'}) — ${dist}`);
console.log(`${pad('page type', 12)}${CATEGORIES.map((c) => pad(c, 16)).join('')}`);
for (const { type, scores } of rows) console.log(`${pad(type, 12)}${scores.map((s) => pad(String(s), 16)).join('')}`);
process.exit(failed ? 1 : 0);
