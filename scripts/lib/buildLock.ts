/**
 * One build at a time per output folder. The build writes into a staging
 * folder whose name must be the same from one build to the next: Astro bakes
 * its `outDir` into the `astro:assets` module, and that module's code is part
 * of the dependency hash of every page that imports it (the article page does,
 * for getImage). A name with the process id in it changed that hash on every
 * build, so Astro's incremental cache restored no article page (issue #8).
 * With a fixed name, two builds into one folder would collide, hence the lock.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** True when a process with this id is running (signal 0 only checks). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<outDir>.lock` for this process, or returns the id of the running
 * build that holds it. A lock left by a build that died is taken over.
 */
export function takeBuildLock(outDir: string): { release: () => void } | { heldBy: number } {
  const lock = `${outDir}.lock`;
  mkdirSync(path.dirname(lock), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return { release: () => rmSync(lock, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lock, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) return { heldBy: holder };
      rmSync(lock, { force: true });
    }
  }
  throw new Error(`无法锁定 ${lock} / could not take the build lock ${lock}`);
}
