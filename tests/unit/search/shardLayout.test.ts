/**
 * The index's layout on disk: several shards become one merged index the
 * browser loads alone; with maxFragments (hosts with a file-count limit) the
 * shards stay apart and shards.json lists them for the browser to merge.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
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

type Hit = [number, number[], number[]];
type Word = [string, Hit[], unknown[]];

/** Every word of a Pagefind index with its pages (absolute numbers), positions and extra data, in chunk order. */
function indexWords(dir: string): Word[] {
  const read = (file: string) => decode(gunzipSync(readFileSync(file)).subarray('pagefind_dcd'.length)) as unknown[];
  const metaFile = readdirSync(dir).find((name) => name.endsWith('.pf_meta'))!;
  const chunks = read(path.join(dir, metaFile))[2] as [string, string, string][];
  return chunks.flatMap(([, , id]) =>
    (read(path.join(dir, 'index', `${id}.pf_index`))[0] as Word[]).map(([word, hits, extra]): Word => {
      let page = 0;
      return [word, hits.map(([delta, positions, meta]): Hit => [(page += delta), positions, meta]), extra];
    }),
  );
}

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

  it('merges into the same words, pages and positions as one index of all articles', async () => {
    const merged = path.join(root, 'merged-words', 'pagefind');
    const single = path.join(root, 'single', 'pagefind');
    await buildSearchIndex({ contentDir: content, outDir: merged, shardArticles: 4 });
    await buildSearchIndex({ contentDir: content, outDir: single, shardArticles: ARTICLES });
    const words = indexWords(merged);
    expect(words.length).toBeGreaterThan(40);
    // Words seen in more than one shard had their page lists joined.
    expect(words.some(([, hits]) => hits.length > 4)).toBe(true);
    expect(words).toEqual(indexWords(single));
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
