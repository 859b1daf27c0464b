/**
 * One Astro process at a time per project folder.
 *
 * Astro writes the content layer's generated modules into the project's own
 * `.astro/` folder, whatever `cacheDir` says: `content-assets.mjs` lists the
 * images that articles import. Two Astro processes in one folder at once (two
 * builds of different content folders, or a build beside the dev server of the
 * tests) overwrite each other's file, and a build can then bundle the other
 * one's image list and fail with `LocalImageUsedWrongly` on a cover photo.
 * The build also stages into fixed folder names (dist.tmp: see build.ts).
 * So every build takes this lock and waits while another build holds it.
 *
 * The lock is a folder (mkdir is atomic) holding the owner's pid; a lock whose
 * owner has died is taken over, so a killed build never blocks the next one.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { processIsAlive } from '../lib/processIsAlive.ts';

const POLL_MS = 200;

/** The lock folder of the project at `root` (ignored by git). */
export const lockPath = (root = process.cwd()) => path.join(root, '.astro.lock');

function ownerAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(path.join(lock, 'pid'), 'utf8'), 10);
  } catch {
    // Folder made but no pid yet: its owner is starting right now, unless the
    // folder is old (the owner died between the two steps).
    try {
      return Date.now() - statSync(lock).mtimeMs < 10_000;
    } catch {
      return false;
    }
  }
  return processIsAlive(pid);
}

function tryTake(lock: string, pid: number): boolean {
  try {
    mkdirSync(lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (ownerAlive(lock)) return false;
    rmSync(lock, { recursive: true, force: true });
    return tryTake(lock, pid);
  }
  writeFileSync(path.join(lock, 'pid'), String(pid));
  return true;
}

export interface AstroFolderLock {
  release(): void;
}

/**
 * Waits until this process holds the project's Astro lock. `onWait` is called
 * once if another run holds it, so the caller can say why nothing happens.
 * The lock is released by `release()` or when the process exits.
 */
export async function takeAstroFolderLock(options: { root?: string; pid?: number; onWait?: () => void } = {}): Promise<AstroFolderLock> {
  const lock = lockPath(options.root);
  const pid = options.pid ?? process.pid;
  let told = false;
  while (!tryTake(lock, pid)) {
    if (!told) options.onWait?.();
    told = true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    rmSync(lock, { recursive: true, force: true });
  };
  process.on('exit', release);
  return { release };
}
