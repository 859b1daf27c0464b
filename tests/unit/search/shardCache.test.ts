/**
 * The shard cache (src/lib/search/pruneShardCache-fs.ts): an edit makes a
 * new shard, an undone edit reuses the old one, and old shards and dead
 * half-written folders are removed so the cache does not grow with every edit.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../src/lib/search/buildSearchIndex-fs.ts';

const root = mkdtempSync(path.join(tmpdir(), 'shard-cache-'));
const content = path.join(root, 'content');
const cacheDir = path.join(root, 'cache');
const outDir = path.join(root, 'dist', 'pagefind');
const edited = path.join(content, '2022-03-01', 'story.md');

function writeStory(file: string, date: string, text: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `---\ntitle: 报道\ndate: ${date}\n---\n\n${text}\n`);
}
const build = () => buildSearchIndex({ contentDir: content, outDir, cacheDir, shardArticles: 4 });
const cached = () => readdirSync(cacheDir).sort();

beforeAll(() => {
  for (let n = 0; n < 11; n += 1) {
    const date = `2021-0${1 + (n % 9)}-1${n % 10}`;
    writeStory(path.join(content, date, `story-${n}.md`), date, `茂名第${n}条新闻。`);
  }
  writeStory(edited, '2022-03-01', '原文。');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('search shard cache', () => {
  it('reuses every shard when nothing changed, and the old shard when an edit is undone', async () => {
    expect((await build()).reused).toBe(0);
    const first = cached();
    expect(first).toHaveLength(3);
    expect((await build()).reused).toBe(3);
    writeStory(edited, '2022-03-01', '改过的正文。');
    expect((await build()).reused).toBe(2);
    expect(cached()).toHaveLength(4);
    writeStory(edited, '2022-03-01', '原文。');
    expect((await build()).reused).toBe(3);
    expect(cached()).toEqual(expect.arrayContaining(first));
  });

  it('keeps the used shards and the most recently used others, and no more', async () => {
    const before = cached();
    for (let edit = 1; edit <= 8; edit += 1) {
      writeStory(edited, '2022-03-01', `第${edit}次修改。`);
      await build();
      // 3 shards in use, and at least 4 unused ones (pruneShardCache-fs.ts).
      expect(cached().length).toBeLessThanOrEqual(3 + 4);
    }
    const after = cached();
    expect(after).toHaveLength(7);
    // The shards of the unchanged articles are still there; the oldest versions of the edited one are gone.
    expect(before.filter((name) => after.includes(name)).length).toBeGreaterThanOrEqual(2);
    expect(before.filter((name) => !after.includes(name)).length).toBeGreaterThanOrEqual(1);
  });

  it('removes half-written shards of ended processes only', async () => {
    const ended = spawnSync(process.execPath, ['-e', '0']).pid;
    const dead = path.join(cacheDir, `${'a'.repeat(20)}.tmp-${ended}-0`);
    const live = path.join(cacheDir, `${'b'.repeat(20)}.tmp-${process.pid}-0`);
    mkdirSync(dead, { recursive: true });
    mkdirSync(live, { recursive: true });
    await build();
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});
