/**
 * Checks every article in a content folder: each file on its own, then what
 * only the whole archive shows (two files at one permalink, tag variants).
 * Used by `npm run check:content`, the build and the dev server.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
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

/** Markdown files the content collection loads (same pattern as src/content.config.ts). */
export function listArticleFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(md|markdown)$/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
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
  const files = listArticleFiles(path.resolve(root, dir));
  const problems: Problem[] = [];
  const owners: Array<{ file: string; absolutePath: string; permalink: string }> = [];
  const tags: TagUse[] = [];

  for (const absolutePath of files) {
    const file = path.relative(root, absolutePath) || absolutePath;
    const stats = statSync(absolutePath);
    const stamp = `${stats.size}:${stats.mtimeMs}:${file}:${today}`;
    const cached = options.cache?.get(absolutePath);
    const entry = stillHolds(cached, stamp) ? cached : checkFile(absolutePath, file, today, stamp);
    options.cache?.set(absolutePath, entry);
    const checked = entry.result;
    problems.push(...checked.problems);
    tags.push(...checked.tags);
    if (checked.data) owners.push({ file, absolutePath, permalink: articlePermalink(checked.data.date, file) });
  }

  // Deleted files leave the cache, so it never outgrows the archive.
  const listed = new Set(files);
  for (const key of options.cache?.keys() ?? []) if (!listed.has(key)) options.cache!.delete(key);

  const byPermalink = Map.groupBy(owners, (owner) => owner.permalink);
  for (const [permalink, group] of byPermalink) {
    if (group.length < 2) continue;
    for (const owner of group) {
      const others = group.filter((other) => other !== owner).map((other) => other.file).join('、');
      problems.push(
        problem(
          owner.file,
          { line: 1, column: 1 },
          'error',
          'duplicate-permalink',
          {
            zh: `永久链接 ${permalink} 重复：${others} 也发布在这个地址。`,
            en: `Duplicate permalink ${permalink}: ${others} is published at the same address.`,
          },
          {
            zh: '改其中一篇的文件名（文件名就是网址的最后一段），或核对两篇的日期。',
            en: 'Rename one of the files (the file name is the last part of the address), or check both dates.',
          },
        ),
      );
    }
  }

  problems.push(...tagVariantProblems(tags));
  return {
    files: files.length,
    problems: problems.sort(byPosition),
    articles: owners.map(({ absolutePath, permalink }) => ({ absolutePath, permalink })),
  };
}
