/**
 * A production build without SITE_URL warns that
 * canonical links, the sitemap, the feed, the social cards and the citation
 * box will say http://localhost:4321, and how to set it; with SITE_URL set
 * the warning is gone and the next build (incremental, as people run it)
 * uses the real address everywhere.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runBuild } from '../support/buildSite.ts';
import { copyOfFixtureSite, fixtureSite, fixtureSiteOutput } from '../support/fixtureSites.ts';

const ARTICLE = '2022/02/24/gonghui-shisiwu-guihua/index.html';
const WARNING = '警告：未设置 SITE_URL';

function addressesIn(dist: string): string[] {
  const page = readFileSync(path.join(dist, ARTICLE), 'utf8');
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(page)?.[1] ?? '';
  const sitemap = /<loc>([^<]+)<\/loc>/.exec(readFileSync(path.join(dist, 'sitemap-0.xml'), 'utf8'))?.[1] ?? '';
  const feed = /<link>([^<]+)<\/link>/.exec(readFileSync(path.join(dist, 'rss.xml'), 'utf8'))?.[1] ?? '';
  return [canonical, sitemap, feed];
}

it('warns without SITE_URL, says what it affects, and is silent once it is set', async () => {
  // The seed fixture site is built without SITE_URL.
  const without = { outDir: await fixtureSite('seed'), output: await fixtureSiteOutput('seed') };
  expect(without.output).toContain(WARNING);
  expect(without.output).toMatch(/canonical.*sitemap.*RSS.*Open Graph.*citation box/s);
  expect(without.output).toContain('SITE_URL=https://archive.example.org npm run build');
  for (const address of addressesIn(without.outDir)) expect(address.startsWith('http://localhost:4321/'), address).toBe(true);

  // The editor sets it and builds again, over that build's caches.
  await copyOfFixtureSite('seed', 'site-url-warning');
  const withUrl = runBuild({ key: 'site-url-warning', contentDir: 'content/articles', siteUrl: 'https://archive.example.org' });
  expect(withUrl.status, withUrl.output).toBe(0);
  expect(withUrl.output).not.toContain('SITE_URL');
  for (const address of addressesIn(withUrl.outDir)) expect(address.startsWith('https://archive.example.org/'), address).toBe(true);
});
