/**
 * On a generated archive of real corpus stories, the search page's totals and
 * top results equal an exact substring scan of every story.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { buildSite, TMP_ROOT } from '../support/buildSite.ts';
import { serveStatic, type RunningServer } from '../../scripts/lib/staticServer.ts';
import { loadCorpusStories, writeArchive } from '../../bench/lib/corpusArchive.ts';
import { CORPUS_SAMPLE } from '../support/corpusSample.ts';
import { GroundTruth, makeQueries, scoreQuery, type TruthDoc } from '../../bench/lib/searchQueries.ts';
import { runQuery, type PageRun } from '../../bench/lib/searchPageRunner.ts';
import { prepareNormalise } from '../../src/lib/search/normalise.ts';

const ROOT = path.join(TMP_ROOT, 'search-corpus');
const CONTENT = path.join(ROOT, 'content');
/** Every story of the sample (about 120). */
const STORIES = 120;
/** Each query opens a cold browser context; on a busy 2-core machine that takes seconds. */
const SLOW = 900_000;
/** Queries run at once, each in its own cold context. */
const PARALLEL = 4;

let browser: Browser;
let single: RunningServer;
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
    single = await serveStatic(dist);
    browser = await launchBrowser();
    singleRuns = new Map();
  });

  afterAll(async () => {
    await browser?.close();
    await single?.close();
  });

  it('reports the true count and only true matches, for every kind of query', async () => {
    const truth = new GroundTruth(docs);
    const failures: string[] = [];
    const queries = makeQueries(docs, 6, 5);
    // A few cold contexts at a time: most of a query is the browser fetching the index.
    const check = async ({ kind, query }: (typeof queries)[number]) => {
      const run = await runQuery(browser, single.url('/search/'), query);
      singleRuns.set(query, run);
      const expected = truth.matches(query);
      const score = scoreQuery(run, expected);
      if (!score.exactCount || score.recall < 1 || score.precision < 1) {
        failures.push(`${kind} ${query}: reported ${run.count}, true ${expected.size}`);
      }
    };
    for (let at = 0; at < queries.length; at += PARALLEL) await Promise.all(queries.slice(at, at + PARALLEL).map(check));
    expect(failures.sort()).toEqual([]);
    // 24 queries; a word with no traditional form repeats as its own "traditional" query.
    expect(singleRuns.size).toBeGreaterThanOrEqual(20);
  }, SLOW);
});
