/**
 * The golden test of the search index writer (src/lib/search/writePagefindIndex-fs.ts):
 * for the two fixture archives every run builds (content/articles and the
 * reading fixture), Pagefind's own indexer (the pinned version's Node API)
 * and our writer index the same pages, and Pagefind's browser runtime gives
 * the very same answers from both, for every query of a list: result count,
 * order, score and word positions, and the order of a search without a
 * query, also with the fragments folded into a few files (maxFragments).
 * The two indexes also hold the same words at the same places. When
 * Pagefind is upgraded and its format or its reading of it changes, this
 * test fails: then the writer follows the new format (docs/search.md).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';
import { launchBrowser } from '../support/browser.ts';
import { TMP_ROOT } from '../support/buildSite.ts';
import { serveStatic, type RunningServer } from '../../scripts/lib/staticServer.ts';
import { pagefindIndexContents } from '../support/pagefindIndexContents.ts';
import { prepareNormalise } from '../../src/lib/search/normalise.ts';
import { pagefindRuntime } from '../../src/lib/search/pagefindRuntime-fs.ts';
import { searchRecord } from '../../src/lib/search/searchRecord.ts';
import { readSearchSources, SEARCH_SOURCES_FILE } from '../../src/lib/search/searchSources-fs.ts';
import { pagesBlock, writePagefindIndex, type IndexBlockInput, type IndexPage } from '../../src/lib/search/writePagefindIndex-fs.ts';
import { EMPTY_POSITION } from '../../src/lib/search/tokens.ts';

const ROOT = path.join(TMP_ROOT, 'pagefind-golden');
const ARCHIVES = { seed: await fixtureSite('seed'), reading: await fixtureSite('reading') };

/** Every page of a built fixture archive, oldest first, as the build indexes them. */
function archivePages(dist: string): IndexPage[] {
  const sources = readSearchSources(path.join(path.dirname(dist), 'astro-cache', SEARCH_SOURCES_FILE));
  return sources
    .filter((source) => !source.data.draft)
    .sort((a, b) => (a.permalink < b.permalink ? -1 : 1))
    .map(searchRecord);
}

/**
 * The pages in blocks of two, joined as the build joins its months
 * (buildSearchIndex-fs.ts; the seed archive holds three articles of one day).
 */
function blocksOfTwo(pages: IndexPage[]): IndexBlockInput[] {
  return Array.from({ length: Math.ceil(pages.length / 2) }, (_, i) => pagesBlock(pages.slice(2 * i, 2 * i + 2)));
}

/** The same pages written by Pagefind's own indexer (meta left out: Pagefind would index it as words). */
async function writeWithPagefind(pages: IndexPage[], outDir: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'und' });
  if (!index) throw new Error(errors.join('; '));
  try {
    for (const page of pages) {
      const added = await index.addCustomRecord({ url: page.url, content: page.words.join(' '), language: 'und', meta: {}, filters: {}, sort: {} });
      expect(added.errors).toEqual([]);
    }
    expect((await index.writeFiles({ outputPath: outDir })).errors).toEqual([]);
  } finally {
    await pagefind.close();
  }
}

/**
 * Queries: single words (bigrams), one-character prefixes (4 letters, as
 * one-character searches look up), pairs of words, and words no page has.
 */
function queryList(pages: IndexPage[]): string[] {
  const queries = new Set<string>(['aaaaaaaa', 'zzzz', 'qqqqqqqq']);
  for (const [p, page] of pages.entries()) {
    const words = page.words.filter((word) => word !== EMPTY_POSITION);
    for (let i = p % 7; i < words.length; i += 31) {
      queries.add(words[i]!);
      queries.add(words[i]!.slice(0, 4));
      if (i + 2 < words.length) queries.add(`${words[i]} ${words[i + 2]}`);
    }
  }
  return [...queries];
}

interface Answer {
  count: number;
  results: { url: string; score: number; words: number[] }[];
}

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  await prepareNormalise();
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(ROOT, { recursive: true });
  writeFileSync(path.join(ROOT, 'index.html'), '<!doctype html><title>golden</title>');
  const runtimeDir = await pagefindRuntime(path.join(ROOT, 'cache'));
  for (const [name, dist] of Object.entries(ARCHIVES)) {
    const pages = archivePages(dist);
    expect(blocksOfTwo(pages).length).toBeGreaterThan(1);
    await writePagefindIndex(blocksOfTwo(pages), path.join(ROOT, name, 'ours'), { runtimeDir });
    // Fragments folded into a few files, for hosts that limit the file count.
    await writePagefindIndex([pagesBlock(pages)], path.join(ROOT, name, 'ours-grouped'), { runtimeDir, maxFragments: 3 });
    await writeWithPagefind(pages, path.join(ROOT, name, 'pagefind'));
  }
  server = await serveStatic(ROOT);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(Object.keys(ARCHIVES))('the %s archive, indexed by Pagefind and by our writer', (name) => {
  it('holds the same words at the same places on the same pages', () => {
    const ours = pagefindIndexContents(path.join(ROOT, name, 'ours'));
    const theirs = pagefindIndexContents(path.join(ROOT, name, 'pagefind'));
    expect(ours.size).toBeGreaterThan(100);
    expect(ours).toEqual(theirs);
  });

  it('uses the version, entry fields and runtime of the pinned Pagefind', () => {
    const entry = (dir: string) => JSON.parse(readFileSync(path.join(ROOT, name, dir, 'pagefind-entry.json'), 'utf8')) as Record<string, unknown>;
    const { languages: ourLanguages, ...ours } = entry('ours');
    const { languages: theirLanguages, ...theirs } = entry('pagefind');
    expect(ours).toEqual(theirs);
    const language = (languages: unknown) => {
      const { hash, ...rest } = (languages as Record<string, Record<string, unknown>>).und!;
      return { hash: typeof hash, ...rest };
    };
    expect(language(ourLanguages)).toEqual(language(theirLanguages));
    expect(readFileSync(path.join(ROOT, name, 'ours', 'pagefind.js'))).toEqual(readFileSync(path.join(ROOT, name, 'pagefind', 'pagefind.js')));
  });

  it('folds the fragments into at most maxFragments files', () => {
    expect(readdirSync(path.join(ROOT, name, 'ours-grouped', 'fragment')).length).toBeLessThanOrEqual(3);
  });

  it("gets the same answers from Pagefind's runtime for every query", { timeout: 600_000 }, async () => {
    const pages = archivePages(ARCHIVES[name as keyof typeof ARCHIVES]);
    const queries = queryList(pages);
    expect(queries.length).toBeGreaterThan(100);
    const page = await browser.newPage();
    await page.goto(server.url('/'));
    const ask = (dir: string) =>
      page.evaluate(
        async ({ base, list }) => {
          // Built at run time: vitest would rewrite a literal import() for Node.
          const load = new Function('url', 'return import(url)') as (url: string) => Promise<any>;
          const api = await load(`${base}pagefind.js`);
          await api.options({ basePath: base, baseUrl: '/' });
          await api.init();
          const answer = async (query: string | null) => {
            const response = await api.search(query);
            const results = await Promise.all(
              response.results.map(async (result: { score: number; words: number[]; data: () => Promise<{ url: string }> }) => ({
                url: (await result.data()).url,
                score: result.score,
                words: result.words,
              })),
            );
            return { count: response.results.length, results };
          };
          const answers: Record<string, unknown> = { '(none)': await answer(null) };
          for (const query of list) answers[query] = await answer(query);
          return answers;
        },
        { base: `/${name}/${dir}/`, list: queries },
      ) as Promise<Record<string, Answer>>;
    const ours = await ask('ours');
    const grouped = await ask('ours-grouped');
    const theirs = await ask('pagefind');
    await page.close();
    expect(ours['(none)']!.count).toBe(pages.length);
    expect(Object.values(ours).filter((answer) => answer.count > 0).length).toBeGreaterThan(queries.length / 2);
    for (const query of Object.keys(theirs)) {
      expect(ours[query], query).toEqual(theirs[query]);
      expect(grouped[query], query).toEqual(theirs[query]);
    }
  });
});
