/**
 * index: the search index, written from the articles' visible texts that
 * Astro's content sync stores (src/lib/search/searchSourcesLoader.ts), in
 * Pagefind's format (writePagefindIndex-fs.ts). Run in a stage process of
 * its own (stageProcess.ts) while Astro renders the pages.
 */
import { buildSearchIndex } from '../lib/search/buildSearchIndex-fs.ts';

export interface IndexInput {
  sourcesFile: string;
  outDir: string;
  cacheDir: string;
  maxFragments?: number;
}

/** Heap growth, in bytes, after which a month's garbage is collected at once. */
const GARBAGE_STEP = 32 * 1024 * 1024;

/**
 * Each month's words and postings under construction are garbage once the
 * month is indexed. V8 lets such garbage pile up to several times the live
 * heap before a full collection: at 13,000 articles the process reached
 * about 520 MB of memory for under 100 MB of live data, beside Astro's
 * pages. Collecting when the heap has grown by GARBAGE_STEP kept it near
 * 345 MB for about 1.5 s more CPU (docs/performance.md). `gc` is there only in
 * a process started with --expose-gc (stageProcess.ts); elsewhere, nothing.
 */
function releaseGarbage(): () => void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return () => {};
  let afterLast = process.memoryUsage().heapUsed;
  return () => {
    if (process.memoryUsage().heapUsed - afterLast < GARBAGE_STEP) return;
    gc();
    afterLast = process.memoryUsage().heapUsed;
  };
}

/** The line the build prints about the index. */
export async function writeIndex(input: IndexInput): Promise<string> {
  const started = performance.now();
  const stats = await buildSearchIndex({ ...input, afterBlock: releaseGarbage() });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return `检索索引：${stats.articles} 篇，${stats.blocksIndexed} 个月重新索引、${stats.blocksReused} 个月沿用；新写 ${stats.written} 个文件，未变复用 ${stats.reused} 个（${seconds} 秒）`;
}
