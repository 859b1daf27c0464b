/**
 * Writes the index's files (each gzip("pagefind_dcd" + content)) in the
 * background, and keeps every file it compressed in a cache folder named by
 * a hash of its content: a rebuild links the files whose content it has
 * written before (nearly every fragment when one article was added) instead
 * of compressing them again. No version to bump: the key is the content
 * itself and the compression level. Node-only.
 *
 * gzip runs on libuv's threads, so the second core compresses while the
 * first builds the next file, and the many small files (a fragment per
 * article) are not written one blocking call after another.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

const gzip = promisify(gzipCallback);
const SIGNATURE = Buffer.from('pagefind_dcd');
/** Files compressed and written at once, at most this many at a time. */
const WRITES_IN_FLIGHT = 32;

/** A hard link: the cached file is never changed (its name is its content); a copy where links are not possible. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

export class IndexFileWrites {
  private readonly pending = new Set<Promise<void>>();
  private readonly used = new Set<string>();
  /** Files compressed in this build, and files linked from the cache. */
  written = 0;
  reused = 0;

  /** Where compressed files are kept between builds; none when undefined. */
  private readonly cacheDir: string | undefined;

  constructor(cacheDir?: string) {
    this.cacheDir = cacheDir;
    if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  }

  /** Queues gzip(signature + content) to `file`; waits while too many writes are under way. */
  async add(file: string, content: Uint8Array | string, level = 6): Promise<void> {
    const data = Buffer.concat([SIGNATURE, typeof content === 'string' ? Buffer.from(content) : content]);
    const cached = this.cacheDir && path.join(this.cacheDir, `${createHash('sha256').update(data).update(`\0${level}`).digest('hex').slice(0, 32)}.gz`);
    if (cached) {
      this.used.add(path.basename(cached));
      if (existsSync(cached)) {
        linkOrCopy(cached, file);
        this.reused += 1;
        return;
      }
    }
    const task: Promise<void> = gzip(data, { level })
      .then(async (bytes) => {
        if (!cached) return writeFile(file, bytes);
        // Written aside and renamed by the link: a killed build leaves no half file under a content name.
        const staging = `${cached}.tmp-${process.pid}`;
        await writeFile(staging, bytes);
        linkSync(staging, cached);
        rmSync(staging);
        linkOrCopy(cached, file);
      })
      .finally(() => this.pending.delete(task));
    this.written += 1;
    this.pending.add(task);
    if (this.pending.size >= WRITES_IN_FLIGHT) await Promise.race(this.pending);
  }

  /** Waits for every queued write, then drops cached files this build did not use. */
  async done(): Promise<void> {
    await Promise.all(this.pending);
    if (!this.cacheDir) return;
    for (const name of readdirSync(this.cacheDir)) {
      if (!this.used.has(name)) rmSync(path.join(this.cacheDir, name), { force: true });
    }
  }
}
