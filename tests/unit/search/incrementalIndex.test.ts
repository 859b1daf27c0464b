/**
 * A rebuild of the search index takes the postings of unchanged months from
 * the cache (src/lib/search/indexBlockCache-fs.ts) and still writes the
 * very index a build with no cache writes, byte for byte, whatever changed:
 * an article added, edited, removed or put into an old month, a damaged
 * cache file. Pages are numbered oldest first and chunks end where the words
 * say, so an added article changes few index files.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, type BuildIndexStats } from '../../../src/lib/search/buildSearchIndex-fs.ts';
import { pagefindVersion } from '../../../src/lib/search/pagefindRuntime-fs.ts';
import { prepareNormalise } from '../../../src/lib/search/normalise.ts';
import { searchRecord, searchWords, type SearchSource } from '../../../src/lib/search/searchRecord.ts';
import { writeSearchSources } from '../../../src/lib/search/searchSources-fs.ts';
import { pagesBlock, writePagefindIndex } from '../../../src/lib/search/writePagefindIndex-fs.ts';

const root = path.join(tmpdir(), `incremental-index-${process.pid}`);

/** A seeded text of `length` characters, in runs of 2–9 between spaces. */
function text(seed: number, length: number): string {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31);
  let out = '';
  while (out.length < length) {
    const run = 2 + (next() % 8);
    // 2,000 common characters: an article shares few of its bigrams with any other.
    for (let i = 0; i < run; i += 1) out += String.fromCodePoint(0x4e00 + (next() % 2000));
    out += next() % 3 === 0 ? '\n' : '，';
  }
  return out;
}

function source(date: string, slug: string, seed: number, length = 400): SearchSource {
  return {
    file: `${date}/${slug}.md`,
    permalink: `/${date.replaceAll('-', '/')}/${slug}/`,
    data: { title: `标题${seed}`, date, reporters: [], tags: [], draft: false, regions: [] },
    text: text(seed, length),
  };
}

/** Three months of ten days, five articles a day: about 30 chunks. */
const archive: SearchSource[] = [];
for (const month of ['01', '02', '03']) {
  for (let day = 10; day < 20; day += 1) {
    for (let n = 1; n <= 5; n += 1) archive.push(source(`2022-${month}-${day}`, `story-${n}`, archive.length + 1));
  }
}

const SIGNATURE_LENGTH = 'pagefind_dcd'.length;
const readCbor = (file: string): unknown => decode(gunzipSync(readFileSync(file)).subarray(SIGNATURE_LENGTH));

/** The index's chunk files, each with its words. */
function chunkWords(dir: string): Map<string, string[]> {
  const metaFile = readdirSync(dir).find((name) => name.endsWith('.pf_meta'))!;
  const [, , chunks] = readCbor(path.join(dir, metaFile)) as [string, unknown, [string, string, string][]];
  return new Map(
    chunks.map(([, , id]) => {
      const [entries] = readCbor(path.join(dir, 'index', `${id}.pf_index`)) as [[string][]];
      return [id, entries.map(([word]) => word)];
    }),
  );
}

/** Every file of an index folder: relative name → bytes. */
function files(dir: string): Map<string, Buffer> {
  const names = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
  return new Map(names.sort().map((name) => [name, readFileSync(path.join(dir, name))]));
}

let runs = 0;
/** Builds the index of `sources` with the cache in `cache`; returns the output folder and the stats. */
async function build(sources: SearchSource[], cache: string): Promise<{ dir: string; stats: BuildIndexStats }> {
  runs += 1;
  const sourcesFile = path.join(root, `sources-${runs}.json`);
  writeSearchSources(sourcesFile, sources);
  // Pagefind's runtime as it would be cached: no Pagefind process in a unit test.
  const runtime = path.join(cache, 'pagefind-runtime', pagefindVersion());
  mkdirSync(runtime, { recursive: true });
  writeFileSync(path.join(runtime, 'pagefind-entry.json'), JSON.stringify({ version: pagefindVersion(), languages: {}, include_characters: [] }));
  const dir = path.join(root, `out-${runs}`);
  const stats = await buildSearchIndex({ sourcesFile, outDir: dir, cacheDir: cache });
  return { dir, stats };
}

/** The same sources built with an empty cache. */
const cold = (sources: SearchSource[]) => build(sources, path.join(root, `cold-cache-${runs + 1}`));

const warmCache = path.join(root, 'warm-cache');
let first: { dir: string; stats: BuildIndexStats };

beforeAll(async () => {
  await prepareNormalise();
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  first = await build(archive, warmCache);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the search index with its cache', () => {
  it('indexes every month on a first build and none when nothing changed', async () => {
    expect(first.stats).toMatchObject({ articles: 150, blocksIndexed: 3, blocksReused: 0 });
    const again = await build(archive, warmCache);
    expect(again.stats).toMatchObject({ blocksIndexed: 0, blocksReused: 3, written: 0 });
    expect(files(again.dir)).toEqual(files(first.dir));
  });

  it('joins the months into the index one block of every page makes', async () => {
    const single = path.join(root, 'single');
    await writePagefindIndex([pagesBlock(archive.map(searchRecord))], single, { runtimeDir: path.join(warmCache, 'pagefind-runtime', pagefindVersion()) });
    const index = files(first.dir);
    index.delete('facets.json');
    expect(index).toEqual(files(single));
  });

  it('indexes only the month of an added article, rewrites only chunks that hold its words, and writes what a cold build writes', async () => {
    const article = source('2022-03-20', 'story-1', 1000, 12);
    const added = [...archive, article];
    const warm = await build(added, warmCache);
    expect(warm.stats).toMatchObject({ articles: 151, blocksIndexed: 1, blocksReused: 2 });
    expect(files(warm.dir)).toEqual(files((await cold(added)).dir));
    // Every old page keeps its number and fragment; the added one takes the newest place.
    expect(readdirSync(path.join(warm.dir, 'fragment'))).toEqual(expect.arrayContaining([...readdirSync(path.join(first.dir, 'fragment')), '46.pf_fragment']));
    const before = chunkWords(first.dir);
    const after = chunkWords(warm.dir);
    expect(after.size).toBeGreaterThan(20);
    const words = new Set(searchWords(article));
    const changed = [...after].filter(([id]) => !before.has(id));
    const holding = [...after].filter(([, list]) => list.some((word) => words.has(word)));
    expect(holding.length).toBeLessThan(after.size / 2);
    // A changed chunk holds a word of the article, or follows one that does and whose end moved
    // (it grew past three quarters of the target before its old end).
    const order = [...after.keys()];
    const changedIds = new Set(changed.map(([id]) => id));
    for (const [id, list] of changed) {
      if (list.some((word) => words.has(word))) continue;
      expect(changedIds.has(order[order.indexOf(id) - 1]!), id).toBe(true);
    }
    expect(changed.length).toBeLessThan(1.5 * holding.length);
  });

  it.each([
    ['an old article edited', archive.map((s, i) => (i === 20 ? { ...s, text: `${s.text}更正。` } : s))],
    ['an old article removed', archive.filter((_, i) => i !== 20)],
    ['an article put into an old month', [...archive, source('2022-02-13', 'story-9', 2000)]],
    ['a headline changed', archive.map((s, i) => (i === 3 ? { ...s, data: { ...s.data, title: '新标题' } } : s))],
  ])('after %s, indexes that month again and writes what a cold build writes', async (_, sources) => {
    await build(archive, warmCache);
    const warm = await build(sources, warmCache);
    expect(warm.stats.blocksIndexed).toBe(1);
    expect(files(warm.dir)).toEqual(files((await cold(sources)).dir));
  });

  it('indexes a month again when its cache file is damaged', async () => {
    await build(archive, warmCache);
    const blocks = path.join(warmCache, 'search-blocks');
    const [name] = readdirSync(blocks);
    writeFileSync(path.join(blocks, name!), readFileSync(path.join(blocks, name!)).subarray(0, 100));
    const warm = await build(archive, warmCache);
    expect(warm.stats).toMatchObject({ blocksIndexed: 1, blocksReused: 2 });
    expect(files(warm.dir)).toEqual(files(first.dir));
  });
});
