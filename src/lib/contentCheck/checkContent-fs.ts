/**
 * Checks every article in a content folder: each file on its own, then what
 * only the whole archive shows (two files at one permalink, tag variants).
 * Used by `npm run check:content`, the build and the dev server.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { listArticleFiles } from '../articleFiles-fs.ts';
import { checkPhotos, type PhotoUse } from '../checkPhotos-fs.ts';
import { findPermalinkClashes, permalinkClashProblems } from '../findPermalinkClashes.ts';
import { articlePermalink } from '../permalink.ts';
import { checkArticle, type CheckedArticle } from './checkArticle.ts';
import { problem, type Problem } from './problem.ts';
import { findTagVariants, tagKey, type TagUse } from './tagVariants.ts';

export interface ContentReport {
  /** Number of article files checked. */
  files: number;
  /** Sorted by file, then line and column. */
  problems: Problem[];
  /** Articles whose frontmatter is valid, with their absolute path and permalink. */
  articles: Array<{ absolutePath: string; permalink: string }>;
  /** Every existing local photo the articles use, for checkPhotos (decoded in checkContent). */
  photos: PhotoUse[];
  /**
   * Files (as in messages) unchanged since the cache was written: same size,
   * modification time and path (none without a cache). A new day checks them
   * again (dates in the future) but leaves them here.
   */
  unchanged: string[];
}

export interface CheckOptions {
  /** Paths in messages are relative to this folder (default: the working directory). */
  root?: string;
  /** YYYY-MM-DD; defaults to today's local date. */
  today?: string;
  /**
   * Results of unchanged files (same size and modification time) are reused
   * from here; the dev server keeps one so a re-check after an edit is quick,
   * and the build keeps one on disk (checkCache-fs.ts).
   */
  cache?: Map<string, CachedCheck>;
}

/** One file's check, reusable while its stamp and its image files' existence are unchanged. */
export interface CachedCheck {
  /** Size, modification time, the path in messages, and the day (future dates). */
  stamp: string;
  result: CheckedArticle;
  /** Every image path the check looked for, and whether it existed. */
  probes: Array<[path: string, existed: boolean]>;
}

/** Whether a cached check still holds: same stamp, and no image appeared or disappeared. */
function stillHolds(cached: CachedCheck | undefined, stamp: string): cached is CachedCheck {
  return cached?.stamp === stamp && cached.probes.every(([target, existed]) => existsSync(target) === existed);
}

/** Checks one file, noting which image paths it looked for. */
function checkFile(absolutePath: string, file: string, today: string, stamp: string): CachedCheck {
  const probes: CachedCheck['probes'] = [];
  const exists = (target: string) => {
    const existed = existsSync(target);
    probes.push([target, existed]);
    return existed;
  };
  return { stamp, result: checkArticle(readFileSync(absolutePath), { file, absolutePath, exists, today }), probes };
}

/** Local calendar day, YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function byPosition(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

function tagVariantProblems(uses: TagUse[]): Problem[] {
  return findTagVariants(uses).flatMap((group) => {
    const spellings = [...new Set(group.map((use) => use.tag))];
    // Prefer the spelling that already is simplified and half-width.
    const preferred = spellings.find((tag) => tagKey(tag) === tag.toLowerCase()) ?? spellings[0]!;
    return group
      .filter((use) => use.tag !== preferred)
      .map((use) => {
        const elsewhere = group.find((other) => other.tag === preferred)!;
        return problem(
          use.file,
          use,
          'warning',
          'tag-variant',
          {
            zh: `标签“${use.tag}”与“${preferred}”（${elsewhere.file}）只差繁简或全半角，会变成两个标签。`,
            en: `The tag "${use.tag}" differs from "${preferred}" (${elsewhere.file}) only by traditional/simplified form or width; they would become two tags.`,
          },
          { zh: `统一写成“${preferred}”。`, en: `Use "${preferred}" everywhere.` },
        );
      });
  });
}

export function checkContentDir(dir: string, options: CheckOptions = {}): ContentReport {
  const root = options.root ?? process.cwd();
  const today = options.today ?? localToday();
  const folder = path.resolve(root, dir);
  const files = listArticleFiles(folder).map((file) => path.join(folder, file));
  const problems: Problem[] = [];
  const owners: Array<{ file: string; absolutePath: string; permalink: string }> = [];
  const tags: TagUse[] = [];
  const photos: PhotoUse[] = [];
  const unchanged: string[] = [];

  for (const absolutePath of files) {
    const file = path.relative(root, absolutePath) || absolutePath;
    const stats = statSync(absolutePath);
    const fileStamp = `${stats.size}:${stats.mtimeMs}:${file}`;
    const stamp = `${fileStamp}:${today}`;
    const cached = options.cache?.get(absolutePath);
    const entry = stillHolds(cached, stamp) ? cached : checkFile(absolutePath, file, today, stamp);
    if (cached?.stamp.startsWith(`${fileStamp}:`)) unchanged.push(file);
    options.cache?.set(absolutePath, entry);
    const checked = entry.result;
    problems.push(...checked.problems);
    tags.push(...checked.tags);
    photos.push(...checked.images.map(({ src, file: photo, at }) => ({ article: file, at, src, file: photo })));
    if (checked.data) owners.push({ file, absolutePath, permalink: articlePermalink(checked.data.date, file) });
  }

  // Deleted files leave the cache, so it never outgrows the archive.
  const listed = new Set(files);
  for (const key of options.cache?.keys() ?? []) if (!listed.has(key)) options.cache!.delete(key);

  problems.push(...permalinkClashProblems(findPermalinkClashes(owners)));
  problems.push(...tagVariantProblems(tags));
  return {
    files: files.length,
    problems: problems.sort(byPosition),
    articles: owners.map(({ absolutePath, permalink }) => ({ absolutePath, permalink })),
    photos,
    unchanged,
  };
}

/**
 * Everything the build refuses: checkContentDir, then every photo decoded
 * with sharp as the build does (a text file named fake.jpg, a truncated
 * camera file). `photoCache` remembers photos that passed (checkPhotos-fs.ts).
 */
export async function checkContent(dir: string, options: CheckOptions & { photoCache?: string } = {}): Promise<ContentReport> {
  const report = checkContentDir(dir, options);
  const { problems } = await checkPhotos(report.photos, options.photoCache);
  if (problems.length === 0) return report;
  return { ...report, problems: [...report.problems, ...problems].sort(byPosition) };
}
