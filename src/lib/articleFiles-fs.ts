/**
 * The one list of article files in a content folder. The content check, the
 * Astro loader (articleLoader-fs.ts), the search index, the dev server's
 * index and the build's progress all call it, so they always agree on what
 * an article is. Node-only.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Article files are Markdown: `.md` or `.markdown`, any case. */
export const ARTICLE_FILE = /\.(md|markdown)$/i;

/**
 * Whether a path inside the content folder (forward slashes) names an
 * article: Markdown, and neither it nor a folder on its way is hidden (a
 * dot first: editors' backups, .trash), as Astro's glob loader skipped them.
 */
export function isArticleFile(relative: string): boolean {
  return ARTICLE_FILE.test(relative) && !relative.split('/').some((part) => part.startsWith('.'));
}

/**
 * Article files under `dir`, relative to it with forward slashes, sorted.
 * A missing folder has no articles.
 */
export function listArticleFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter(isArticleFile)
    .sort();
}
