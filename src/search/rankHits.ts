/**
 * Ranking of matching articles. Relevance: articles that match in the
 * headline block first (more terms there first), then more occurrences, then
 * closer occurrences of different terms, then newer date. Or by date.
 */

/** What ranking needs to know about one matching article. */
export interface RankFacts {
  /** How many query terms occur in the headline block. */
  headlineTerms: number;
  /** Occurrences of all terms in the article. */
  occurrences: number;
  /** Smallest distance (in characters) spanning one occurrence of every term; 0 for one term. */
  span: number;
  /** The article's place in the archive's date order, 0 = oldest (src/lib/search/pageIds.ts). */
  datePlace: number;
}

export type SortOrder = 'relevance' | 'newest' | 'oldest';

export const SORT_ORDERS: readonly SortOrder[] = ['relevance', 'newest', 'oldest'];

/** Comparator for Array.sort: negative when a ranks before b. */
export function compareHits(order: SortOrder): (a: RankFacts, b: RankFacts) => number {
  if (order === 'newest') return (a, b) => b.datePlace - a.datePlace;
  if (order === 'oldest') return (a, b) => a.datePlace - b.datePlace;
  return (a, b) =>
    b.headlineTerms - a.headlineTerms ||
    b.occurrences - a.occurrences ||
    a.span - b.span ||
    b.datePlace - a.datePlace;
}

/**
 * The smallest window that holds one position from every list (positions
 * sorted ascending). Classic k-way sweep; 0 when there is a single list.
 */
export function smallestSpan(lists: number[][]): number {
  if (lists.length < 2) return 0;
  if (lists.some((list) => list.length === 0)) return Number.MAX_SAFE_INTEGER;
  const merged = lists.flatMap((list, term) => list.map((position) => [position, term] as const));
  merged.sort((a, b) => a[0] - b[0]);
  const seen = new Map<number, number>();
  let best = Number.MAX_SAFE_INTEGER;
  let left = 0;
  for (const [position, term] of merged) {
    seen.set(term, (seen.get(term) ?? 0) + 1);
    while (seen.size === lists.length) {
      const [leftPosition, leftTerm] = merged[left]!;
      best = Math.min(best, position - leftPosition);
      const remaining = seen.get(leftTerm)! - 1;
      if (remaining === 0) seen.delete(leftTerm);
      else seen.set(leftTerm, remaining);
      left += 1;
    }
  }
  return best;
}

