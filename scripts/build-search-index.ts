/**
 * Builds the search index from the Markdown sources (no Astro needed), so it
 * can run in its own process while Astro renders the pages.
 *
 *   node scripts/build-search-index.ts --out dist/pagefind
 *     [--content <folder>]        default: ARCHIVE_CONTENT_DIR or content/articles
 *     [--cache <folder>]          reuse unchanged shards; default: node_modules/.astro/search-index
 *     [--shard-articles 2500]     articles per shard (memory per Pagefind process)
 *     [--max-fragments N]         for hosts that limit the number of files (Cloudflare Pages)
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSearchIndex } from '../src/lib/search/buildSearchIndex-fs.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    content: { type: 'string' },
    cache: { type: 'string' },
    'shard-articles': { type: 'string' },
    'max-fragments': { type: 'string' },
  },
});
if (!values.out) {
  console.error('用法 / usage: node scripts/build-search-index.ts --out <folder>/pagefind [--content <folder>] [--cache <folder>] [--shard-articles N] [--max-fragments N]');
  process.exit(2);
}
const numberOption = (value: string | undefined) => (value ? Number(value.replace(/[,_]/g, '')) : undefined);
const started = performance.now();
const stats = await buildSearchIndex({
  contentDir: path.resolve(values.content ?? process.env.ARCHIVE_CONTENT_DIR ?? 'content/articles'),
  outDir: path.resolve(values.out),
  cacheDir: path.resolve(values.cache ?? path.join(process.env.ARCHIVE_CACHE_DIR ?? 'node_modules/.astro', 'search-index')),
  shardArticles: numberOption(values['shard-articles'] ?? process.env.ARCHIVE_SEARCH_SHARD_ARTICLES),
  maxFragments: numberOption(values['max-fragments'] ?? process.env.ARCHIVE_SEARCH_MAX_FRAGMENTS),
  log: (line) => console.log(line),
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`检索索引完成：${stats.articles} 篇，${stats.shards} 个分片（复用 ${stats.reused} 个），${seconds} 秒`);
