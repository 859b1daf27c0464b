/**
 * The fixture sites that several test files read, each built once per test
 * run and shared by all of them, across workers and projects. A file that
 * needs a site of its own (it edits content, or checks a failing build)
 * calls buildSite or runBuild with its own key instead.
 */
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { writeLongIssueArchive } from './longIssueArchive.ts';
import { writePhotoArchive } from './photoArchive.ts';
import { READING_FIXTURE } from './readingPages.ts';
import { PREVIOUS_SITE } from '../../src/build/stagingFolder.ts';
import { TMP_ROOT, buildOnce, outputOfBuildOnce, type BuildOptions } from './buildSite.ts';

type SiteOptions = Omit<BuildOptions, 'key'>;

/** name → how it is built; `content` writes generated content first and returns its folder. */
const SITES: Record<string, SiteOptions & { content?: () => Promise<string> }> = {
  /** The seed archive, content/articles, at the root, without SITE_URL (the addresses are http://localhost:4321). */
  seed: { contentDir: 'content/articles', env: { SITE_URL: '' } },
  /** The seed archive under BASE_PATH=/archive/ with a real-looking SITE_URL. */
  archive: { contentDir: 'content/articles', basePath: '/archive/', siteUrl: 'https://news.example.org' },
  /** tests/fixtures/reading-archive: every page type, many issues, tags and reporters. */
  reading: { contentDir: READING_FIXTURE },
  /** tests/fixtures/hostile: articles that try to inject markup and scripts. */
  hostile: { contentDir: 'tests/fixtures/hostile' },
  /** tests/fixtures/unicode: astral characters, emoji, zero-width and right-to-left text. */
  unicode: { contentDir: 'tests/fixtures/unicode' },
  /** The photo archive (tests/support/photoArchive.ts) under /archive/. */
  photos: { basePath: '/archive/', siteUrl: 'https://archive.example.org', content: () => writePhotoArchive('photos') },
  /** A day of 57 articles and one of 51 (tests/support/longIssueArchive.ts): numbered day pages. */
  longIssue: { content: async () => writeLongIssueArchive('long-issue') },
  /** tests/fixtures/other-archive: an archive whose articles name no page and no section. */
  otherArchive: { contentDir: 'tests/fixtures/other-archive' },
};

export type FixtureSite = keyof typeof SITES;

/** The dist/ folder of a shared fixture site, built by the first caller of this run. */
export async function fixtureSite(name: FixtureSite): Promise<string> {
  const site = SITES[name];
  if (!site) throw new Error(`No fixture site "${name}"; known: ${Object.keys(SITES).join(', ')}`);
  const { content, ...options } = site;
  return buildOnce({ key: `site-${name}`, ...options }, inject('buildRun'), content);
}

/** What the build of a shared fixture site printed (its warnings, its report). */
export async function fixtureSiteOutput(name: FixtureSite): Promise<string> {
  await fixtureSite(name);
  return outputOfBuildOnce(`site-${name}`);
}

/**
 * A copy of a shared fixture site, its dist/ and its build caches, at
 * tests/.tmp/<key>/, for a test that changes a site: the next runBuild with
 * this key and the same content is an incremental build, as an editor's
 * second build is, and no other test sees the change. Returns the dist/.
 */
export async function copyOfFixtureSite(name: FixtureSite, key: string): Promise<string> {
  const from = path.dirname(await fixtureSite(name));
  const to = path.join(TMP_ROOT, key);
  rmSync(to, { recursive: true, force: true });
  // Not the site an earlier build replaced, kept for the next one (src/build/stagingFolder.ts): a whole site more to copy.
  const kept = path.join(from, 'astro-cache', PREVIOUS_SITE);
  for (const folder of ['dist', 'astro-cache']) cpSync(path.join(from, folder), path.join(to, folder), { recursive: true, filter: (source) => source !== kept });
  return path.join(to, 'dist');
}
