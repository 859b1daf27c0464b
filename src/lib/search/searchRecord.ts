/**
 * One article as a Pagefind custom record: the words of src/lib/search/tokens.ts
 * as content, the original text in meta (excerpts are cut from it in the
 * browser), and the frontmatter facets as filters and the date as sort key.
 */
import type { ArticleData } from '../articleSchema.ts';
import { headlineBlock, markdownToPlainText } from './articleText.ts';
import { normalise } from './normalise.ts';
import { recordWords } from './tokens.ts';
import { SHARD_FILTER } from './filterNames.ts';

/** What Pagefind's addCustomRecord takes. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** Pagefind language for every record: its zh segmenter leaves our ASCII words whole, and no stemmer runs. */
export const RECORD_LANGUAGE = 'zh-cn';

/** The meta keys the browser reads. */
export const META = { title: 'title', date: 'date', section: 'section', headline: 'h', body: 'b' } as const;


export function searchRecord(article: { permalink: string; data: ArticleData; body: string }, shard: string): SearchRecord {
  const { data } = article;
  const headline = headlineBlock(data);
  const body = markdownToPlainText(article.body);
  const words = recordWords(normalise(headline), normalise(body));
  const meta: Record<string, string> = { title: data.title, date: data.date, b: body };
  // The whole headline block, for excerpts, only when it is more than the headline.
  if (headline !== data.title) meta.h = headline;
  if (data.section) meta.section = data.section;
  const filters: Record<string, string[]> = { [SHARD_FILTER]: [shard], year: [data.date.slice(0, 4)] };
  if (data.section) filters.section = [data.section];
  if (data.reporters.length > 0) filters.reporter = data.reporters;
  if (data.tags.length > 0) filters.tag = data.tags;
  return {
    url: article.permalink,
    content: words.join(' '),
    language: RECORD_LANGUAGE,
    meta,
    filters,
    // The permalink starts with the date and is unique: one total date order
    // (ranking ties included), the same as the shards' order (planShards.ts).
    sort: { date: article.permalink },
  };
}
