/**
 * Reads the archive's Markdown files straight from ARCHIVE_CONTENT_DIR with
 * the one article reader (src/lib/readArticle.ts), without Astro, so the
 * search index can be built in its own process while Astro renders pages.
 * Node-only. Drafts are skipped, as in the build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleData } from './articleSchema.ts';
import { listArticleFiles } from './articleFiles-fs.ts';
import { formatProblems } from './contentCheck/formatReport.ts';
import { articlePermalink } from './permalink.ts';
import { readArticle } from './readArticle.ts';

export interface ArticleSource {
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  permalink: string;
  data: ArticleData;
  /** The Markdown body after the frontmatter. */
  body: string;
  /** The raw file as text, for content hashes. */
  raw: string;
}

/**
 * Reads one article file's bytes; throws with the check's own messages
 * (file, line, field, fix) when the file cannot be published.
 */
export function readArticleSource(file: string, bytes: Uint8Array): ArticleSource {
  const reading = readArticle(bytes, file);
  if (!reading.data) throw new Error(formatProblems(reading.problems));
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return { file, permalink: articlePermalink(reading.data.date, file), data: reading.data, body: reading.body, raw };
}

/** Like readArticleSource, for a file already read as text. */
export function parseArticleSource(file: string, raw: string): ArticleSource {
  return readArticleSource(file, new TextEncoder().encode(raw));
}

/** Every published article under the content folder, in file order. */
export function loadArticleSources(contentDir: string, { includeDrafts = false, skipInvalid = false } = {}): ArticleSource[] {
  return listArticleFiles(contentDir)
    .flatMap((file) => {
      try {
        return [readArticleSource(file, readFileSync(path.join(contentDir, file)))];
      } catch (error) {
        // The dev server keeps serving while an editor fixes a file; check:content reports it.
        if (skipInvalid) return [];
        throw error;
      }
    })
    .filter((article) => includeDrafts || !article.data.draft);
}
