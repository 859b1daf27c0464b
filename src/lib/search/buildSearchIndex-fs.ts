/**
 * Builds the site's search index from the Markdown sources into
 * <outDir> (normally dist/pagefind), as shards (src/lib/search/planShards.ts).
 * Each shard is one Pagefind index written by its own Pagefind process, so
 * memory is bounded by the shard size, not the archive size. The newest
 * shard is the primary index at <outDir>; the others go to
 * <outDir>/shards/<name>/. <outDir>/shards.json names them all, newest
 * first (the primary first); the browser merges the others (Pagefind
 * mergeIndex). <outDir>/facets.json holds every article's filter values
 * (src/lib/search/facetFile.ts).
 *
 * Records are added newest first, and the shards are merged newest first, so
 * a search without a query lists the whole archive newest first: the date
 * order the browser ranks and filters by, with no sort key in the index.
 *
 * A shard is cached under <cacheDir>/<content hash>/ and reused as long as
 * its articles (files and contents), the shard settings and the index format
 * are unchanged. Node-only.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadArticleSources, type ArticleSource } from '../articleSources-fs.ts';
import { DEFAULT_SHARD_ARTICLES, planShards } from './planShards.ts';
import { writeSearchIndex } from './writeSearchIndex-fs.ts';
import { encodeFacets } from './facetFile.ts';
import { FACET_FILE } from './filterNames.ts';

/**
 * Bump when the records or their words change (tokens.ts, normalise.ts,
 * searchRecord.ts, articleText.ts), so cached shards are rebuilt.
 */
export const INDEX_FORMAT = 'bigram-v7';

/** The shard manifest the browser reads: shard names, newest first; the first is the primary index. */
export const SHARD_MANIFEST = 'shards.json';

export interface BuildIndexOptions {
  contentDir: string;
  outDir: string;
  /** Where built shards are kept between builds; no cache when omitted. */
  cacheDir?: string;
  shardArticles?: number;
  /** Pagefind maxFragments per shard, for hosts with a file-count limit. */
  maxFragments?: number;
  /** `npm run dev` shows drafts, so its index holds them too; builds never do. */
  includeDrafts?: boolean;
  /** `npm run dev` indexes what it can while a broken file is being fixed. */
  skipInvalid?: boolean;
  /** Progress lines (one per shard). */
  log?: (line: string) => void;
}

export interface BuildIndexStats {
  articles: number;
  shards: number;
  reused: number;
}

function shardHash(articles: ArticleSource[], options: BuildIndexOptions): string {
  const hash = createHash('sha256');
  hash.update(`${INDEX_FORMAT}\n${options.maxFragments ?? ''}\n`);
  for (const article of articles) hash.update(`${article.file}\n${article.raw}\n\0`);
  return hash.digest('hex').slice(0, 20);
}

/** Drops Pagefind's UI bundles from a merged shard: only the primary's pagefind.js is used. */
function pruneShard(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (/^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/.test(name)) rmSync(path.join(dir, name));
  }
}

export async function buildSearchIndex(options: BuildIndexOptions): Promise<BuildIndexStats> {
  const log = options.log ?? (() => {});
  const articles = loadArticleSources(options.contentDir, { includeDrafts: options.includeDrafts, skipInvalid: options.skipInvalid });
  const shards = planShards(articles, options.shardArticles ?? DEFAULT_SHARD_ARTICLES).reverse();
  const staging = `${options.outDir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  let reused = 0;
  const names: string[] = [];
  const newestFirst: ArticleSource[] = [];
  for (const [position, shard] of shards.entries()) {
    const articles = [...shard.articles].reverse();
    newestFirst.push(...articles);
    const target = position === 0 ? staging : path.join(staging, 'shards', shard.name);
    const hash = shardHash(articles, options);
    const cached = options.cacheDir ? path.join(options.cacheDir, hash) : undefined;
    const started = performance.now();
    const reuse = cached !== undefined && existsSync(cached);
    if (reuse) {
      reused += 1;
    } else {
      const building = cached ? `${cached}.tmp-${process.pid}` : target;
      await writeSearchIndex(articles, building, options.maxFragments);
      if (cached) {
        mkdirSync(path.dirname(cached), { recursive: true });
        renameSync(building, cached);
      }
    }
    if (cached) cpSync(cached, target, { recursive: true });
    if (position > 0) pruneShard(target);
    names.push(shard.name);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(`检索索引分片 ${position + 1}/${shards.length}：${shard.name}，${shard.articles.length} 篇，${reuse ? '未变，复用' : '新建'}（${seconds} 秒）`);
  }
  if (shards.length === 0) await writeSearchIndex([], staging, options.maxFragments);
  writeFileSync(path.join(staging, SHARD_MANIFEST), `${JSON.stringify(names)}\n`);
  writeFileSync(path.join(staging, FACET_FILE), JSON.stringify(encodeFacets(newestFirst)));
  rmSync(options.outDir, { recursive: true, force: true });
  mkdirSync(path.dirname(options.outDir), { recursive: true });
  renameSync(staging, options.outDir);
  return { articles: articles.length, shards: Math.max(1, shards.length), reused };
}
