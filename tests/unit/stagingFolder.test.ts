/**
 * The staging folder a build starts from (src/build/stagingFolder.ts): the
 * site it replaced, brought up to date with Astro's copies of the last
 * build's pages. The manifest and copies are written by Astro's own
 * incremental cache class, as a build writes them.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepForNextBuild, prepareStaging, PREVIOUS_SITE, removeUnbuiltPages } from '../../src/build/stagingFolder.ts';

const ARTICLE = '2022/02/24/茂名/index.html';
const HOME = 'index.html';
const GONE = '2021/01/01/gone/index.html';

let root: string;
let cacheDir: string;
let staging: string;
let previous: string;

/** What Astro's last build recorded: each page and its copy in the cache. */
async function astroRecorded(pages: Record<string, string>): Promise<void> {
  const { IncrementalBuildCache } = await import(pathToFileURL(path.resolve('node_modules/astro/dist/core/build/incremental.js')).href);
  const settings = { config: { cacheDir: pathToFileURL(`${cacheDir}/`) } };
  const cache = new IncrementalBuildCache('config', 'lockfile', 'key');
  for (const [file, body] of Object.entries(pages)) {
    cache.record('src/pages/x.astro', 'deps', `/${file}`, 'key', encodeURI(file));
    await cache.writeOutputFile(settings, encodeURI(file), body);
  }
  cache.writeManifest(settings);
}

function write(dir: string, file: string, body: string): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), body);
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const filesOf = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'staging-'));
  cacheDir = path.join(root, 'cache');
  staging = path.join(root, 'dist.tmp');
  previous = path.join(cacheDir, PREVIOUS_SITE);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the staging folder of a build', () => {
  it('holds nothing when Astro has no last build to keep pages from', async () => {
    expect((await prepareStaging(staging, cacheDir)).size).toBe(0);
    expect(existsSync(staging)).toBe(false);
  });

  it('starts from the replaced site: outdated pages copied from Astro, the same ones left, the rest removed', async () => {
    await astroRecorded({ [ARTICLE]: '<p>茂名 新</p>', [HOME]: '<p>首页</p>', [GONE]: '<p>旧</p>' });
    // The site two builds back: its article page is older than Astro's copy, its home page the same file.
    write(previous, ARTICLE, '<p>茂名 旧</p>');
    write(previous, HOME, '<p>首页</p>');
    const home = statSync(path.join(cacheDir, 'dist', HOME));
    utimesSync(path.join(previous, HOME), home.atime, home.mtimeMs / 1000);
    write(previous, 'pagefind/pagefind-entry.json', '{}');
    write(previous, '_astro/old.js', '');
    write(previous, 'sw.js', '');
    write(previous, 'offline-manifest.json', '{}');
    write(previous, '2020/05/05/removed/index.html', '');
    const homeInode = statSync(path.join(previous, HOME)).ino;

    const prefilled = await prepareStaging(staging, cacheDir);

    expect(existsSync(previous)).toBe(false);
    expect(filesOf(staging)).toEqual([GONE, ARTICLE, HOME].map((file) => path.normalize(file)).sort());
    expect(read(staging, ARTICLE)).toBe('<p>茂名 新</p>');
    expect(statSync(path.join(staging, HOME)).ino, 'an unchanged page is not copied').toBe(homeInode);
    expect(existsSync(path.join(staging, '2020')), 'no empty folder is left').toBe(false);
    expect([...prefilled.keys()].sort()).toEqual([GONE, ARTICLE, HOME].sort());
  });

  it('brings a whole archive up to date, more pages than it handles at once', async () => {
    const pages = Object.fromEntries(Array.from({ length: 150 }, (_, n) => [`2022/01/${String((n % 28) + 1).padStart(2, '0')}/a${n}/index.html`, `<p>${n} 新</p>`]));
    await astroRecorded(pages);
    Object.keys(pages).forEach((file, n) => write(previous, file, n % 2 ? `<p>${n} 旧的</p>` : `<p>${n} 新</p>`));
    for (let n = 0; n < 40; n++) write(previous, `2021/12/${n}/gone/index.html`, '旧');
    await prepareStaging(staging, cacheDir);
    expect(filesOf(staging)).toEqual(Object.keys(pages).map((file) => path.normalize(file)).sort());
    for (const [file, body] of Object.entries(pages)) expect(read(staging, file)).toBe(body);
    expect(existsSync(path.join(staging, '2021'))).toBe(false);
  });

  it('copies every page when the replaced site is gone, and none whose copy Astro lost', async () => {
    await astroRecorded({ [ARTICLE]: '<p>茂名</p>', [HOME]: '<p>首页</p>' });
    rmSync(path.join(cacheDir, 'dist', HOME));
    const prefilled = await prepareStaging(staging, cacheDir);
    expect(filesOf(staging)).toEqual([path.normalize(ARTICLE)]);
    expect([...prefilled.keys()]).toEqual([ARTICLE]);
  });

  it('after Astro, removes the pages it neither wrote nor recorded, and keeps the ones it rendered', async () => {
    await astroRecorded({ [ARTICLE]: '<p>茂名</p>', [HOME]: '<p>首页</p>', [GONE]: '<p>旧</p>' });
    const prefilled = await prepareStaging(staging, cacheDir);
    // This build: the gone article's page is no longer made, the home page is
    // rendered without a cache key (so not recorded), the article is kept.
    await astroRecorded({ [ARTICLE]: '<p>茂名</p>' });
    write(staging, HOME, '<p>新首页</p>');
    expect(removeUnbuiltPages(staging, cacheDir, prefilled)).toBe(1);
    expect(filesOf(staging)).toEqual([ARTICLE, HOME].map((file) => path.normalize(file)).sort());
    expect(existsSync(path.join(staging, '2021')), 'no empty folder is left').toBe(false);
  });

  it('a full build starts empty and drops the kept site', async () => {
    await astroRecorded({ [HOME]: '<p>首页</p>' });
    write(previous, HOME, '<p>首页</p>');
    expect((await prepareStaging(staging, cacheDir, { full: true })).size).toBe(0);
    expect(existsSync(staging)).toBe(false);
    expect(existsSync(previous)).toBe(false);
  });

  it('the replaced site is kept for the next build, replacing an older one', () => {
    write(previous, 'a.html', 'older');
    const replaced = path.join(root, 'dist.old');
    write(replaced, 'b.html', 'replaced');
    keepForNextBuild(replaced, cacheDir);
    expect(existsSync(replaced)).toBe(false);
    expect(filesOf(previous)).toEqual(['b.html']);
  });
});
