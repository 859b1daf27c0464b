/**
 * Exact-substring search on top of Pagefind. Each query term becomes one
 * Pagefind lookup of its character bigrams as an exact phrase (see
 * src/lib/search/tokens.ts); the answer is the intersection over terms, so
 * the total is the true number of articles that contain every term. A second
 * lookup per term in the headline words feeds the ranking.
 */
import { normalise } from '../lib/search/normalise.ts';
import { queryTerms, termLookup } from '../lib/search/tokens.ts';
import { loadDateOrder, type PagefindApi, type PagefindFragment, type PagefindResult } from './pagefindApi.ts';
import { compareHits, occurrenceStarts, smallestSpan, type RankFacts, type SortOrder } from './rankHits.ts';

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

async function lookup(api: PagefindApi, query: string) {
  return (await api.search(query))?.results ?? [];
}

/** Runs a reader's query over the whole archive (filters apply afterwards); an empty query gives no hits. */
export async function searchArchive(api: PagefindApi, query: string, order: SortOrder = 'relevance'): Promise<SearchOutcome> {
  const terms = queryTerms(normalise(query));
  if (terms.length === 0) return { terms, hits: [] };
  const lookups = terms.map(termLookup);
  const [anywhere, headline, dates] = await Promise.all([
    Promise.all(lookups.map((term) => lookup(api, term.anywhere))),
    Promise.all(lookups.map((term) => lookup(api, term.headline))),
    loadDateOrder(api),
  ]);
  const byTerm = anywhere.map((results) => new Map(results.map((result) => [result.id, result])));
  const inHeadline = headline.map((results) => new Set(results.map((result) => result.id)));
  // Every position of every bigram (chunks are loaded already: no new requests).
  const allPositions = await Promise.all(
    lookups.map(async (term, index) =>
      term.positions === term.anywhere
        ? byTerm[index]!
        : new Map((await lookup(api, term.positions)).map((result) => [result.id, result])),
    ),
  );
  const hits: SearchHit[] = [];
  anywhere[0]!.forEach((first: PagefindResult) => {
    const matched = byTerm.map((results) => results.get(first.id));
    if (matched.some((result) => result === undefined)) return;
    const positions = lookups.map((term, index) =>
      occurrenceStarts(
        [...(allPositions[index]!.get(first.id) ?? matched[index]!)!.words].sort((a, b) => a - b),
        term.length,
      ),
    );
    hits.push({
      id: first.id,
      data: () => first.data(),
      headlineTerms: inHeadline.filter((ids) => ids.has(first.id)).length,
      occurrences: positions.reduce((sum, list) => sum + list.length, 0),
      span: smallestSpan(positions),
      ageRank: dates.get(first.id) ?? Number.MAX_SAFE_INTEGER,
    });
  });
  hits.sort(compareHits(order));
  return { terms, hits };
}
