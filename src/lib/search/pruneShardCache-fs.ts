/**
 * Keeps the search index's shard cache from growing without end. Every
 * edited article gives its shard a new content hash, so each build can
 * leave a shard folder behind: about 16 MB on disk for 2,500 articles.
 * Node-only.
 *
 * What stays: the shards this build used, and as many of the most recently
 * used others (a draft shown by `npm run dev`, an edit that is undone), so
 * switching back and forth still reuses them. Half-written folders
 * (<hash>.tmp-<pid>-<n>) go once the process that wrote them has ended.
 */
import { readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { processIsAlive } from '../processIsAlive.ts';

const SHARD_NAME = /^[0-9a-f]{20}$/;
const PARTIAL_NAME = /^[0-9a-f]{20}\.tmp-(\d+)-\d+$/;

/** Marks a shard folder as used now: the folder's mtime is its last use. */
export function markShardUsed(folder: string): void {
  const now = new Date();
  utimesSync(folder, now, now);
}

/** Removes the shards not in `used` beyond the `keepUnused` most recently used, and dead partial folders. */
export function pruneShardCache(cacheDir: string, used: ReadonlySet<string>, keepUnused: number): string[] {
  let names: string[];
  try {
    names = readdirSync(cacheDir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  const unused = names
    .filter((name) => SHARD_NAME.test(name) && !used.has(path.join(cacheDir, name)))
    .map((name) => ({ name, usedAt: statSync(path.join(cacheDir, name)).mtimeMs }))
    .sort((a, b) => b.usedAt - a.usedAt);
  for (const { name } of unused.slice(keepUnused)) removed.push(name);
  for (const name of names) {
    const partial = PARTIAL_NAME.exec(name);
    if (partial && !processIsAlive(Number(partial[1]))) removed.push(name);
  }
  for (const name of removed) rmSync(path.join(cacheDir, name), { recursive: true, force: true });
  return removed;
}
