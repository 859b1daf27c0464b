/**
 * Reads a content folder straight from the Markdown files (not from the
 * build), with the site's one article reader and file lister, so tests can
 * say which permalinks a build must (and must not) contain.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listArticleFiles } from '../../src/lib/articleFiles-fs.ts';
import type { ArticleData } from '../../src/lib/articleSchema.ts';
import { formatProblems } from '../../src/lib/contentCheck/formatReport.ts';
import { articlePermalink } from '../../src/lib/permalink.ts';
import { readArticle } from '../../src/lib/readArticle.ts';

export interface SourceArticle {
  /** The file: the folder joined with its path inside it. */
  file: string;
  data: ArticleData;
  permalink: string;
}

/** Every article in a folder, drafts included (check `data.draft`). */
export function readContentFolder(folder: string): SourceArticle[] {
  return listArticleFiles(folder).map((relative) => {
    const file = path.join(folder, relative);
    const { data, problems } = readArticle(readFileSync(file), file);
    if (!data) throw new Error(formatProblems(problems));
    return { file, data, permalink: articlePermalink(data.date, file) };
  });
}
