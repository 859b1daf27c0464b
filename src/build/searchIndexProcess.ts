/**
 * Builds the search index from the Markdown sources (no Astro needed), so it
 * can run in its own process while Astro renders the pages.
 *
 *   node src/build/searchIndexProcess.ts --out dist/pagefind
 *     [--content <folder>]        default: ARCHIVE_CONTENT_DIR or content/articles
 *     [--cache <folder>]          reuse unchanged shards; default: node_modules/.astro/search-index
 *     [--shard-articles 2500]     articles per shard (memory per Pagefind process)
 *     [--max-fragments N]         for hosts that limit the number of files (Cloudflare Pages)
 *     [--second-worker]           when stdin closes, build shards two at a time
 *                                 (scripts/build.ts closes it once Astro has finished)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LEAN_NODE_FLAGS } from './leanNodeFlags.ts';
import { buildSearchIndex } from '../lib/search/buildSearchIndex-fs.ts';
import { siteConfig, toolSettings } from '../config.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    content: { type: 'string' },
    cache: { type: 'string' },
    'shard-articles': { type: 'string' },
    'max-fragments': { type: 'string' },
    'second-worker': { type: 'boolean', default: false },
  },
});
if (!values.out) {
  console.error('用法 / usage: node src/build/searchIndexProcess.ts --out <folder>/pagefind [--content <folder>] [--cache <folder>] [--shard-articles N] [--max-fragments N] [--second-worker]');
  process.exit(2);
}
const numberOption = (value: string | undefined) => (value ? Number(value.replace(/[,_]/g, '')) : undefined);
const started = performance.now();
const contentDir = path.resolve(values.content ?? siteConfig.contentDir);
const maxFragments = numberOption(values['max-fragments'] ?? toolSettings.searchMaxFragments);

/**
 * The second worker's shard processes while they run. They end with this
 * process: when the build stops it (an Astro error, a content error) or when
 * the other worker fails; they would otherwise go on writing a shard nobody uses.
 */
const shardProcesses = new Set<ChildProcess>();
const stopShardProcesses = () => {
  for (const child of shardProcesses) child.kill();
};
process.on('SIGTERM', () => {
  stopShardProcesses();
  process.exit(143);
});

/** The second worker's shards: one src/build/searchShardProcess.ts process each. */
function buildShardInChild(articles: { file: string }[], outDir: string): Promise<void> {
  const script = path.resolve(import.meta.dirname, 'searchShardProcess.ts');
  const args = [...LEAN_NODE_FLAGS, script, '--content', contentDir, '--out', outDir, ...(maxFragments ? ['--max-fragments', String(maxFragments)] : [])];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'inherit', 'inherit'] });
  shardProcesses.add(child);
  child.stdin.end(JSON.stringify(articles.map((article) => article.file)));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      shardProcesses.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`检索索引分片进程失败（退出码 ${code}） / shard process failed (exit ${code})`));
    });
  });
}
/** Settles when stdin closes: the signal to start the second worker. */
const stdinClosed = () =>
  new Promise((resolve) => {
    process.stdin.on('close', resolve).on('end', resolve).resume();
  });

const stats = await buildSearchIndex({
  contentDir,
  outDir: path.resolve(values.out),
  cacheDir: path.resolve(values.cache ?? path.join(toolSettings.cacheDir, 'search-index')),
  shardArticles: numberOption(values['shard-articles'] ?? toolSettings.searchShardArticles),
  maxFragments,
  secondWorker: values['second-worker'] ? { when: stdinClosed(), build: buildShardInChild } : undefined,
  log: (line) => console.log(line),
}).catch((error: unknown) => {
  stopShardProcesses();
  throw error;
});
// Done before stdin closed (Astro still running): stop reading it, so this process can exit.
process.stdin.destroy();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`检索索引完成：${stats.articles} 篇，${stats.shards} 个分片（复用 ${stats.reused} 个），${seconds} 秒`);
