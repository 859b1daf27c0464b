/**
 * Reads a content folder the way a test oracle should: straight from the
 * Markdown files (not from the build), validated with the real schema, so
 * tests can say which permalinks a build must (and must not) contain.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { articleSchema, type ArticleData } from '../../src/lib/articleSchema.ts';
import { articlePermalink } from '../../src/lib/permalink.ts';

export interface SourceArticle {
  file: string;
  data: ArticleData;
  permalink: string;
}

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(md|markdown)$/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every article in a folder, drafts included (check `data.draft`). */
export function readContentFolder(folder: string): SourceArticle[] {
  return markdownFiles(folder).map((file) => {
    const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
    const data = articleSchema.parse(parse(frontmatter));
    return { file, data, permalink: articlePermalink(data.date, file) };
  });
}
