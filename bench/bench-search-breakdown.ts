/**
 * Where a cold search's bytes and time go, file kind by file kind, for this
 * site's search page and for the Pagefind-defaults page that
 * `npm run bench:search` builds (run that first: this reuses its --work folder).
 *
 *   node bench/bench-search-breakdown.ts [--corpus <folder>] [--work <folder>] [--per-kind 10] [--seed 7] [--settle 1500]
 *
 * Every query is run cold (fresh browser context). The server logs each file
 * it sends: its size as sent here, its size gzipped (text files; Pagefind's
 * index files are gzipped already) and when it was asked for, relative to
 * the navigation. Requests up to the moment the count appears are "until
 * count"; those in the --settle ms after it (filters, prefetches, service
 * worker precache) are "after count". Prints medians per file kind.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { corpusDirOrExit, loadCorpusStories, sampleArchive } from './lib/corpusArchive.ts';
import { gzippedSizeOf } from './lib/gzippedSize.ts';
import { makeQueries, type TruthDoc } from './lib/searchQueries.ts';
import { prepareNormalise } from '../src/lib/search/normalise.ts';
import { serveStatic } from '../scripts/lib/staticServer.ts';
import { ensureChromium, launchChromium } from '../scripts/lib/chromium.ts';
import { searchCountTime, watchSearchCount } from './lib/searchPageRunner.ts';

const { values } = parseArgs({
  options: {
    work: { type: 'string' },
    'per-kind': { type: 'string', default: '10' },
    seed: { type: 'string', default: '7' },
    settle: { type: 'string', default: '1500' },
    articles: { type: 'string' },
    corpus: { type: 'string' },
  },
});
const work = path.resolve(values.work ?? path.join(os.tmpdir(), 'bench-search'));
const distDir = path.join(work, 'dist');
const settle = Number(values.settle);
const corpus = corpusDirOrExit(values.corpus);

/** A file's kind, from its URL path. */
export function fileKind(urlPath: string): string {
  const rules: [RegExp, string][] = [
    [/\/pagefind[^/]*\/pagefind\.js$/, 'pagefind.js'],
    [/\/pagefind[^/]*\/pagefind-worker\.js$/, 'pagefind-worker.js'],
    [/\/pagefind[^/]*\/pagefind-entry\.json$/, 'pagefind-entry.json'],
    [/\/pagefind[^/]*\/wasm\.[^/]*$/, 'wasm'],
    [/\.pf_meta$/, 'metadata (pf_meta)'],
    [/\.pf_index$/, 'index chunks'],
    [/\.pf_filter$/, 'filter chunks'],
    [/\.pf_fragment$/, 'fragments'],
    [/traditional-\d\d[^/]*\.js$/, 'traditional table (js)'],
    [/\/_astro\/.*\.js$/, 'site JS'],
    [/\.css$/, 'CSS'],
    [/\.(woff2?|ttf)$/, 'fonts'],
    [/\/sw\.js$|manifest/, 'service worker'],
    [/\.(html)$|\/$/, 'HTML'],
  ];
  return rules.find(([pattern]) => pattern.test(urlPath))?.[1] ?? 'other';
}

const gzipSize = gzippedSizeOf(distDir);

interface Served {
  url: string;
  bytes: number;
  gzip: number;
  at: number;
}
let log: Served[] = [];
let started = 0;

await prepareNormalise();
const stories = loadCorpusStories(corpus);
const archive = sampleArchive(stories, values.articles ? Number(values.articles) : stories.length, 42);
const docs: TruthDoc[] = archive.map(({ story, slug }) => ({
  permalink: `/${story.date.slice(0, 4)}/${story.date.slice(5, 7)}/${story.date.slice(8, 10)}/${slug}/`,
  headline: story.title,
  body: story.paragraphs.join('\n'),
}));
const queries = makeQueries(docs, Number(values['per-kind']), Number(values.seed));

ensureChromium();
const server = await serveStatic(distDir, '/', {
  onServe: (url, bytes) => log.push({ url, bytes, gzip: gzipSize(url, bytes), at: performance.now() - started }),
});
const browser = await launchChromium();

type Totals = Map<string, { count: number; bytes: number; gzip: number; lastAt: number }>;
const systems = [
  { name: 'this site', page: '/search/' },
  { name: 'Pagefind defaults', page: '/search-default/' },
];
const perSystem = new Map<string, { untilCount: Totals[]; after: Totals[]; ms: number[] }>(
  systems.map((system) => [system.name, { untilCount: [], after: [], ms: [] }]),
);

function totals(entries: Served[]): Totals {
  const byKind: Totals = new Map();
  for (const entry of entries) {
    const kind = fileKind(entry.url);
    const sum = byKind.get(kind) ?? { count: 0, bytes: 0, gzip: 0, lastAt: 0 };
    sum.count += 1;
    sum.bytes += entry.bytes;
    sum.gzip += entry.gzip;
    sum.lastAt = Math.max(sum.lastAt, entry.at);
    byKind.set(kind, sum);
  }
  return byKind;
}

for (const query of queries) {
  for (const system of systems) {
    const context = await browser.newContext();
    // The cut between "until count" and "after count" is when the page set
    // the count (told at once by bench/lib/searchPageRunner.ts), in this
    // process's clock like the server's log; the time shown is the page's own.
    let countSeenAt = Number.POSITIVE_INFINITY;
    await watchSearchCount(context, () => {
      countSeenAt = Math.min(countSeenAt, performance.now() - started);
    });
    const page = await context.newPage();
    log = [];
    started = performance.now();
    await page.goto(server.url(`${system.page}?q=${encodeURIComponent(query.query)}`));
    const ms = await searchCountTime(page);
    await page.waitForTimeout(settle);
    await context.close();
    const record = perSystem.get(system.name)!;
    record.ms.push(ms);
    record.untilCount.push(totals(log.filter((entry) => entry.at <= countSeenAt)));
    record.after.push(totals(log.filter((entry) => entry.at > countSeenAt)));
  }
}
await browser.close();
await server.close();

const median = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
console.log(`${queries.length} queries (${values['per-kind']} per kind, seed ${values.seed}), cold; medians over queries; KB as sent here / gzipped`);
for (const system of systems) {
  const record = perSystem.get(system.name)!;
  console.log(`\n${system.name}: median ms until count ${median(record.ms).toFixed(0)}`);
  for (const [label, list] of [['until count', record.untilCount], ['after count', record.after]] as const) {
    const kinds = [...new Set(list.flatMap((t) => [...t.keys()]))].sort();
    console.log(`  ${label}:`);
    const all = list.map((t) => [...t.values()].reduce((s, v) => s + v.bytes, 0));
    const allGzip = list.map((t) => [...t.values()].reduce((s, v) => s + v.gzip, 0));
    for (const kind of kinds) {
      const pick = (f: (v: { count: number; bytes: number; gzip: number; lastAt: number }) => number) => median(list.map((t) => (t.get(kind) ? f(t.get(kind)!) : 0)));
      console.log(
        `    ${kind.padEnd(24)} files ${String(pick((v) => v.count)).padStart(4)}  ${kb(pick((v) => v.bytes)).padStart(7)} / ${kb(pick((v) => v.gzip)).padStart(7)} KB  last request at ${pick((v) => v.lastAt).toFixed(0)} ms`,
      );
    }
    console.log(`    ${'total'.padEnd(24)}             ${kb(median(all)).padStart(7)} / ${kb(median(allGzip)).padStart(7)} KB`);
  }
}
