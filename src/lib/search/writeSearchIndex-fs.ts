/**
 * Writes the search index (Pagefind files) for a list of articles with
 * Pagefind's Node API. Node-only.
 */
import * as pagefind from 'pagefind';
import { prepareNormalise } from './normalise.ts';
import type { ArticleSource } from '../articleSources-fs.ts';
import { searchRecord } from './searchRecord.ts';
import { stripFragmentContent } from './stripFragments-fs.ts';

/** Records sent to Pagefind before waiting for its answers; a batch holds ~32 × 5 KB. */
const RECORDS_IN_FLIGHT = 32;

export interface IndexStats {
  articles: number;
}

/**
 * Builds one Pagefind index of the given articles into outputPath. Closing the
 * Pagefind service afterwards ends its process, so each call's memory is freed.
 */
export async function writeSearchIndex(
  articles: ArticleSource[],
  outputPath: string,
  shard: string,
  maxFragments?: number,
): Promise<IndexStats> {
  await prepareNormalise();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn', ...(maxFragments ? { maxFragments } : {}) });
  if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('; ')}`);
  try {
    // Records go to Pagefind's process in batches rather than one round trip
    // at a time: its service answers messages out of order by id, and while
    // it indexes one record the next ones are already on their way.
    for (let start = 0; start < articles.length; start += RECORDS_IN_FLIGHT) {
      const batch = articles.slice(start, start + RECORDS_IN_FLIGHT);
      const results = await Promise.all(batch.map((article) => index.addCustomRecord(searchRecord(article, shard))));
      results.forEach((added, i) => {
        if (added.errors.length > 0) throw new Error(`${batch[i]!.file}：${added.errors.join('; ')}`);
      });
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind 写入出错：${written.errors.join('; ')}`);
    stripFragmentContent(outputPath);
  } finally {
    await pagefind.close();
  }
  return { articles: articles.length };
}
