/**
 * Keeps each block's postings (indexBlock.ts) between builds in
 * <cache>/search-blocks/, one file per block, named by a hash of the code
 * that makes the words and of the block's pages' text (buildSearchIndex-fs.ts
 * makes the key): a rebuild after one added article indexes the words of
 * its month only. No version to bump: a change to the code under
 * src/lib/search gives every block a new key. A file that cannot be read is
 * indexed again; blocks the last build did not use are deleted. Node-only.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeBlock, encodeBlock, type BlockPostings } from './indexBlock.ts';

const searchLibDir = import.meta.dirname;
const SUFFIX = '.block';

/**
 * A hash of the code and data under src/lib/search: normalisation and its
 * tables, the tokens, the record's text and the block encoding all live there.
 */
export function searchCodeVersion(): string {
  const hash = createHash('sha256');
  const files = readdirSync(searchLibDir, { recursive: true, encoding: 'utf8' }).sort();
  for (const name of files) {
    const file = path.join(searchLibDir, name);
    if (name.endsWith('.ts') || name.endsWith('.json')) hash.update(`${name}\n`).update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 20);
}

export class IndexBlockCache {
  private readonly dir: string;
  private readonly used = new Set<string>();
  /** Blocks read from the cache, and blocks indexed by this build. */
  reused = 0;
  indexed = 0;

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  /** The block stored under `key`, or the one `index()` makes (then stored). */
  block(key: string, index: () => BlockPostings): BlockPostings {
    const name = `${key}${SUFFIX}`;
    this.used.add(name);
    const file = path.join(this.dir, name);
    try {
      const block = decodeBlock(readFileSync(file));
      this.reused += 1;
      return block;
    } catch {
      // Not cached yet, or damaged: index the block.
    }
    const block = index();
    this.indexed += 1;
    // Written aside and renamed: a killed build leaves no half file under a key.
    const staging = `${file}.tmp-${process.pid}`;
    writeFileSync(staging, encodeBlock(block));
    renameSync(staging, file);
    return block;
  }

  /** Deletes the blocks this build did not use. */
  prune(): void {
    for (const name of readdirSync(this.dir)) {
      if (!this.used.has(name)) rmSync(path.join(this.dir, name), { force: true });
    }
  }
}
