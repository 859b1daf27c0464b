/**
 * Pagefind's browser runtime (pagefind.js, its worker, its wasm, the UI
 * bundles) and the entry file's fixed part (version, include_characters),
 * as the pinned Pagefind writes them: Pagefind's own indexer writes an empty
 * index once per Pagefind version into the cache folder, and every build
 * copies the runtime from there (writePagefindIndex-fs.ts writes the rest).
 * So the search page always runs the runtime of the Pagefind version in
 * package-lock.json, and no file of it is kept in this repository. Node-only.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** The Pagefind version in node_modules (package.json pins it). */
export function pagefindVersion(): string {
  // The package exports no package.json; its entry is lib/index.js.
  const entry = fileURLToPath(import.meta.resolve('pagefind'));
  return (JSON.parse(readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** The folder holding the runtime of the installed Pagefind, written on first use. */
export async function pagefindRuntime(cacheDir: string): Promise<string> {
  const dir = path.join(cacheDir, 'pagefind-runtime', pagefindVersion());
  if (existsSync(path.join(dir, 'pagefind-entry.json'))) return dir;
  const staging = `${dir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'und' });
  if (!index) throw new Error(`Pagefind 无法创建索引 / Pagefind could not start: ${errors.join('; ')}`);
  try {
    const written = await index.writeFiles({ outputPath: staging });
    if (written.errors.length > 0) throw new Error(`Pagefind 写入出错 / Pagefind failed to write: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  // Only the runtime and the entry file; the empty index's own files go.
  rmSync(path.join(staging, 'index'), { recursive: true, force: true });
  rmSync(path.join(staging, 'fragment'), { recursive: true, force: true });
  for (const name of readdirSync(staging)) {
    if (name.endsWith('.pf_meta')) rmSync(path.join(staging, name));
  }
  mkdirSync(path.dirname(dir), { recursive: true });
  try {
    renameSync(staging, dir);
  } catch (error) {
    // Another build wrote it meanwhile: the same files.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(path.join(dir, 'pagefind-entry.json'))) throw error;
  }
  return dir;
}
