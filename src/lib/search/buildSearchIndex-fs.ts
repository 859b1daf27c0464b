/**
 * Builds the site's search index into <outDir> (normally dist/pagefind)
 * from the articles' visible texts that Astro's content sync wrote
 * (searchSources-fs.ts): one Pagefind index, written in this process in
 * Pagefind's format (writePagefindIndex-fs.ts), searched in the browser by
 * Pagefind's own runtime (pagefindRuntime-fs.ts). <outDir>/facets.json holds
 * every article's filter values (facetFile.ts), <outDir>/shards.json names
 * the one index the browser loads.
 *
 * Pages are written newest first, so a search without a query lists the
 * whole archive newest first: the date order the browser ranks and filters
 * by, with no sort key in the index. Node-only.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeFacets } from './facetFile.ts';
import { FACET_FILE } from './filterNames.ts';
import { prepareNormalise } from './normalise.ts';
import { pagefindRuntime } from './pagefindRuntime-fs.ts';
import { searchRecord } from './searchRecord.ts';
import { readSearchSources } from './searchSources-fs.ts';
import { writePagefindIndex } from './writePagefindIndex-fs.ts';

/** The manifest the browser reads: index names, the first is the primary index (src/search/pagefindApi.ts). */
export const SHARD_MANIFEST = 'shards.json';
const INDEX_NAME = 'merged';

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
}

export interface BuildIndexStats {
  articles: number;
  /** Index files compressed by this build, and files unchanged since an earlier one (linked from the cache). */
  written: number;
  reused: number;
}

export async function buildSearchIndex(options: BuildIndexOptions): Promise<BuildIndexStats> {
  const sources = readSearchSources(options.sourcesFile)
    .filter((source) => options.includeDrafts || !source.data.draft)
    // Newest first: permalinks sort by date, then by file name.
    .sort((a, b) => (a.permalink < b.permalink ? 1 : a.permalink > b.permalink ? -1 : 0));
  await prepareNormalise();
  const runtimeDir = await pagefindRuntime(options.cacheDir);
  const staging = `${options.outDir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  // Each page's words are made when the writer reaches it (a generator), not all at once.
  const files = await writePagefindIndex(sources.length, (function* () { for (const source of sources) yield searchRecord(source); })(), staging, {
    runtimeDir,
    maxFragments: options.maxFragments,
    cacheDir: path.join(options.cacheDir, 'search-files'),
  });
  writeFileSync(path.join(staging, SHARD_MANIFEST), `${JSON.stringify([INDEX_NAME])}\n`);
  writeFileSync(path.join(staging, FACET_FILE), JSON.stringify(encodeFacets(sources)));
  rmSync(options.outDir, { recursive: true, force: true });
  mkdirSync(path.dirname(options.outDir), { recursive: true });
  renameSync(staging, options.outDir);
  return { articles: sources.length, ...files };
}
