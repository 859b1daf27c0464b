/**
 * The one module that queries articles. Pages call these functions and never
 * call getCollection themselves, so sorting, drafts and permalinks have a
 * single definition.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { ArticleData } from './articleSchema.ts';
import { articlePermalink, slugFromFile } from './permalink.ts';
import { ContentError } from './contentCheck/contentError.ts';
import { findPermalinkClashes, permalinkClashProblems } from './findPermalinkClashes.ts';
import {
  compareArticles,
  countsByDay,
  groupByReporter,
  groupByTag,
  groupIssues,
  issueNeighbours,
  issuesByMonthDay,
  neighboursInIssue,
  splitIssue,
  type NamedGroup,
  type PageGroup,
} from './archiveQueries.ts';
import { readingMinutes } from './readingMinutes.ts';
import { issuePath } from './issueDate.ts';
import { PAGE_SIZE, paginate, type PageSlice } from './paginate.ts';
import { onThisDayData, type OnThisDayData } from './onThisDay.ts';
import { buildRelatedIndex } from './relatedIndex.ts';
import { rememberPhrases } from './headlinePhrases.ts';
import { HEADLINE_PHRASES_KEY } from '../plugins/rehype-headline-phrases.ts';

export interface Article {
  /** Collection id: the path inside the content folder without extension. */
  id: string;
  /** Source file, relative to the project root, for error messages. */
  file: string;
  slug: string;
  /** Site-absolute path without the base path: /YYYY/MM/DD/slug/ */
  permalink: string;
  data: ArticleData;
  entry: CollectionEntry<'articles'>;
}

export interface Issue {
  date: string;
  articles: Article[];
}

let cached: Promise<Article[]> | undefined;

async function loadArticles(): Promise<Article[]> {
  const showDrafts = import.meta.env.DEV;
  const entries = await getCollection('articles', (entry) => showDrafts || !entry.data.draft);
  const articles = entries.map((entry): Article => {
    const file = entry.filePath ?? entry.id;
    // Cut in the content sync; the pages that show the headline find them.
    const stored = entry.rendered?.metadata?.frontmatter as Record<string, unknown> | undefined;
    const phrases = stored?.[HEADLINE_PHRASES_KEY] as Record<string, string[]> | undefined;
    for (const [text, cut] of Object.entries(phrases ?? {})) rememberPhrases(text, cut);
    return {
      id: entry.id,
      file,
      slug: slugFromFile(file),
      permalink: articlePermalink(entry.data.date, file),
      data: entry.data,
      entry,
    };
  });
  const clashes = findPermalinkClashes(articles);
  if (clashes.length > 0) throw new ContentError(permalinkClashProblems(clashes));
  return articles.sort(compareArticles);
}

/** Every published article (drafts too in `npm run dev`), newest first. */
export function getArticles(): Promise<Article[]> {
  // Cached per build: every page asks, the collection is read once.
  if (import.meta.env.DEV) return loadArticles();
  cached ??= loadArticles();
  return cached;
}

/** Issues (days with articles), newest first. */
export async function getIssues(): Promise<Issue[]> {
  // Every page asks; grouping once per article list keeps big archives fast.
  const articles = await getArticles();
  if (issuesFor !== articles) {
    issuesFor = articles;
    issues = groupIssues(articles);
  }
  return issues;
}

let issuesFor: Article[] | undefined;
let issues: Issue[] = [];

/** The newest issue, or undefined for an empty archive. */
export async function getNewestIssue(): Promise<Issue | undefined> {
  return (await getIssues())[0];
}

/** The issue printed before (`earlier`) and after (`later`) the given day. */
export async function getIssueNeighbours(date: string): Promise<{ earlier?: Issue | undefined; later?: Issue | undefined }> {
  return issueNeighbours(await getIssues(), date);
}

/** Where the numbered pages of a long issue live: /YYYY/MM/DD/page/2/ (see pagePath). */
export const ISSUE_PAGE_PREFIX = 'page/';

/**
 * An issue as numbered pages of at most 50 articles (one page for an ordinary
 * day), each grouped by 版面 in page order.
 */
export function getIssueSlices(issue: Issue): IssueSlice[] {
  // One item per numbered page: splitIssue has already cut the issue at PAGE_SIZE articles.
  return paginate(splitIssue(issue.articles, PAGE_SIZE), issuePath(issue.date), 1, ISSUE_PAGE_PREFIX).map(
    ({ items, ...slice }) => ({ ...slice, groups: items[0] ?? [] }),
  );
}

/** One numbered page of an issue: its 版面 groups and the addresses around it. */
export type IssueSlice = Omit<PageSlice<never>, 'items'> & { groups: PageGroup<Article>[] };

/** Years that have issues, newest first. */
export async function getYears(): Promise<number[]> {
  return [...new Set((await getIssues()).map((issue) => Number(issue.date.slice(0, 4))))];
}

/** Issues of one year ("2022") or one month ("2022-02"), newest first. */
export async function getIssuesIn(prefix: string): Promise<Issue[]> {
  return (await getIssues()).filter((issue) => issue.date.startsWith(prefix));
}

/** Article count per issue date, for calendars. */
export async function getDayCounts(): Promise<Map<string, number>> {
  return countsByDay(await getArticles());
}

/** The archive's span: first and last issue day and how much it holds. */
export async function getArchiveSpan() {
  const issues = await getIssues();
  return {
    first: issues.at(-1)?.date,
    last: issues[0]?.date,
    issueCount: issues.length,
    articleCount: (await getArticles()).length,
  };
}

/** Every tag with its articles, busiest first. */
export async function getTags(): Promise<NamedGroup<Article>[]> {
  return groupByTag(await getArticles());
}

/** Every reporter with their articles, busiest first. */
export async function getReporters(): Promise<NamedGroup<Article>[]> {
  return groupByReporter(await getArticles());
}

/** Everything an article page shows about other articles, computed once per build. */
export type ArticlePageData = {
  article: Article;
  neighbours: ReturnType<typeof neighboursInIssue<Article>>;
  related: Article[];
  readingMinutes: number;
};

/**
 * One entry per article page. Neighbours and related articles are computed
 * here, not in each page's body, so that (1) incremental builds see them in
 * the page's props and cache key, and (2) the cost stays O(N): an inverted
 * index for related articles, and each issue's own list for neighbours.
 */
export async function getArticlePages(): Promise<ArticlePageData[]> {
  const related = buildRelatedIndex(await getArticles());
  return (await getIssues()).flatMap((issue) =>
    issue.articles.map((article) => ({
      article,
      neighbours: neighboursInIssue(issue.articles, article),
      related: related(article),
      readingMinutes: getReadingMinutes(article),
    })),
  );
}

/** Every month-day ("03-15") that has issues, with those issues newest first (往年今日 for any date). */
export async function getIssuesByMonthDay(): Promise<Map<string, Issue[]>> {
  return issuesByMonthDay(await getIssues());
}

/** The month-days that have issues: those with a /on-this-day/MM-DD.json file. */
export async function getOnThisDayDays(): Promise<string[]> {
  return [...(await getIssuesByMonthDay()).keys()];
}

/** 往年今日 for `date`: issues of the same month and day in earlier years. */
export async function getOnThisDay(date: string): Promise<OnThisDayData> {
  const monthDay = date.slice(5);
  const issues = (await getIssuesByMonthDay()).get(monthDay) ?? [];
  return onThisDayData(monthDay, issues.filter((issue) => issue.date.slice(0, 4) < date.slice(0, 4)));
}

/**
 * Minutes to read an article's body (Chinese, ~400 characters a minute),
 * counted on the rendered HTML: the data store does not keep the Markdown
 * source (retainBody: false in src/content.config.ts saves memory at scale).
 */
export function getReadingMinutes(article: Article): number {
  return readingMinutes(article.entry.rendered?.html ?? '');
}
