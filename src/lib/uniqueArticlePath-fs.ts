/**
 * Picks a file path for a new article that cannot clash: no existing file
 * there, and no article anywhere in the content folder with the same file
 * name (same name + same date would share a permalink; refusing the name
 * outright keeps the rule simple for editors).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { listArticleFiles } from './articleFiles-fs.ts';
import { slugFromFile } from './permalink.ts';

/** Slugs already used in the content folder. */
export function usedSlugs(contentDir: string): Set<string> {
  return new Set(listArticleFiles(contentDir).map(slugFromFile));
}

/** `<dir>/<slug>.md`, or `<slug>-2.md`, `-3`… when taken. Adds the result to `used`. */
export function uniqueArticlePath(dir: string, slug: string, used: Set<string>): string {
  let candidate = slug;
  for (let index = 2; used.has(candidate) || existsSync(path.join(dir, `${candidate}.md`)); index++) {
    candidate = `${slug}-${index}`;
  }
  used.add(candidate);
  return path.join(dir, `${candidate}.md`);
}

/** The conventional folder for an issue date: <contentDir>/2022/02-24 */
export function issueFolder(contentDir: string, date: string): string {
  return path.join(contentDir, date.slice(0, 4), date.slice(5));
}
