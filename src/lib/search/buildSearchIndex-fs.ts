/**
 * Builds the site's search index from the Markdown sources into
 * <outDir> (normally dist/pagefind), as shards (src/lib/search/planShards.ts).
 * Each shard is one Pagefind index written by its own Pagefind process, so
 * memory is bounded by the shard size, not the archive size. The shards are
 * then merged into one Pagefind index at <outDir> (mergeShards-fs.ts), so a
 * search fetches one chunk per word, not one per word and shard. With
 * maxFragments they stay apart: the newest shard is the primary index at
 * <outDir>, the others go to <outDir>/shards/<name>/, and the browser merges
 * them (Pagefind mergeIndex). <outDir>/shards.json names the indexes the
 * browser loads, the primary first. <outDir>/facets.json holds every
 * article's filter values (src/lib/search/facetFile.ts).
 *
 * Records are added newest first, and the shards are joined newest first, so
 * a search without a query lists the whole archive newest first: the date
 * order the browser ranks and filters by, with no sort key in the index.
 *
 * A shard is cached under <cacheDir>/<content hash>/ and reused as long as
 * its articles (files and contents), the shard settings and the index format
 * are unchanged; old shards are pruned after each build (pruneShardCache-fs.ts). Node-only.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadArticleSources, type ArticleSource } from '../articleSources-fs.ts';
import { DEFAULT_SHARD_ARTICLES, planShards } from './planShards.ts';
import { writeSearchIndex } from './writeSearchIndex-fs.ts';
import { mergeShards } from './mergeShards-fs.ts';
import { encodeFacets } from './facetFile.ts';
import { markShardUsed, pruneShardCache } from './pruneShardCache-fs.ts';
import { FACET_FILE } from './filterNames.ts';

/**
 * Bump when the records or their words change (tokens.ts, normalise.ts,
 * searchRecord.ts (the scan link too), articleText.ts, rewriteFragments-fs.ts), so cached shards are rebuilt.
 */
export const INDEX_FORMAT = 'bigram-v9';

/**
 * Unused shards kept in the cache beyond this build's (pruneShardCache-fs.ts):
 * as many as the build has shards, and at least this many.
 */
const MIN_KEPT_UNUSED = 4;

/** The shard manifest the browser reads: shard names, newest first; the first is the primary index. */
export const SHARD_MANIFEST = 'shards.json';
/** The manifest's one name when the shards were merged into one index. */
const MERGED_NAME = 'merged';

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
  /**
   * A second worker, building shards beside the first once `when` settles
   * (scripts/build.ts: once Astro has finished, so the two index processes
   * never compete with Astro for the cores or add to its peak memory).
   * `build` writes one shard's articles, in the order given, as a Pagefind
   * index at `outDir` in a process of its own: Pagefind's Node API runs one
   * service per process, and closing it ends the other worker's index too.
   * Needs cacheDir.
   */
  secondWorker?: { when: Promise<unknown>; build: (articles: ArticleSource[], outDir: string) => Promise<void> };
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
  const staging = `${options.outDir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const planned = planShards(articles, options.shardArticles ?? DEFAULT_SHARD_ARTICLES).reverse();
  // Several shards become one index (mergeShards-fs.ts), except with
  // maxFragments, whose bundled fragments the merge does not read: then the
  // browser merges them (Pagefind mergeIndex), the newest as the primary.
  const merge = planned.length > 1 && !options.maxFragments;
  const jobs = planned
    .map((shard, position) => {
      const newestFirst = [...shard.articles].reverse();
      const hash = shardHash(newestFirst, options);
      return {
        position,
        name: shard.name,
        articles: newestFirst,
        target: position === 0 && !merge ? staging : path.join(staging, 'shards', shard.name),
        cached: options.cacheDir ? path.join(options.cacheDir, hash) : undefined,
      };
    });
  type Job = (typeof jobs)[number];
  let reused = 0;

  /** Builds (or reuses) one shard and copies it into place. */
  const runJob = async (job: Job, write: (articles: ArticleSource[], outDir: string) => Promise<unknown>) => {
    const started = performance.now();
    const reuse = job.cached !== undefined && existsSync(job.cached);
    if (reuse) {
      reused += 1;
    } else {
      const building = job.cached ? `${job.cached}.tmp-${process.pid}-${job.position}` : job.target;
      await write(job.articles, building);
      if (job.cached) {
        mkdirSync(path.dirname(job.cached), { recursive: true });
        renameSync(building, job.cached);
      }
    }
    if (job.cached) markShardUsed(job.cached);
    // Merged shards are read straight from the cache.
    if (job.cached && !merge) cpSync(job.cached, job.target, { recursive: true });
    if (job.position > 0 && !merge) pruneShard(job.target);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(`检索索引分片 ${job.position + 1}/${jobs.length}：${job.name}，${job.articles.length} 篇，${reuse ? '未变，复用' : '新建'}（${seconds} 秒）`);
  };
  // Workers take the next shard, newest first, until none is left.
  let next = 0;
  const worker = async (write: (articles: ArticleSource[], outDir: string) => Promise<unknown>) => {
    while (next < jobs.length) await runJob(jobs[next++]!, write);
  };
  const first = worker((shardArticles, outDir) => writeSearchIndex(shardArticles, outDir, options.maxFragments));
  const second = options.secondWorker && options.cacheDir ? options.secondWorker : undefined;
  await Promise.all([first, second && Promise.race([second.when, first]).then(() => worker(second.build))]);

  if (jobs.length === 0) await writeSearchIndex([], staging, options.maxFragments);
  if (merge) {
    mergeShards(jobs.map((job) => job.cached ?? job.target), staging);
    rmSync(path.join(staging, 'shards'), { recursive: true, force: true });
  }
  const names = merge ? [MERGED_NAME] : jobs.map((job) => job.name);
  writeFileSync(path.join(staging, SHARD_MANIFEST), `${JSON.stringify(names)}\n`);
  writeFileSync(path.join(staging, FACET_FILE), JSON.stringify(encodeFacets(jobs.flatMap((job) => job.articles))));
  rmSync(options.outDir, { recursive: true, force: true });
  mkdirSync(path.dirname(options.outDir), { recursive: true });
  renameSync(staging, options.outDir);
  if (options.cacheDir) {
    const used = new Set(jobs.flatMap((job) => (job.cached ? [job.cached] : [])));
    pruneShardCache(options.cacheDir, used, Math.max(jobs.length, MIN_KEPT_UNUSED));
  }
  return { articles: articles.length, shards: Math.max(1, jobs.length), reused };
}
