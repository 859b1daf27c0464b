/**
 * Decodes every photo articles refer to, as the build will, and reports each
 * one that cannot be published as a content problem (file, line, fix). The
 * content check runs it before the build starts, and the article loader runs
 * it again for `astro build` alone; both share one cache of files already
 * decoded, so an unchanged photo costs a stat, not a decode. Node-only.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkPhotoFile } from './checkPhotoFile-fs.ts';
import { problem, type Position, type Problem } from './contentCheck/problem.ts';

/** One use of a photo: which article (as shown to editors), where, the path written, the file. */
export interface PhotoUse {
  article: string;
  at: Position;
  src: string;
  /** Absolute path of the photo file. */
  file: string;
}

/** The decoded-files cache: the keys (path, size, mtime) of photos that passed. */
export const PHOTO_CACHE_FILE = 'photo-checks.json';

/** The keys of photos that passed in earlier runs (empty when there is no cache yet). */
export function readPhotoCache(file: string | undefined): Set<string> {
  try {
    if (file && existsSync(file)) return new Set(JSON.parse(readFileSync(file, 'utf8')) as string[]);
  } catch {
    // A damaged cache only costs a re-check.
  }
  return new Set();
}

/**
 * Checks each photo once (a photo used twice is decoded once). `cacheFile`,
 * when given, remembers the photos that passed between runs; `known`, when
 * given, is read and added to instead (the dev server checks one article at
 * a time and keeps the set in memory).
 */
export async function checkPhotos(
  uses: readonly PhotoUse[],
  cacheFile?: string,
  known: Set<string> = readPhotoCache(cacheFile),
): Promise<{ problems: Problem[]; checked: number }> {
  const results = new Map<string, Awaited<ReturnType<typeof checkPhotoFile>>>();
  const problems: Problem[] = [];
  for (const use of uses) {
    let result = results.get(use.file);
    if (!result) {
      result = await checkPhotoFile(use, (key) => known.has(key));
      results.set(use.file, result);
    }
    if (!result.problem) continue;
    const { message, fix } = result.problem;
    problems.push(
      problem(
        use.article,
        use.at,
        'error',
        'bad-photo',
        { zh: `图片 ${use.src}：${message.zh}`, en: `The photo ${use.src}: ${message.en}` },
        fix,
      ),
    );
  }
  const passed = [...results.values()].flatMap((result) => (result.fileKey && !result.problem ? [result.fileKey] : []));
  for (const key of passed) known.add(key);
  if (cacheFile) {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(passed));
  }
  return { problems, checked: passed.length };
}
