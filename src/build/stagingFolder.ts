/**
 * The folder Astro builds into starts as a copy of the last build's pages,
 * so an incremental build writes only what changed.
 *
 * Astro keeps an unchanged page that is already in its output folder and
 * otherwise copies it from its cache (astroInternals.ts). The build stages
 * into a fresh `<out>.tmp`, so that a failed build leaves `dist/` alone, and
 * Astro then copied every unchanged page: about 14 s of a 26 s rebuild at
 * 20,000 articles (docs/performance.md, "Rebuilds"). Instead, the site that
 * a build replaces is kept in the cache folder, and the next build stages
 * into it after bringing it up to date: each page Astro's manifest lists is
 * compared by size and time with Astro's own copy and copied only if it
 * differs, and everything else (the old index, scripts, files of the public
 * folder) is removed, since the build writes them anew. Astro then keeps the
 * unchanged pages where they are, and never writes into the live site.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { copyFile, mkdir, readdir, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { INCREMENTAL_MANIFEST_FILE, INCREMENTAL_PAGES_DIR, incrementalPageFiles } from '../lib/astroInternals.ts';
import { removeInBackground, removeLeftovers } from './removeInBackground.ts';

/** The replaced site, kept in the cache folder to become the next build's staging folder. */
export const PREVIOUS_SITE = 'previous-site';
/** Names of what is moved out of the way and deleted in the background. */
const STALE_SUFFIX = '.stale';

/** Each page put in the staging folder, with its file time then (ms): Astro rewrites a page it renders. */
export type PrefilledPages = Map<string, number>;

/** The page files Astro's last build recorded, or undefined when there is no manifest. */
function recordedPages(cacheDir: string): string[] | undefined {
  try {
    return incrementalPageFiles(JSON.parse(readFileSync(path.join(cacheDir, INCREMENTAL_MANIFEST_FILE), 'utf8')));
  } catch {
    return undefined;
  }
}

let moved = 0;
/** Renames `dir` to a sibling of `base` (`<base>.stale-…`), deleted in the background. */
function moveAwayAndRemove(dir: string, base = dir): void {
  const away = `${base}${STALE_SUFFIX}-${process.pid}-${Date.now()}-${(moved += 1)}`;
  renameSync(dir, away);
  removeInBackground(away);
}

/** Removes a file, then its folders up to `root` as long as they are empty. */
function removeFile(root: string, file: string): void {
  unlinkSync(path.join(root, file));
  for (let dir = path.dirname(file); dir !== '.'; dir = path.dirname(dir)) {
    try {
      rmdirSync(path.join(root, dir));
    } catch {
      return; // Not empty.
    }
  }
}

/** Same size and the same file time to the millisecond (a copy's time is set from a float of seconds). */
const sameFile = (a: { size: number; mtimeMs: number }, b: { size: number; mtimeMs: number }) =>
  a.size === b.size && Math.trunc(a.mtimeMs) === Math.trunc(b.mtimeMs);

// The work is a file-system call per folder and two per page (400,000 folders
// and 200,000 pages at 200,000 articles); this many at once on libuv's threads
// took half the time of one after another (docs/performance.md).
const CALLS_IN_FLIGHT = 32;

/** Runs `work` on every item, CALLS_IN_FLIGHT at a time; `work` may add items. */
async function forEach<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  // A worker that finds the list empty stops, while another may still add to it: run again until none is left.
  while (next < items.length) await Promise.all(Array.from({ length: CALLS_IN_FLIGHT }, worker));
}

/** Every file below `root`, relative, with forward slashes. */
async function listFiles(root: string, tops: string[]): Promise<string[]> {
  const files: string[] = [];
  const dirs = [...tops];
  await forEach(dirs, async (dir) => {
    for (const entry of await readdir(path.join(root, dir), { withFileTypes: true })) {
      const file = `${dir}/${entry.name}`;
      if (entry.isDirectory()) dirs.push(file);
      else files.push(file);
    }
  });
  return files;
}

/**
 * Fills `stagingDir` (which must not exist) with the pages of the last build
 * that Astro may keep. Returns what was put there; empty when Astro will
 * render every page (a full build, or no last build).
 */
export async function prepareStaging(stagingDir: string, cacheDir: string, options: { full?: boolean } = {}): Promise<PrefilledPages> {
  const prefilled: PrefilledPages = new Map();
  const previous = path.join(cacheDir, PREVIOUS_SITE);
  // What a killed build was deleting when it died.
  removeLeftovers(stagingDir, STALE_SUFFIX);
  removeLeftovers(previous, STALE_SUFFIX);
  const pages = options.full ? undefined : recordedPages(cacheDir);
  if (!pages?.length) {
    if (existsSync(previous)) moveAwayAndRemove(previous);
    return prefilled;
  }
  if (existsSync(previous)) renameSync(previous, stagingDir);
  else mkdirSync(stagingDir, { recursive: true });

  const wanted = new Set(pages);
  // A top-level entry holding no page (the search index, _astro/, sw.js) goes whole: one rename, not a file at a time.
  const pageTops = new Set(pages.map((file) => file.split('/')[0]!));
  const tops: string[] = [];
  for (const entry of readdirSync(stagingDir, { withFileTypes: true })) {
    if (pageTops.has(entry.name)) {
      if (entry.isDirectory()) tops.push(entry.name);
    } else if (entry.isDirectory()) moveAwayAndRemove(path.join(stagingDir, entry.name), stagingDir);
    else unlinkSync(path.join(stagingDir, entry.name));
  }
  for (const file of await listFiles(stagingDir, tops)) if (!wanted.has(file)) removeFile(stagingDir, file);

  const pagesDir = path.join(cacheDir, INCREMENTAL_PAGES_DIR);
  await forEach(pages, async (file) => {
    const target = path.join(stagingDir, file);
    const cached = await stat(path.join(pagesDir, file)).catch(() => undefined);
    // No copy in Astro's cache: Astro renders the page again, so no old file may stand in for it.
    if (!cached) {
      await rm(target, { force: true });
      return;
    }
    let staged = await stat(target).catch(() => undefined);
    if (!staged || !sameFile(staged, cached)) {
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(path.join(pagesDir, file), target);
      await utimes(target, cached.atimeMs / 1000, cached.mtimeMs / 1000);
      staged = await stat(target);
    }
    prefilled.set(file, staged.mtimeMs);
  });
  return prefilled;
}

/**
 * After Astro: removes the prefilled pages that this build neither wrote nor
 * recorded (an article deleted, a page no longer made). Returns how many.
 */
export function removeUnbuiltPages(stagingDir: string, cacheDir: string, prefilled: PrefilledPages): number {
  if (prefilled.size === 0) return 0;
  const recorded = new Set(recordedPages(cacheDir) ?? []);
  let removed = 0;
  for (const [file, mtimeMs] of prefilled) {
    if (recorded.has(file)) continue;
    const now = statSync(path.join(stagingDir, file), { throwIfNoEntry: false });
    if (now && now.mtimeMs === mtimeMs) {
      removeFile(stagingDir, file);
      removed += 1;
    }
  }
  return removed;
}

/** Keeps the site a build replaced as the next build's staging folder (or deletes it, on another disk). */
export function keepForNextBuild(replacedDir: string, cacheDir: string): void {
  const previous = path.join(cacheDir, PREVIOUS_SITE);
  if (existsSync(previous)) moveAwayAndRemove(previous);
  try {
    renameSync(replacedDir, previous);
  } catch {
    // Another file system (EXDEV), or no cache folder: the next build copies what it needs.
    removeInBackground(replacedDir);
  }
}
