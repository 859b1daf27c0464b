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
import { loadDateOrder, type PagefindApi, type PagefindFragment } from './pagefindApi.ts';
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

interface WordPostings {
  /** article id → sorted positions of the word */
  positions: Map<string, number[]>;
  data: Map<string, () => Promise<PagefindFragment>>;
}

async function lookupWord(api: PagefindApi, word: string): Promise<WordPostings> {
  const results = (await api.search(word))?.results ?? [];
  return {
    positions: new Map(results.map((result) => [result.id, [...result.words].sort((a, b) => a - b)])),
    data: new Map(results.map((result) => [result.id, () => result.data()])),
  };
}

/** Start positions of the term in one article (empty when it does not occur). */
export function termStarts(plan: TermPlan, postings: Map<string, WordPostings>, id: string): number[] {
  const [first, ...rest] = plan.words;
  const starts = postings.get(first!.word)!.positions.get(id) ?? [];
  if (rest.length === 0) return starts;
  const others = rest.map(({ word, offset }) => ({ present: new Set(postings.get(word)!.positions.get(id) ?? []), offset }));
  return starts.filter((start) => others.every(({ present, offset }) => present.has(start + offset - first!.offset)));
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
  const rarest = [...postings.values()].reduce((a, b) => (a.positions.size <= b.positions.size ? a : b));
  const hits: SearchHit[] = [];
  let dates: Map<string, number> | undefined;
  for (const id of rarest.positions.keys()) {
    if (![...postings.values()].every((word) => word.positions.has(id))) continue;
    const starts = plans.map((plan) => termStarts(plan, postings, id));
    if (starts.some((list) => list.length === 0)) continue;
    const datePlace = placeOfPageId(id) ?? (dates ??= await loadDateOrder(api)).get(id) ?? -1;
    hits.push({
      id,
      data: rarest.data.get(id)!,
      headlineTerms: starts.filter((list) => list[0]! < HEADLINE_SLOTS).length,
      occurrences: starts.reduce((sum, list) => sum + list.length, 0),
      span: smallestSpan(starts),
      datePlace,
    });
  }
  hits.sort(compareHits(order));
  return { terms, hits };
}
