/**
 * `npm run bench:search`: search quality, latency and bytes of this site's
 * search against Pagefind with its defaults, on the same archive.
 *
 *   node bench/bench-search.ts [--corpus <folder>] [--articles N] [--per-kind 200] [--seed 7] [--work <folder>]
 *
 * 1. Builds an archive of N corpus stories (default: all, ~6,000) with
 *    bench/corpus-to-articles.ts and the site with scripts/build.ts.
 * 2. Builds a second index of the same pages with Pagefind's defaults
 *    (its search page is ours with bench/search/defaults-page.js, the search script as it was before #3).
 * 3. Makes --per-kind queries of each kind from a fixed seed, computes ground
 *    truth by an exact substring scan of every story, runs every query cold
 *    through both search pages in headless Chromium and prints, per kind:
 *    exact total count share, top-10 recall and precision, median and p95
 *    cold latency, median bytes served for a cold search, and index size.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { corpusDirOrExit, loadCorpusStories, sampleArchive } from './lib/corpusArchive.ts';
import { gzippedSizeOf } from './lib/gzippedSize.ts';
import { GroundTruth, KIND_LABELS, makeQueries, QUERY_KINDS, scoreQuery, type BenchQuery, type QueryKind, type TruthDoc } from './lib/searchQueries.ts';
import { runQuery } from './lib/searchPageRunner.ts';
import { prepareNormalise } from '../src/lib/search/normalise.ts';
import { serveStatic } from '../scripts/lib/staticServer.ts';
import { ensureChromium, launchChromium } from '../scripts/lib/chromium.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string' },
    corpus: { type: 'string' },
    'per-kind': { type: 'string', default: '200' },
    seed: { type: 'string', default: '7' },
    work: { type: 'string' },
  },
});
const work = path.resolve(values.work ?? path.join(os.tmpdir(), 'bench-search'));
const contentDir = path.join(work, 'content');
const distDir = path.join(work, 'dist');
const perKind = Number(values['per-kind']);
const corpus = corpusDirOrExit(values.corpus);

function step(label: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'], env });
  if (result.status !== 0) throw new Error(`${label} failed`);
  console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => statSync(path.join(dir, name)))
    .filter((info) => info.isFile())
    .reduce((sum, info) => sum + info.size, 0);
}

// 1. The archive and the site.
const articleArgs = values.articles ? ['--articles', values.articles] : [];
step('archive', ['bench/corpus-to-articles.ts', '--out', contentDir, '--corpus', corpus, ...articleArgs]);
step('site build (scripts/build.ts)', ['scripts/build.ts', '--out', distDir], {
  ...process.env,
  ARCHIVE_CONTENT_DIR: contentDir,
  ARCHIVE_CACHE_DIR: path.join(work, 'cache'),
});

// 2. Pagefind with its defaults, from the built pages.
{
  const started = performance.now();
  const { index } = await pagefind.createIndex();
  await index!.addDirectory({ path: distDir });
  await index!.writeFiles({ outputPath: path.join(distDir, 'pagefind-default') });
  await pagefind.close();
  // The baseline page is this site's search page with the old search script,
  // so both load the same page shell and differ only in the search itself.
  mkdirSync(path.join(distDir, 'search-default'), { recursive: true });
  const shell = readFileSync(path.join(distDir, 'search/index.html'), 'utf8');
  const baseline = shell
    .replace(/<script type="module" src="[^"]*search\.astro[^"]*"><\/script>/, '<script type="module" src="./defaults-page.js"></script>')
    // The same head start for both: each page preloads its own pagefind.js.
    .replace('href="/pagefind/pagefind.js"', 'href="/pagefind-default/pagefind.js"')
    // This site's Pagefind starter (public/search/start-pagefind.js) is part
    // of its search script, not of the page shell: the baseline loads only its own index.
    .replace(/<script[^>]*start-pagefind\.js[^>]*><\/script>/, '');
  if (baseline === shell) throw new Error('bench: could not find the search script in dist/search/index.html');
  if (baseline.includes('/pagefind/')) throw new Error("bench: the baseline page still loads this site's index");
  writeFileSync(path.join(distDir, 'search-default/index.html'), baseline);
  copyFileSync('bench/search/defaults-page.js', path.join(distDir, 'search-default/defaults-page.js'));
  console.log(`Pagefind defaults index: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

// 3. Queries and ground truth from the stories themselves.
await prepareNormalise();
const stories = loadCorpusStories(corpus);
const archive = sampleArchive(stories, values.articles ? Number(values.articles.replace(/[,_]/g, '')) : stories.length, 42);
const docs: TruthDoc[] = archive.map(({ story, slug }) => ({
  permalink: `/${story.date.slice(0, 4)}/${story.date.slice(5, 7)}/${story.date.slice(8, 10)}/${slug}/`,
  headline: story.title,
  body: story.paragraphs.join('\n'),
}));
const truth = new GroundTruth(docs);
const queries = makeQueries(docs, perKind, Number(values.seed));
const truths = queries.map((query) => truth.matches(query.query));
console.log(`${queries.length} queries over ${docs.length} stories`);

interface System {
  name: string;
  page: string;
  indexDir: string;
}
const systems: System[] = [
  { name: 'this site', page: '/search/', indexDir: 'pagefind' },
  { name: 'Pagefind defaults', page: '/search-default/', indexDir: 'pagefind-default' },
];

// Bytes as served here (no HTTP compression) and as a static host that
// gzips text (HTML, CSS, JS, JSON) would send them; Pagefind's index files
// are gzipped already. Counted until the count appears: what the search
// needed, not what the page fetches after it (the service worker installs
// and precaches the offline shell once the first search is done).
let servedBytes = 0;
let gzippedBytes = 0;
const gzipSize = gzippedSizeOf(distDir);
ensureChromium();
const server = await serveStatic(distDir, '/', {
  onServe: (urlPath, bytes) => {
    servedBytes += bytes;
    gzippedBytes += gzipSize(urlPath, bytes);
  },
});
const browser = await launchChromium();

interface KindFigures {
  exact: number;
  recall: number;
  precision: number;
  median: number;
  p95: number;
  bytes: number;
  gzip: number;
}
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const mean = (list: number[]) => list.reduce((sum, value) => sum + value, 0) / Math.max(1, list.length);

type Run = { query: BenchQuery; exact: boolean; recall: number; precision: number; ms: number; bytes: number; gzip: number };
const runsBySystem = new Map<string, Run[]>(systems.map((system) => [system.name, []]));
const misses: string[] = [];
// Kinds take turns (one query of each, then the next), so a run stopped
// early (Ctrl+C, or a time limit's SIGTERM) still reports every kind on the
// queries done so far. Systems take turns query by query, so load from other
// work on the machine falls on both alike.
const order = queries.map((query, index) => ({ index, turn: queries.slice(0, index).filter((other) => other.kind === query.kind).length }));
order.sort((a, b) => a.turn - b.turn || a.index - b.index);
let stopped = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => (stopped = true));
let done = 0;
queryLoop: for (const { index } of order) {
  if (stopped) break;
  const query = queries[index]!;
  for (const system of systems) {
    servedBytes = 0;
    gzippedBytes = 0;
    let run;
    let atCount: [number, number] = [0, 0];
    try {
      run = await runQuery(browser, server.url(system.page), query.query, () => {
        atCount = [servedBytes, gzippedBytes];
      });
    } catch (error) {
      // Playwright closes the browser on SIGTERM/SIGINT itself: report what was done.
      if (stopped) break queryLoop;
      throw new Error(`bench: ${system.name}, ${query.kind} query ${JSON.stringify(query.query)} (${system.page}?q=${encodeURIComponent(query.query)}): ${(error as Error).message}`, { cause: error });
    }
    const [bytes, gzip] = atCount;
    const score = scoreQuery(run, truths[index]!);
    runsBySystem.get(system.name)!.push({ query, exact: score.exactCount, recall: score.recall, precision: score.precision, ms: run.milliseconds, bytes, gzip });
    if (system === systems[0] && (!score.exactCount || score.precision < 1 || score.recall < 1)) {
      misses.push(`${query.kind}\t${query.query}\treported ${run.count}, true ${truths[index]!.size}`);
    }
  }
  done += 1;
  if (done % 100 === 0) console.log(`  ${done}/${queries.length} (${new Date().toISOString().slice(11, 19)} UTC, load average ${os.loadavg()[0]!.toFixed(2)})`);
}
if (stopped) console.log(`\nStopped early: ${done} of ${queries.length} queries done, reported below.`);
const figures = new Map<string, Map<QueryKind, KindFigures>>();
for (const system of systems) {
  const runs = runsBySystem.get(system.name)!;
  const byKind = new Map<QueryKind, KindFigures>();
  for (const kind of QUERY_KINDS) {
    const ofKind = runs.filter((run) => run.query.kind === kind);
    const times = ofKind.map((run) => run.ms).sort((a, b) => a - b);
    const bytes = ofKind.map((run) => run.bytes).sort((a, b) => a - b);
    const gzip = ofKind.map((run) => run.gzip).sort((a, b) => a - b);
    byKind.set(kind, {
      exact: mean(ofKind.map((run) => (run.exact ? 1 : 0))),
      recall: mean(ofKind.map((run) => run.recall)),
      precision: mean(ofKind.map((run) => run.precision)),
      median: quantile(times, 0.5),
      p95: quantile(times, 0.95),
      bytes: quantile(bytes, 0.5),
      gzip: quantile(gzip, 0.5),
    });
  }
  figures.set(system.name, byKind);
}
await browser.close().catch(() => {}); // already closed when stopped
await server.close();

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const sizes = systems.map((system) => folderBytes(path.join(distDir, system.indexDir)));
const perKindDone = Math.min(...QUERY_KINDS.map((kind) => runsBySystem.get(systems[0]!.name)!.filter((run) => run.query.kind === kind).length));
console.log(`\n${docs.length} stories, ${perKindDone} queries per kind, seed ${values.seed}; left: this site, right: Pagefind defaults; load average (1, 5, 15 min) at the end ${os.loadavg().map((load) => load.toFixed(2)).join(', ')}\n`);
console.log('| query kind | exact total count | top-10 recall | top-10 precision | median cold ms | p95 cold ms | cold-search bytes, median (as served / gzip text) |');
console.log('|---|---|---|---|---|---|---|');
for (const kind of QUERY_KINDS) {
  const [ours, theirs] = systems.map((system) => figures.get(system.name)!.get(kind)!) as [KindFigures, KindFigures];
  const pair = (a: string, b: string) => `${a} / ${b}`;
  console.log(
    `| ${KIND_LABELS[kind]} | ${pair(ours.exact.toFixed(3), theirs.exact.toFixed(3))} | ${pair(ours.recall.toFixed(3), theirs.recall.toFixed(3))} | ${pair(ours.precision.toFixed(3), theirs.precision.toFixed(3))} | ${pair(ours.median.toFixed(0), theirs.median.toFixed(0))} | ${pair(ours.p95.toFixed(0), theirs.p95.toFixed(0))} | ${pair(kb(ours.bytes), kb(theirs.bytes))} · ${pair(kb(ours.gzip), kb(theirs.gzip))} |`,
  );
}
console.log(`\nIndex size on disk: this site ${kb(sizes[0]!)}, Pagefind defaults ${kb(sizes[1]!)}`);
if (misses.length > 0) console.log(`\nQueries this site got wrong (${misses.length}):\n${misses.slice(0, 40).join('\n')}`);
