/**
 * The build's content check, kept on disk between builds: an article whose
 * file (size, modification time) and image files are unchanged is not read or
 * checked again. On a 20,000-article archive the check took about 6 s of CPU
 * at every build, while Astro and the search index wanted both cores.
 *
 * The whole file is dropped when the checker's code or the installed
 * packages change (checkerVersion), so a new rule is never hidden by an old
 * result. A missing, unreadable or foreign file is an empty cache. Node-only.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CachedCheck } from './checkContent-fs.ts';

/** The cache file's name in the build's cache folder. */
export const CHECK_CACHE_FILE = 'content-check.json';

const libDir = path.resolve(import.meta.dirname, '..');
const lockFile = path.resolve(import.meta.dirname, '../../../package-lock.json');

/**
 * A hash of the checker: every TypeScript file under src/lib (the checks, the
 * article schema, the strings they print) and package-lock.json (the YAML
 * parser, zod, the encoding detector).
 */
export function checkerVersion(): string {
  const hash = createHash('sha256');
  const files = readdirSync(libDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .sort();
  for (const name of files) hash.update(`${name}\n`).update(readFileSync(path.join(libDir, name))).update('\0');
  if (existsSync(lockFile)) hash.update(readFileSync(lockFile));
  return hash.digest('hex').slice(0, 20);
}

interface CacheFile {
  version: string;
  entries: Array<[absolutePath: string, check: CachedCheck]>;
}

/** The cached checks, if the file was written by this checker (`version`: checkerVersion()). */
export function loadCheckCache(file: string, version: string): Map<string, CachedCheck> {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (parsed.version === version && Array.isArray(parsed.entries)) return new Map(parsed.entries);
  } catch {
    // No cache yet, or one this version cannot read: check everything.
  }
  return new Map();
}

/** Written under a temporary name and renamed, so a killed build leaves the old file or the new one. */
export function saveCheckCache(file: string, cache: Map<string, CachedCheck>, version: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, JSON.stringify({ version, entries: [...cache] } satisfies CacheFile));
  renameSync(temporary, file);
}
