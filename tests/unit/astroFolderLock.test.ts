/**
 * Two Astro runs in one project folder overwrite each other's .astro/
 * modules (a CI build once bundled another build's image list); the folder
 * lock makes the second run wait, and a lock left by a dead process is taken over.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockPath, takeAstroFolderLock } from '../../src/build/astroFolderLock.ts';

const roots: string[] = [];
const tempRoot = () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'astro-lock-'));
  roots.push(root);
  return root;
};
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('the Astro folder lock', () => {
  it('makes a second taker wait until the first releases', async () => {
    const root = tempRoot();
    const first = await takeAstroFolderLock({ root });
    let waited = false;
    let secondHolds = false;
    const second = takeAstroFolderLock({ root, pid: process.pid, onWait: () => (waited = true) }).then((lock) => {
      secondHolds = true;
      return lock;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(waited).toBe(true);
    expect(secondHolds).toBe(false);
    first.release();
    const lock = await second;
    expect(secondHolds).toBe(true);
    lock.release();
    expect(existsSync(lockPath(root))).toBe(false);
  });

  it('takes over a lock whose owner has died', async () => {
    const root = tempRoot();
    // A pid that surely is not running: a child that has already exited.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    mkdirSync(lockPath(root));
    writeFileSync(path.join(lockPath(root), 'pid'), String(dead));
    let waited = false;
    const lock = await takeAstroFolderLock({ root, onWait: () => (waited = true) });
    expect(waited).toBe(false);
    expect(readFileSync(path.join(lockPath(root), 'pid'), 'utf8')).toBe(String(process.pid));
    lock.release();
  });
});
