/**
 * Writes the search index (Pagefind files) for a list of articles with
 * Pagefind's Node API. Node-only.
 */
import * as pagefind from 'pagefind';
import { prepareNormalise } from './normalise.ts';
import type { ArticleSource } from '../articleSources-fs.ts';
import { RECORD_LANGUAGE, searchRecord } from './searchRecord.ts';
import { rewriteFragments } from './rewriteFragments-fs.ts';

export interface IndexStats {
  articles: number;
}

/**
 * Builds one Pagefind index of the given articles into outputPath. Records
 * are added in the order given, which is the order Pagefind returns them for
 * a search without a query: the browser takes it as the date order (pass
 * them newest first). Closing the Pagefind service afterwards ends its
 * process, so each call's memory is freed.
 */
export async function writeSearchIndex(articles: ArticleSource[], outputPath: string, maxFragments?: number): Promise<IndexStats> {
  await prepareNormalise();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: RECORD_LANGUAGE, ...(maxFragments ? { maxFragments } : {}) });
  if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('; ')}`);
  try {
    // One record at a time, in order: the order records are added is the
    // index's date order (newest first), which ranking ties and date sorting
    // read from Pagefind. Sending records in concurrent batches was a little
    // faster but leaves that order to Pagefind's service.
    // The meta goes into the fragments afterwards, not through Pagefind,
    // which would index its values as words (rewriteFragments-fs.ts).
    const metaByUrl = new Map<string, Record<string, string>>();
    for (const article of articles) {
      const { meta, ...record } = searchRecord(article);
      metaByUrl.set(record.url, meta);
      const added = await index.addCustomRecord({ ...record, meta: {} });
      if (added.errors.length > 0) throw new Error(`${article.file}：${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind 写入出错：${written.errors.join('; ')}`);
    rewriteFragments(outputPath, metaByUrl);
  } finally {
    await pagefind.close();
  }
  return { articles: articles.length };
}
