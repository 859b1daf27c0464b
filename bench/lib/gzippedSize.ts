/**
 * What a static host that gzips text would send for a served file: the
 * benchmarks count cold-search bytes both as served by the test server (no
 * HTTP compression) and like this. Pagefind's index files are gzipped already
 * and count as they are.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Text types a host compresses (the bench-search figures in docs/performance.md use exactly these). */
const TEXT = /\.(html|css|js|json)$|\/$/;

/** Returns a function giving the gzipped size of a URL path under `distDir`, each file compressed once. */
export function gzippedSizeOf(distDir: string): (urlPath: string, bytes: number) => number {
  const sizes = new Map<string, number>();
  return (urlPath, bytes) => {
    if (!TEXT.test(urlPath)) return bytes;
    let size = sizes.get(urlPath);
    if (size === undefined) {
      const file = path.join(distDir, decodeURIComponent(urlPath), urlPath.endsWith('/') ? 'index.html' : '');
      size = gzipSync(readFileSync(file)).length;
      sizes.set(urlPath, size);
    }
    return size;
  };
}
