/**
 * The content check's cache (in memory for the dev server, on disk for the
 * build): an unchanged article keeps its result, but a changed file, an image
 * that appears or disappears, a deleted file or a new checker version are
 * never answered from it.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContentDir, type CachedCheck } from '../../src/lib/contentCheck/checkContent-fs.ts';
import { checkerVersion, loadCheckCache, saveCheckCache } from '../../src/lib/contentCheck/checkCache-fs.ts';

let root: string;
let content: string;
const article = (name: string, text: string) => writeFileSync(path.join(content, name), text);
const codes = (cache: Map<string, CachedCheck>) => checkContentDir(content, { root, cache, today: '2024-01-01' }).problems.map((p) => `${path.basename(p.file)} ${p.code}`);

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'check-cache-'));
  content = path.join(root, 'articles');
  mkdirSync(content);
  article('photo.md', '---\ntitle: 图片报道\ndate: 2023-05-01\n---\n\n![码头](./dock.jpg)\n');
  article('plain.md', '---\ntitle: 简讯\ndate: 2023-05-02\n---\n\n正文。\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('content check cache', () => {
  it('reuses the result of an unchanged file', () => {
    const cache = new Map<string, CachedCheck>();
    expect(codes(cache)).toEqual(['photo.md missing-image']);
    const first = cache.get(path.join(content, 'plain.md'));
    codes(cache);
    expect(cache.get(path.join(content, 'plain.md'))).toBe(first);
  });

  it('checks again when the file changes, even at the same size', () => {
    const cache = new Map<string, CachedCheck>();
    codes(cache);
    const file = path.join(content, 'plain.md');
    article('plain.md', '---\ntitle: 简讯\ndate: 2099-05-02\n---\n\n正文。\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(codes(cache)).toContain('plain.md future-date');
  });

  it('checks again when a referenced image appears or disappears', () => {
    const cache = new Map<string, CachedCheck>();
    expect(codes(cache)).toEqual(['photo.md missing-image']);
    writeFileSync(path.join(content, 'dock.jpg'), 'not really a photo');
    expect(codes(cache)).toEqual([]);
    rmSync(path.join(content, 'dock.jpg'));
    expect(codes(cache)).toEqual(['photo.md missing-image']);
  });

  it('forgets deleted files', () => {
    const cache = new Map<string, CachedCheck>();
    codes(cache);
    rmSync(path.join(content, 'plain.md'));
    codes(cache);
    expect([...cache.keys()].map((key) => path.basename(key))).toEqual(['photo.md']);
  });

  it('keeps results on disk for the next build, for the same checker only', () => {
    const file = path.join(root, 'cache', 'content-check.json');
    const cache = new Map<string, CachedCheck>();
    const before = codes(cache);
    saveCheckCache(file, cache, 'v1');
    const loaded = loadCheckCache(file, 'v1');
    expect(loaded).toEqual(cache);
    expect(codes(loaded)).toEqual(before);
    expect(loadCheckCache(file, 'v2').size).toBe(0);
    expect(loadCheckCache(path.join(root, 'missing.json'), 'v1').size).toBe(0);
  });

  it("names the checker's code by a hash of it", () => {
    expect(checkerVersion()).toMatch(/^[0-9a-f]{20}$/);
    expect(checkerVersion()).toBe(checkerVersion());
  });
});
