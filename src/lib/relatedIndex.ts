/**
 * "Related articles" for every article page without comparing each article
 * with every other one. Scanning the whole archive per page is O(N²): about
 * 400 million comparisons at 20,000 articles and 10 billion at 100,000, more
 * than the rest of the build together. An inverted index from each tag and
 * reporter to its articles is built once (O(N)); a page then looks only at
 * the articles that share something with it.
 *
 * Ranking: most shared tags and reporters first, then the nearest in date,
 * then by id, so the result is the same as a full scan's.
 */

/** The fields the ranking reads. */
export interface RelatableArticle {
  id: string;
  data: { date: string; tags: readonly string[]; reporters: readonly string[] };
}

/** Finds up to `limit` related articles of one article. */
export type RelatedLookup<A extends RelatableArticle> = (article: A, limit?: number) => A[];

function invert<A extends RelatableArticle>(articles: readonly A[], keys: (article: A) => readonly string[]) {
  const index = new Map<string, A[]>();
  for (const article of articles) {
    // One entry per occurrence, so a name listed twice counts twice, as in a full scan.
    for (const key of keys(article)) {
      const list = index.get(key);
      if (list) list.push(article);
      else index.set(key, [article]);
    }
  }
  return index;
}

/** Builds the index once per build; the returned lookup is cheap per page. */
export function buildRelatedIndex<A extends RelatableArticle>(articles: readonly A[]): RelatedLookup<A> {
  const byTag = invert(articles, (article) => article.data.tags);
  const byReporter = invert(articles, (article) => article.data.reporters);
  const day = new Map(articles.map((article) => [article, Date.parse(article.data.date)]));
  return (article, limit = 5) => {
    const scores = new Map<A, number>();
    const add = (index: Map<string, A[]>, names: readonly string[]) => {
      for (const name of new Set(names)) {
        for (const other of index.get(name) ?? []) {
          if (other.id !== article.id) scores.set(other, (scores.get(other) ?? 0) + 1);
        }
      }
    };
    add(byTag, article.data.tags);
    add(byReporter, article.data.reporters);
    const when = Date.parse(article.data.date);
    const distance = (other: A) => Math.abs((day.get(other) ?? Date.parse(other.data.date)) - when);
    return [...scores]
      .sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || distance(a) - distance(b) || a.id.localeCompare(b.id))
      .slice(0, limit)
      .map(([other]) => other);
  };
}
