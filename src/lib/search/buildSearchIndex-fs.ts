/**
 * Builds the site's search index into <outDir> (normally dist/pagefind)
 * from the articles' visible texts that Astro's content sync wrote
 * (searchSources-fs.ts): one Pagefind index, written in this process in
 * Pagefind's format (writePagefindIndex-fs.ts), searched in the browser by
 * Pagefind's own runtime (pagefindRuntime-fs.ts). <outDir>/facets.json holds
 * every article's filter values (facetFile.ts).
 *
 * Pages are numbered oldest first, in date order, so an added article takes
 * the next page number and every other page keeps its own; the browser ranks
 * and sorts by the date place in each page's id (pageIds.ts), newest first
 * for the reader, with no sort key in the index. The pages are indexed in
 * blocks of one month, whose postings are kept in the cache under a hash of
 * the code and the month's texts (indexBlockCache-fs.ts): a rebuild indexes
 * the words of changed months only, and the result is the same, byte for
 * byte, as an index made with no cache (tests/unit/search/incrementalIndex.test.ts).
 * Node-only.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeFacets } from './facetFile.ts';
import { FACET_FILE } from './filterNames.ts';
import { prepareNormalise } from './normalise.ts';
import { pagefindRuntime } from './pagefindRuntime-fs.ts';
import { indexBlock } from './indexBlock.ts';
import { IndexBlockCache, searchCodeVersion } from './indexBlockCache-fs.ts';
import { headlineBlock, searchFragment, searchWords, type SearchSource } from './searchRecord.ts';
import { readSearchSources } from './searchSources-fs.ts';
import { writePagefindIndex, type IndexBlockInput } from './writePagefindIndex-fs.ts';


export interface BuildIndexOptions {
  /** The articles' texts: <Astro's cache folder>/search-sources.json. */
  sourcesFile: string;
  outDir: string;
  /** Where Pagefind's runtime and the compressed index files are kept between builds. */
  cacheDir: string;
  /** Pagefind maxFragments, for hosts with a file-count limit. */
  maxFragments?: number;
  /** `npm run dev` shows drafts, so its index holds them too; builds never do. */
  includeDrafts?: boolean;
  /** Called after each month's postings are made (writePagefindIndex-fs.ts). */
  afterBlock?: () => void;
}

export interface BuildIndexStats {
  articles: number;
  /** Index files compressed by this build, and files unchanged since an earlier one (linked from the cache). */
  written: number;
  reused: number;
  /** Months whose words were indexed by this build, and months whose postings came from the cache. */
  blocksIndexed: number;
  blocksReused: number;
}

/**
 * The sources (oldest first) in blocks of one month, each keyed by the code
 * version and every input of its pages' words, in order.
 */
function monthBlocks(sources: SearchSource[], cache: IndexBlockCache): IndexBlockInput[] {
  const code = searchCodeVersion();
  const months: SearchSource[][] = [];
  for (const source of sources) {
    const last = months.at(-1);
    if (last && last[0]!.data.date.slice(0, 7) === source.data.date.slice(0, 7)) last.push(source);
    else months.push([source]);
  }
  return months.map((month) => {
    const key = createHash('sha256').update(code);
    // Each page's inputs as JSON: no two different months give the same bytes.
    for (const source of month) key.update(JSON.stringify([headlineBlock(source.data), source.text]));
    return {
      pages: month.map(searchFragment),
      postings: () =>
        cache.block(key.digest('hex').slice(0, 32), () =>
          // Each page's words are made when the block reaches it (a generator), not all at once.
          indexBlock((function* () { for (const source of month) yield searchWords(source); })(), (index) => month[index]!.permalink),
        ),
    };
  });
}

export async function buildSearchIndex(options: BuildIndexOptions): Promise<BuildIndexStats> {
  const sources = readSearchSources(options.sourcesFile)
    .filter((source) => options.includeDrafts || !source.data.draft)
    // Oldest first: permalinks sort by date, then by file name.
    .sort((a, b) => (a.permalink < b.permalink ? -1 : a.permalink > b.permalink ? 1 : 0));
  await prepareNormalise();
  const runtimeDir = await pagefindRuntime(options.cacheDir);
  const staging = `${options.outDir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const blocks = new IndexBlockCache(path.join(options.cacheDir, 'search-blocks'));
  const files = await writePagefindIndex(monthBlocks(sources, blocks), staging, {
    runtimeDir,
    maxFragments: options.maxFragments,
    cacheDir: path.join(options.cacheDir, 'search-files'),
    afterBlock: options.afterBlock,
  });
  blocks.prune();
  writeFileSync(path.join(staging, FACET_FILE), JSON.stringify(encodeFacets(sources)));
  rmSync(options.outDir, { recursive: true, force: true });
  mkdirSync(path.dirname(options.outDir), { recursive: true });
  renameSync(staging, options.outDir);
  return { articles: sources.length, ...files, blocksIndexed: blocks.indexed, blocksReused: blocks.reused };
}
