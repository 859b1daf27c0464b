/**
 * On a generated archive of real corpus stories, the search page's totals and
 * top results equal an exact substring scan of every story.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_SERVICE_WORKER, launchBrowser } from '../support/browser.ts';
import { buildSite, TMP_ROOT } from '../support/buildSite.ts';
import { serveStatic, type RunningServer } from '../../scripts/lib/staticServer.ts';
import { loadCorpusStories, writeArchive } from '../../bench/lib/corpusArchive.ts';
import { CORPUS_SAMPLE } from '../support/corpusSample.ts';
import { GroundTruth, makeQueries, scoreQuery, type QueryOutcome, type TruthDoc } from '../../bench/lib/searchQueries.ts';
import { runQueryInTab } from '../../bench/lib/searchPageRunner.ts';
import { prepareNormalise } from '../../src/lib/search/normalise.ts';

const ROOT = path.join(TMP_ROOT, 'search-corpus');
const CONTENT = path.join(ROOT, 'content');
/** Every story of the sample (about 120). */
const STORIES = 120;
const SLOW = 900_000;
/**
 * Tabs of one context without the service worker, each running its share of
 * the queries. What search finds does not depend on a cold cache (that is
 * bench:search's measure of speed), and a fresh context per query, whose
 * worker also saved the archive, cost the browser several times the queries.
 */
const TABS = 4;

let browser: Browser;
let single: RunningServer;
let docs: TruthDoc[];
let singleRuns: Map<string, QueryOutcome>;

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
    const check = async (tab: Page, { kind, query }: (typeof queries)[number]) => {
      const run = await runQueryInTab(tab, single.url('/search/'), query);
      singleRuns.set(query, run);
      const expected = truth.matches(query);
      const score = scoreQuery(run, expected);
      if (!score.exactCount || score.recall < 1 || score.precision < 1) {
        failures.push(`${kind} ${query}: reported ${run.count}, true ${expected.size}`);
      }
    };
    const context = await browser.newContext(NO_SERVICE_WORKER);
    try {
      const tabs = await Promise.all(Array.from({ length: TABS }, () => context.newPage()));
      await Promise.all(
        tabs.map(async (tab, at) => {
          for (const query of queries.filter((_, index) => index % TABS === at)) await check(tab, query);
        }),
      );
    } finally {
      await context.close();
    }
    expect(failures.sort()).toEqual([]);
    // 24 queries; a word with no traditional form repeats as its own "traditional" query.
    expect(singleRuns.size).toBeGreaterThanOrEqual(20);
  }, SLOW);
});
