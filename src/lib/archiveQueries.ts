/**
 * Pure queries over a sorted list of articles (newest issue first, then page
 * order, as src/lib/articles.ts loads them). Kept free of `astro:content` so
 * they can be unit-tested; pages reach them only through articles.ts.
 */
import { pathSegment } from './pathSegment.ts';
import { buildRelatedIndex } from './relatedIndex.ts';

/** The fields these queries read; src/lib/articles.ts's Article has them all. */
export interface ArticleLike {
  id: string;
  permalink: string;
  data: {
    date: string;
    title: string;
    tags: string[];
    reporters: string[];
    page?: number | undefined;
    order?: number | undefined;
    section?: string | undefined;
  };
}

/** Missing page or order numbers sort after every given one. */
const rank = (value: number | undefined) => value ?? Number.MAX_SAFE_INTEGER;

/**
 * The archive's one order: newest issue first; within an issue by printed
 * page (版次), then by place on the page (order, the lead story first), then
 * by file name so that unordered articles still sort the same on every build.
 */
export function compareArticles(a: ArticleLike, b: ArticleLike): number {
  if (a.data.date !== b.data.date) return a.data.date < b.data.date ? 1 : -1;
  return (
    rank(a.data.page) - rank(b.data.page) ||
    rank(a.data.order) - rank(b.data.order) ||
    a.id.localeCompare(b.id, 'zh-Hans-CN')
  );
}

/** One day's paper. */
export interface IssueOf<A extends ArticleLike> {
  date: string;
  articles: A[];
}

/** A tag or a reporter, with the address segment of its page. */
export interface NamedGroup<A extends ArticleLike> {
  name: string;
  segment: string;
  articles: A[];
}

/** The articles of one printed page (版面) of an issue. */
export interface PageGroup<A extends ArticleLike> {
  page?: number | undefined;
  section?: string | undefined;
  articles: A[];
  /** This group carries on a 版面 begun on the previous page of a long issue. */
  continued?: boolean | undefined;
}

/** Groups articles by issue date, keeping their order (newest issue first). */
export function groupIssues<A extends ArticleLike>(articles: readonly A[]): IssueOf<A>[] {
  const byDate = new Map<string, A[]>();
  for (const article of articles) {
    const list = byDate.get(article.data.date);
    if (list) list.push(article);
    else byDate.set(article.data.date, [article]);
  }
  return [...byDate].map(([date, list]) => ({ date, articles: list }));
}

/** The issue printed before and after `date` (issues are newest first). */
export function issueNeighbours<A extends ArticleLike>(issues: readonly IssueOf<A>[], date: string) {
  const index = issues.findIndex((issue) => issue.date === date);
  return {
    earlier: index >= 0 ? issues[index + 1] : undefined,
    later: index > 0 ? issues[index - 1] : undefined,
  };
}

/**
 * An issue's articles by printed page in page order; within a page, sections
 * in the order of their first article (the articles arrive sorted by
 * compareArticles). Articles without a page number come last.
 */
export function groupByPage<A extends ArticleLike>(articles: readonly A[]): PageGroup<A>[] {
  const groups = new Map<string, PageGroup<A>>();
  for (const article of articles) {
    const { page, section } = article.data;
    const key = `${page ?? '~'}|${section ?? ''}`;
    const group = groups.get(key) ?? { page, section, articles: [] };
    group.articles.push(article);
    groups.set(key, group);
  }
  // Stable sort: groups of one page keep the order their first articles have.
  return [...groups.values()].sort((a, b) => rank(a.page) - rank(b.page));
}

/**
 * A long issue split into pages of at most `size` articles, each regrouped by
 * 版面. The split follows the grouped order (not the raw article order, which
 * can interleave sections of one printed page), so a 版面 cut by a page break
 * carries on at the top of the next page, marked `continued`.
 */
export function splitIssue<A extends ArticleLike>(articles: readonly A[], size: number): PageGroup<A>[][] {
  const flat = groupByPage(articles).flatMap((group) => group.articles.map((article) => ({ article, group })));
  const pages: PageGroup<A>[][] = [];
  for (let start = 0; start < flat.length; start += size) {
    const page: PageGroup<A>[] = [];
    let current: PageGroup<A> | undefined;
    flat.slice(start, start + size).forEach(({ article, group }, index) => {
      if (index === 0 || flat[start + index - 1]!.group !== group) {
        const continued = index === 0 && start > 0 && flat[start - 1]!.group === group;
        current = { page: group.page, section: group.section, articles: [], ...(continued ? { continued } : {}) };
        page.push(current);
      }
      current!.articles.push(article);
    });
    pages.push(page);
  }
  return pages.length > 0 ? pages : [[]];
}

/** The article before and after this one in its issue's page order. */
export function neighboursInIssue<A extends ArticleLike>(issueArticles: readonly A[], article: ArticleLike) {
  const index = issueArticles.findIndex((candidate) => candidate.id === article.id);
  return {
    previous: index > 0 ? issueArticles[index - 1] : undefined,
    next: index >= 0 ? issueArticles[index + 1] : undefined,
  };
}

function groupBy<A extends ArticleLike>(articles: readonly A[], names: (article: A) => string[]): NamedGroup<A>[] {
  const bySegment = new Map<string, NamedGroup<A>>();
  for (const article of articles) {
    for (const name of new Set(names(article))) {
      const segment = pathSegment(name);
      const group = bySegment.get(segment) ?? { name, segment, articles: [] };
      if (!group.articles.includes(article)) group.articles.push(article);
      bySegment.set(segment, group);
    }
  }
  // Busiest first, then in pinyin order, so the index reads like a contents page.
  return [...bySegment.values()].sort(
    (a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name, 'zh-Hans-CN'),
  );
}

/** Every tag with its articles. */
export function groupByTag<A extends ArticleLike>(articles: readonly A[]): NamedGroup<A>[] {
  return groupBy(articles, (article) => article.data.tags);
}

/** Every reporter with their articles. */
export function groupByReporter<A extends ArticleLike>(articles: readonly A[]): NamedGroup<A>[] {
  return groupBy(articles, (article) => article.data.reporters);
}

/**
 * Up to `limit` other articles sharing tags or reporters with this one: the
 * more they share the earlier they come, then the nearest in date. For many
 * pages, build the index once with buildRelatedIndex instead.
 */
export function relatedArticles<A extends ArticleLike>(articles: readonly A[], article: A, limit = 5): A[] {
  return buildRelatedIndex(articles)(article, limit);
}

/**
 * Issues grouped by month and day ("03-15"), newest first within each: the
 * material of 往年今日 for whatever date the reader's clock says.
 */
export function issuesByMonthDay<I extends { date: string }>(issues: readonly I[]): Map<string, I[]> {
  const byMonthDay = new Map<string, I[]>();
  for (const issue of issues) {
    const key = issue.date.slice(5);
    const list = byMonthDay.get(key);
    if (list) list.push(issue);
    else byMonthDay.set(key, [issue]);
  }
  return byMonthDay;
}

/** Article counts per issue date. */
export function countsByDay(articles: readonly ArticleLike[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { data } of articles) counts.set(data.date, (counts.get(data.date) ?? 0) + 1);
  return counts;
}
