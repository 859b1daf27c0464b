/**
 * The search index's input: every article's data and visible text, written
 * by the article loader (searchSourcesLoader.ts) from Astro's content store,
 * where the text was stored beside the rendered HTML when the article was
 * rendered (src/plugins/rehype-search-text.ts). One JSON file in the cache
 * folder; the index (buildSearchIndex-fs.ts) reads it once Astro's content
 * is synced. Node-only.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SearchSource } from './searchRecord.ts';

/** The file's name in Astro's cache folder. */
export const SEARCH_SOURCES_FILE = 'search-sources.json';

export function writeSearchSources(file: string, sources: SearchSource[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  // Written aside and renamed: a reader never sees half a file.
  const staging = `${file}.tmp-${process.pid}`;
  writeFileSync(staging, JSON.stringify(sources));
  renameSync(staging, file);
}

export function readSearchSources(file: string): SearchSource[] {
  if (!existsSync(file)) {
    throw new Error(
      `检索索引的文章文本不存在：${file}。它由 Astro 同步文章时写出；请先运行 npm run build。 / ` +
        `The search index's article texts are missing (${file}); Astro writes them while it syncs the articles: run npm run build.`,
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as SearchSource[];
}
