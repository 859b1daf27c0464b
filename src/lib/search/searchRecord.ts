/**
 * One article as a Pagefind custom record: the words of src/lib/search/tokens.ts
 * as content and the original text in meta (excerpts are cut from it in the
 * browser; the meta is written into the fragment files afterwards, not
 * indexed: rewriteFragments-fs.ts). No Pagefind filters and no sort key: Pagefind loads every filter
 * chunk on every search, and a sort key adds an array per page to the
 * metadata every search downloads. The date order is the order records are
 * added in (buildSearchIndex-fs.ts), and the filter values live in their own
 * file, read only when a reader filters (facetFile.ts).
 */
import type { ArticleData } from '../articleSchema.ts';
import { headlineBlock, markdownToPlainText } from './articleText.ts';
import { normalise } from './normalise.ts';
import { recordWords } from './tokens.ts';
import { pageViewPath, regionAnchor } from '../scans/pagePath.ts';
import { slugFromFile } from '../permalink.ts';

/** What Pagefind's addCustomRecord takes. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/**
 * Pagefind language for every record: "und" (BCP 47 for no particular
 * language), so Pagefind neither stems nor segments and splits the content on
 * spaces only. Our words are already the tokens (tokens.ts); with zh-cn,
 * Pagefind ran its Chinese segmenter over all of them for nothing: the same
 * words and positions came out (identical index chunks), 40 % slower to add.
 */
export const RECORD_LANGUAGE = 'und';

/** The meta keys the browser reads. */
export const META = { title: 'title', date: 'date', section: 'section', headline: 'h', body: 'b', scan: 'scan' } as const;


export function searchRecord(article: { permalink: string; data: ArticleData; body: string }): SearchRecord {
  const { data } = article;
  const headline = headlineBlock(data);
  const body = markdownToPlainText(article.body);
  const words = recordWords(normalise(headline), normalise(body));
  const meta: Record<string, string> = { title: data.title, date: data.date, b: body };
  // The whole headline block, for excerpts, only when it is more than the headline.
  if (headline !== data.title) meta.h = headline;
  if (data.section) meta.section = data.section;
  // The page view at the article's region, so a hit can open the printed page (the check
  // has made sure the page exists when regions are given).
  if (data.page !== undefined && data.regions.length > 0) meta.scan = `${pageViewPath(data.date, data.page)}#${regionAnchor(slugFromFile(article.permalink.replace(/\/$/, '')))}`;
  return {
    url: article.permalink,
    content: words.join(' '),
    language: RECORD_LANGUAGE,
    meta,
    filters: {},
    sort: {},
  };
}
