/**
 * Exact-substring search on top of Pagefind. Each query term is planned as a
 * few bigram words at fixed offsets (src/lib/search/tokens.ts); Pagefind
 * returns every position of each word, and a term occurs where all its words
 * sit at their offsets. Articles must contain every term, so the total is the
 * true number of articles that contain the query, and every result does.
 */
import { normalise, prepareNormalise } from '../lib/search/normalise.ts';
import { HEADLINE_SLOTS, queryTerms, termPlan, type TermPlan } from '../lib/search/tokens.ts';
import { placeOfPageId } from '../lib/search/pageIds.ts';
import { type PagefindApi, type PagefindFragment, type PagefindResult } from './pagefindApi.ts';
import { compareHits, smallestSpan, type RankFacts, type SortOrder } from './rankHits.ts';

/** Selected filter values: { year: ['2022'], tag: ['天气'] } (all must hold). */
export type FilterSelection = Record<string, string[]>;

export interface SearchHit extends RankFacts {
  id: string;
  data(): Promise<PagefindFragment>;
}

export interface SearchOutcome {
  /** The normalised terms, as matched. */
  terms: string[];
  /** Every matching article, ranked. */
  hits: SearchHit[];
}

/** One looked-up word: article id → its Pagefind result (positions in `words`, ascending). */
type WordPostings = Map<string, PagefindResult>;

const isAscending = (list: number[]) => list.every((value, index) => index === 0 || list[index - 1]! <= value);

async function lookupWord(api: PagefindApi, word: string): Promise<WordPostings> {
  const results = (await api.search(word))?.results ?? [];
  // Pagefind lists a single word's positions in order; sort only if not.
  for (const result of results) if (!isAscending(result.words)) result.words = [...result.words].sort((a, b) => a - b);
  return new Map(results.map((result) => [result.id, result]));
}

/** The starts that have `following` (ascending) at start + delta; both lists ascending. */
function keepFollowed(starts: number[], following: number[], delta: number): number[] {
  const kept: number[] = [];
  let at = 0;
  for (const start of starts) {
    while (at < following.length && following[at]! < start + delta) at += 1;
    if (following[at] === start + delta) kept.push(start);
  }
  return kept;
}

/** Start positions of the term in one article, ascending (empty when it does not occur). */
export function termStarts(plan: TermPlan, postings: Map<string, WordPostings>, id: string): number[] {
  const [first, ...rest] = plan.words;
  let starts = postings.get(first!.word)!.get(id)?.words ?? [];
  for (const { word, offset } of rest) {
    if (starts.length === 0) break;
    starts = keepFollowed(starts, postings.get(word)!.get(id)?.words ?? [], offset - first!.offset);
  }
  return starts;
}

/** Runs a reader's query over the whole archive (filters apply afterwards); an empty query gives no hits. */
export async function searchArchive(api: PagefindApi, query: string, order: SortOrder = 'relevance'): Promise<SearchOutcome> {
  await prepareNormalise(query);
  const terms = queryTerms(normalise(query));
  if (terms.length === 0) return { terms, hits: [] };
  const plans = terms.map(termPlan);
  const words = [...new Set(plans.flatMap((plan) => plan.words.map(({ word }) => word)))];
  const fetched = await Promise.all(words.map((word) => lookupWord(api, word)));
  const postings = new Map(words.map((word, index) => [word, fetched[index]!]));
  // Candidates: articles with every word of every term; then the exact check.
  const rarest = fetched.reduce((a, b) => (a.size <= b.size ? a : b));
  const hits: SearchHit[] = [];
  for (const [id, result] of rarest) {
    if (!fetched.every((word) => word.has(id))) continue;
    const starts = plans.map((plan) => termStarts(plan, postings, id));
    if (starts.some((list) => list.length === 0)) continue;
    hits.push({
      id,
      data: () => result.data(),
      headlineTerms: starts.filter((list) => list[0]! < HEADLINE_SLOTS).length,
      occurrences: starts.reduce((sum, list) => sum + list.length, 0),
      span: smallestSpan(starts),
      // Every id of the site's index is a date place (pageIds.ts); Pagefind's page order is not used.
      datePlace: placeOfPageId(id) ?? -1,
    });
  }
  hits.sort(compareHits(order));
  return { terms, hits };
}
