/**
 * A rebuild of the search index compresses only files whose content is new
 * (src/lib/search/indexFileWrites-fs.ts): after one article is added, every
 * other article's fragment is linked from the cache, byte for byte the same,
 * and the cache keeps only what the last build used.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pagesBlock, writePagefindIndex, type IndexPage } from '../../../src/lib/search/writePagefindIndex-fs.ts';
import { recordWords } from '../../../src/lib/search/tokens.ts';

const root = mkdtempSync(path.join(tmpdir(), 'index-file-writes-'));
const runtimeDir = path.join(root, 'runtime');
mkdirSync(runtimeDir);
writeFileSync(path.join(runtimeDir, 'pagefind-entry.json'), JSON.stringify({ version: '1.6.0', languages: {}, include_characters: [] }));
const cacheDir = path.join(root, 'cache');

const page = (day: number): IndexPage => ({
  url: `/2022/01/${String(day).padStart(2, '0')}/a/`,
  words: recordWords(`标题${day}`, `第${day}天的正文，天气晴。`),
  meta: { title: `标题${day}`, date: `2022-01-${day}`, b: `第${day}天的正文，天气晴。` },
});
/** Oldest first, as the build writes them. */
const pages = (count: number) => [pagesBlock(Array.from({ length: count }, (_, i) => page(i + 1)))];
const fragments = (dir: string) => readdirSync(path.join(dir, 'fragment')).sort();

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('index file cache', () => {
  it('compresses everything the first time and nothing for the same pages', async () => {
    const first = await writePagefindIndex(pages(5), path.join(root, 'one'), { runtimeDir, cacheDir });
    expect(first.reused).toBe(0);
    const again = await writePagefindIndex(pages(5), path.join(root, 'two'), { runtimeDir, cacheDir });
    expect(again).toEqual({ written: 0, reused: first.written });
    for (const name of fragments(path.join(root, 'one'))) {
      expect(readFileSync(path.join(root, 'two', 'fragment', name))).toEqual(readFileSync(path.join(root, 'one', 'fragment', name)));
    }
  });

  it('reuses every old fragment after a newer article is added', async () => {
    const added = await writePagefindIndex(pages(6), path.join(root, 'three'), { runtimeDir, cacheDir });
    expect(fragments(path.join(root, 'three'))).toEqual([...fragments(path.join(root, 'two')), '5.pf_fragment'].sort());
    expect(added.reused).toBeGreaterThanOrEqual(5);
    // Only what the last build used stays in the cache.
    expect(readdirSync(cacheDir)).toHaveLength(added.written + added.reused);
  });
});
