/**
 * Astro's content data store is dropped when the code that decides an
 * article's data changed since it was written (src/lib/contentStoreVersion-fs.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STORE_VERSION_FILE, contentCodeVersion, dropStaleContentStore } from '../../src/lib/contentStoreVersion-fs.ts';

const root = mkdtempSync(path.join(tmpdir(), 'content-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function storeDir(name: string, version?: string): string {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, 'data-store'), { recursive: true });
  writeFileSync(path.join(dir, 'data-store.json'), '{}');
  if (version) writeFileSync(path.join(dir, STORE_VERSION_FILE), `${version}\n`);
  return dir;
}

describe('content data store version', () => {
  it('keeps a store written by the same code', () => {
    const dir = storeDir('same', 'abc');
    expect(dropStaleContentStore(dir, 'abc')).toBe(false);
    expect(existsSync(path.join(dir, 'data-store.json'))).toBe(true);
  });

  it('drops a store written by other code, or by unknown code, and records the version', () => {
    for (const dir of [storeDir('other', 'abc'), storeDir('unknown')]) {
      expect(dropStaleContentStore(dir, 'def')).toBe(true);
      expect(existsSync(path.join(dir, 'data-store.json'))).toBe(false);
      expect(existsSync(path.join(dir, 'data-store'))).toBe(false);
      expect(readFileSync(path.join(dir, STORE_VERSION_FILE), 'utf8').trim()).toBe('def');
      // The next start with the same code keeps what Astro writes then.
      writeFileSync(path.join(dir, 'data-store.json'), '{}');
      expect(dropStaleContentStore(dir, 'def')).toBe(false);
    }
  });

  it('starts a cache folder that does not exist yet', () => {
    const dir = path.join(root, 'new', 'cache');
    expect(dropStaleContentStore(dir, 'abc')).toBe(false);
    expect(readFileSync(path.join(dir, STORE_VERSION_FILE), 'utf8').trim()).toBe('abc');
  });

  it('hashes the code the same way each time', () => {
    expect(contentCodeVersion()).toMatch(/^[0-9a-f]{20}$/);
    expect(contentCodeVersion()).toBe(contentCodeVersion());
  });
});
