/**
 * The one module that queries articles. Pages call these functions and never
 * call getCollection themselves, so sorting, drafts and permalinks have a
 * single definition.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { ArticleData } from './articleSchema.ts';
import { articlePermalink, slugFromFile } from './permalink.ts';
import { describePermalinkClashes, findPermalinkClashes } from './findPermalinkClashes.ts';

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

/** Newest issue first; within an issue, by printed page, then by headline. */
export function compareArticles(a: Article, b: Article): number {
  if (a.data.date !== b.data.date) return a.data.date < b.data.date ? 1 : -1;
  const pageA = a.data.page ?? Number.MAX_SAFE_INTEGER;
  const pageB = b.data.page ?? Number.MAX_SAFE_INTEGER;
  if (pageA !== pageB) return pageA - pageB;
  return a.id.localeCompare(b.id, 'zh-Hans-CN');
}

let cached: Promise<Article[]> | undefined;

async function loadArticles(): Promise<Article[]> {
  const showDrafts = import.meta.env.DEV;
  const entries = await getCollection('articles', (entry) => showDrafts || !entry.data.draft);
  const articles = entries.map((entry): Article => {
    const file = entry.filePath ?? entry.id;
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
  if (clashes.length > 0) throw new Error(describePermalinkClashes(clashes));
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
  const byDate = new Map<string, Article[]>();
  for (const article of await getArticles()) {
    byDate.set(article.data.date, [...(byDate.get(article.data.date) ?? []), article]);
  }
  return [...byDate].map(([date, articles]) => ({ date, articles }));
}

/** The newest issue, or undefined for an empty archive. */
export async function getNewestIssue(): Promise<Issue | undefined> {
  return (await getIssues())[0];
}
