/**
 * Splits the archive into index shards. A shard is a run of whole years,
 * oldest first, holding at most `maxArticles` articles (a year larger than
 * that is cut into pieces in date order). Adding or editing an article
 * therefore changes one shard, and new articles usually land in the newest
 * one; every other shard is reused from the last build.
 */

export interface ShardInput {
  /** /YYYY/MM/DD/slug/: sorts by date, then slug, like the index's date sort. */
  permalink: string;
  data: { date: string };
}

export interface Shard<T extends ShardInput> {
  /** Stable, readable name: first and last date, e.g. 2021-01-01_2022-12-31. */
  name: string;
  articles: T[];
}

/**
 * Default shard size: one Pagefind process indexes at most this many articles.
 * Pagefind's memory grows linearly with the bigram records it holds, about
 * 0.28 GB per 1,000 articles on top of 0.4 GB (whole index process, measured
 * on corpus stories: 2,500 → 1.08 GB, 5,000 → 1.78 GB, 20,000 → 6.0 GB), and
 * it runs beside Astro. 2,500 keeps the index near 1 GB at any archive size;
 * smaller shards would save little more memory but add one index for the
 * browser to merge (a request per shard and term) on every cold search.
 */
export const DEFAULT_SHARD_ARTICLES = 2_500;

export function planShards<T extends ShardInput>(articles: T[], maxArticles = DEFAULT_SHARD_ARTICLES): Shard<T>[] {
  const sorted = [...articles].sort((a, b) => (a.permalink < b.permalink ? -1 : 1));
  const years = new Map<string, T[]>();
  for (const article of sorted) {
    const year = article.data.date.slice(0, 4);
    const list = years.get(year);
    if (list) list.push(article);
    else years.set(year, [article]);
  }
  const groups: T[][] = [];
  let current: T[] = [];
  for (const yearArticles of years.values()) {
    if (current.length > 0 && current.length + yearArticles.length > maxArticles) {
      groups.push(current);
      current = [];
    }
    for (let start = 0; start < yearArticles.length; start += maxArticles) {
      const piece = yearArticles.slice(start, start + maxArticles);
      if (current.length + piece.length > maxArticles) {
        groups.push(current);
        current = [];
      }
      current.push(...piece);
    }
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group) => ({ name: `${group[0]!.data.date}_${group[group.length - 1]!.data.date}`, articles: group }));
}
