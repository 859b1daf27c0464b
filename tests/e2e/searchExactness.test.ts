/**
 * On a generated archive of real corpus stories (the sample in tests/fixtures), the search page's totals and
 * top results equal an exact substring scan of every story; an index built
 * as shards and merged into one holds the same words at the same places and
 * gives the very same answers; unchanged shards are reused; two
 * workers (the build's mode once Astro has finished) write the same index as one.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { buildSite, TMP_ROOT } from '../support/buildSite.ts';
import { serveStatic, type RunningServer } from '../../scripts/lib/staticServer.ts';
import { pagefindIndexContents } from '../support/pagefindIndexContents.ts';
import { loadCorpusStories, writeArchive } from '../../bench/lib/corpusArchive.ts';
import { CORPUS_SAMPLE } from '../support/corpusSample.ts';
import { GroundTruth, makeQueries, scoreQuery, type TruthDoc } from '../../bench/lib/searchQueries.ts';
import { runQuery, type PageRun } from '../../bench/lib/searchPageRunner.ts';
import { prepareNormalise } from '../../src/lib/search/normalise.ts';
import { buildSearchIndex } from '../../src/lib/search/buildSearchIndex-fs.ts';

const ROOT = path.join(TMP_ROOT, 'search-corpus');
const CONTENT = path.join(ROOT, 'content');
/** Every story of the sample (about 120), in several shards. */
const STORIES = 120;
const SHARD_ARTICLES = 30;
/** Each query opens a cold browser context; on a busy 2-core machine that takes seconds. */
const SLOW = 900_000;

let browser: Browser;
let single: RunningServer;
let sharded: RunningServer;
let docs: TruthDoc[];
let singleRuns: Map<string, PageRun>;

describe('search exactness on a corpus archive', () => {
  beforeAll(async () => {
    await prepareNormalise();
    rmSync(ROOT, { recursive: true, force: true });
    const archive = writeArchive(loadCorpusStories(CORPUS_SAMPLE), CONTENT, STORIES, 11);
    docs = archive.map(({ story, slug }) => ({
      permalink: `/${story.date.replaceAll('-', '/')}/${slug}/`,
      headline: story.title,
      body: story.paragraphs.join('\n'),
    }));
    const dist = buildSite({ key: 'search-corpus', contentDir: CONTENT });
    // The same site with the index built as several shards.
    const shardedDist = path.join(ROOT, 'sharded-dist');
    cpSync(dist, shardedDist, { recursive: true });
    // Written as the build writes it once Astro is done: two shards at a time,
    // the second worker's in processes of their own (stdin closed at once).
    const script = spawnSync(
      process.execPath,
      ['src/build/searchIndexProcess.ts', '--out', path.join(shardedDist, 'pagefind'), '--content', CONTENT,
        '--cache', path.join(ROOT, 'two-worker-cache'), '--shard-articles', String(SHARD_ARTICLES), '--second-worker'],
      { input: '', encoding: 'utf8' },
    );
    expect(script.status, script.stderr).toBe(0);
    const oneWorker = path.join(ROOT, 'one-worker', 'pagefind');
    const stats = await buildSearchIndex({ contentDir: CONTENT, outDir: oneWorker, shardArticles: SHARD_ARTICLES });
    expect(stats.shards).toBeGreaterThan(2);
    // Pagefind names every index file by its content's hash.
    const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
    expect(files(path.join(shardedDist, 'pagefind'))).toEqual(files(oneWorker));
    // The shards were merged into one index holding what the single index holds.
    expect(readFileSync(path.join(shardedDist, 'pagefind', 'shards.json'), 'utf8').trim()).toBe('["merged"]');
    expect(pagefindIndexContents(path.join(shardedDist, 'pagefind'))).toEqual(pagefindIndexContents(path.join(dist, 'pagefind')));
    single = await serveStatic(dist);
    sharded = await serveStatic(shardedDist);
    browser = await launchBrowser();
    singleRuns = new Map();
  });

  afterAll(async () => {
    await browser?.close();
    await single?.close();
    await sharded?.close();
  });

  it('reports the true count and only true matches, for every kind of query', async () => {
    const truth = new GroundTruth(docs);
    const failures: string[] = [];
    for (const { kind, query } of makeQueries(docs, 6, 5)) {
      const run = await runQuery(browser, single.url('/search/'), query);
      singleRuns.set(query, run);
      const expected = truth.matches(query);
      const score = scoreQuery(run, expected);
      if (!score.exactCount || score.recall < 1 || score.precision < 1) {
        failures.push(`${kind} ${query}: reported ${run.count}, true ${expected.size}`);
      }
    }
    expect(failures).toEqual([]);
    // 24 queries; a word with no traditional form repeats as its own "traditional" query.
    expect(singleRuns.size).toBeGreaterThanOrEqual(20);
  }, SLOW);

  it('gives identical counts and rankings from a sharded index', async () => {
    expect(singleRuns.size).toBeGreaterThan(0);
    for (const [query, expected] of singleRuns) {
      const run = await runQuery(browser, sharded.url('/search/'), query);
      expect({ query, count: run.count, top: run.top }).toEqual({ query, count: expected.count, top: expected.top });
    }
  }, SLOW);

  it('reuses unchanged shards by content hash and rebuilds a changed one', async () => {
    const cacheDir = path.join(ROOT, 'index-cache');
    const outDir = path.join(ROOT, 'incremental', 'pagefind');
    const options = { contentDir: CONTENT, outDir, cacheDir, shardArticles: SHARD_ARTICLES };
    const first = await buildSearchIndex(options);
    expect(first.reused).toBe(0);
    const again = await buildSearchIndex(options);
    expect(again.reused).toBe(first.shards);
    const newestYear = readdirSync(CONTENT).sort().at(-1)!;
    const day = readdirSync(path.join(CONTENT, newestYear)).sort().at(-1)!;
    const file = readdirSync(path.join(CONTENT, newestYear, day))[0]!;
    appendFileSync(path.join(CONTENT, newestYear, day, file), '\n增量重建测试专用语句。\n');
    const changed = await buildSearchIndex(options);
    expect(changed.reused).toBe(first.shards - 1);
    expect(readdirSync(cacheDir).length).toBe(first.shards + 1);
  });
});
