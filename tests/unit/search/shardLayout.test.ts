/**
 * The index's layout on disk: several shards become one merged index the
 * browser loads alone; with maxFragments (hosts with a file-count limit) the
 * shards stay apart and shards.json lists them for the browser to merge.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../src/lib/search/buildSearchIndex-fs.ts';

const root = mkdtempSync(path.join(tmpdir(), 'shard-layout-'));
const content = path.join(root, 'content');
const ARTICLES = 12;

beforeAll(() => {
  for (let n = 0; n < ARTICLES; n += 1) {
    const date = `${2020 + (n % 3)}-0${1 + (n % 9)}-1${n % 10}`;
    mkdirSync(path.join(content, date), { recursive: true });
    writeFileSync(path.join(content, date, `story-${n}.md`), `---\ntitle: 第${n}篇报道\ndate: ${date}\n---\n\n茂名市第${n}条新闻的正文。\n`);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const json = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const entryPageCount = (dir: string) => Object.values((json(path.join(dir, 'pagefind-entry.json')) as { languages: Record<string, { page_count: number }> }).languages)[0]!.page_count;

describe('search index layout', () => {
  it('merges the shards into one index', async () => {
    const outDir = path.join(root, 'merged', 'pagefind');
    const stats = await buildSearchIndex({ contentDir: content, outDir, cacheDir: path.join(root, 'cache'), shardArticles: 4 });
    expect(stats.shards).toBe(3);
    expect(json(path.join(outDir, 'shards.json'))).toEqual(['merged']);
    expect(existsSync(path.join(outDir, 'shards'))).toBe(false);
    expect(entryPageCount(outDir)).toBe(ARTICLES);
    expect(readdirSync(path.join(outDir, 'fragment'))).toHaveLength(ARTICLES);
  });

  it('keeps the shards apart with maxFragments', async () => {
    const outDir = path.join(root, 'bundled', 'pagefind');
    await buildSearchIndex({ contentDir: content, outDir, shardArticles: 4, maxFragments: 2 });
    const names = json(path.join(outDir, 'shards.json')) as string[];
    expect(names).toHaveLength(3);
    for (const name of names.slice(1)) expect(entryPageCount(path.join(outDir, 'shards', name))).toBe(4);
    expect(entryPageCount(outDir)).toBe(4);
  });
});
