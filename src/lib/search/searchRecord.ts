/**
 * One article as a page of the search index: the words of
 * src/lib/search/tokens.ts, and the original text in the fragment's meta
 * (excerpts are cut from it in the browser). No Pagefind filters and no sort
 * key: Pagefind loads every filter chunk on every search, and a sort key adds
 * an array per page to the metadata every search downloads. The date order
 * is the order pages are written in (buildSearchIndex-fs.ts), and the filter
 * values live in their own file, read only when a reader filters
 * (facetFile.ts).
 */
import type { ArticleData } from '../articleSchema.ts';
import { normalise } from './normalise.ts';
import { recordWords } from './tokens.ts';
import type { IndexPage } from './writePagefindIndex-fs.ts';
import { pageViewPath, regionAnchor } from '../scans/pagePath.ts';
import { slugFromFile } from '../permalink.ts';

/** The meta keys the browser reads. */
export const META = { title: 'title', date: 'date', section: 'section', headline: 'h', body: 'b', scan: 'scan' } as const;

/** What the index needs of an article's data. */
export type SearchData = Pick<ArticleData, 'title' | 'date' | 'kicker' | 'subtitle' | 'section' | 'reporters' | 'tags' | 'draft' | 'page' | 'regions'>;

/** One article for the index: where it is, its data and its visible body text (rehype-search-text.ts). */
export interface SearchSource {
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  permalink: string;
  data: SearchData;
  /** The article body's visible text, one line per block. */
  text: string;
}

/** The headline block: kicker, headline and subtitle, one per line, as printed. */
export function headlineBlock(data: Pick<ArticleData, 'title' | 'kicker' | 'subtitle'>): string {
  return [data.kicker, data.title, data.subtitle].filter(Boolean).join('\n');
}

/** What a page's fragment shows (url and meta), without its words: cheap, made for every page on every build. */
export function searchFragment(source: SearchSource): Pick<IndexPage, 'url' | 'meta'> {
  const { data } = source;
  const headline = headlineBlock(data);
  const meta: Record<string, string> = { title: data.title, date: data.date, b: source.text };
  // The whole headline block, for excerpts, only when it is more than the headline.
  if (headline !== data.title) meta.h = headline;
  if (data.section) meta.section = data.section;
  // The page view at the article's region, so a hit can open the printed page (the check
  // has made sure the page exists when regions are given).
  if (data.page !== undefined && data.regions?.length) meta.scan = `${pageViewPath(data.date, data.page)}#${regionAnchor(slugFromFile(source.permalink.replace(/\/$/, '')))}`;
  return { url: source.permalink, meta };
}

/** The page's indexed words (tokens.ts): the costly part, made only for pages the index cache does not hold. */
export function searchWords(source: SearchSource): string[] {
  return recordWords(normalise(headlineBlock(source.data)), normalise(source.text));
}

export function searchRecord(source: SearchSource): IndexPage {
  return { ...searchFragment(source), words: searchWords(source) };
}
