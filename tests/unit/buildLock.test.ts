/** The build lock keeps two builds out of one fixed staging folder, and never outlives a dead build. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { takeBuildLock } from '../../scripts/lib/buildLock.ts';

const outDir = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'build-lock-')), 'dist');

describe('takeBuildLock', () => {
  it('is taken once and can be taken again after release', () => {
    const dir = outDir();
    const lock = takeBuildLock(dir);
    if (!('release' in lock)) throw new Error('lock not taken');
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    lock.release();
    expect('release' in takeBuildLock(dir)).toBe(true);
  });

  it('reports a running build that holds the lock', () => {
    const dir = outDir();
    // The parent process (vitest's runner) is alive and is not us.
    writeFileSync(`${dir}.lock`, String(process.ppid));
    expect(takeBuildLock(dir)).toEqual({ heldBy: process.ppid });
  });

  it('takes over a lock left by a build that died', () => {
    const dir = outDir();
    writeFileSync(`${dir}.lock`, '2147483646');
    expect('release' in takeBuildLock(dir)).toBe(true);
  });
});
