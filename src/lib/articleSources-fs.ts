/**
 * Reads the archive's Markdown files straight from ARCHIVE_CONTENT_DIR with
 * the site's one schema (src/lib/articleSchema.ts), without Astro, so the
 * search index can be built in its own process while Astro renders pages.
 * Node-only. Drafts are skipped, as in the build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { articleSchema, type ArticleData } from './articleSchema.ts';
import { articlePermalink } from './permalink.ts';

export interface ArticleSource {
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  permalink: string;
  data: ArticleData;
  /** The Markdown body after the frontmatter. */
  body: string;
  /** The raw file, for content hashes. */
  raw: string;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(md|markdown)$/i.test(name))
    .map((name) => name.split(path.sep).join('/'))
    .sort();
}

/** Parses one article file; throws with the file name on invalid frontmatter. */
export function parseArticleSource(file: string, raw: string): ArticleSource {
  // A UTF-8 BOM is accepted silently, as check:content does.
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(raw);
  const parsed = articleSchema.safeParse(match ? (parseYaml(match[1]!) ?? {}) : {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`${file}：文章信息有误（${detail}）`);
  }
  return { file, permalink: articlePermalink(parsed.data.date, file), data: parsed.data, body: match?.[2] ?? raw, raw };
}

/** Every published article under the content folder, in file order. */
export function loadArticleSources(contentDir: string, { includeDrafts = false, skipInvalid = false } = {}): ArticleSource[] {
  return markdownFiles(contentDir)
    .flatMap((file) => {
      try {
        return [parseArticleSource(file, readFileSync(path.join(contentDir, file), 'utf8'))];
      } catch (error) {
        // The dev server keeps serving while an editor fixes a file; check:content reports it.
        if (skipInvalid) return [];
        throw error;
      }
    })
    .filter((article) => includeDrafts || !article.data.draft);
}
