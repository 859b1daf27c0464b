/**
 * Astro keeps every article's validated frontmatter and rendered HTML in its
 * content data store (data-store.json) and reads an article again only when
 * its file changes. It drops the store when the text of src/content.config.ts
 * or astro.config changes, but not when the code they import changes: the
 * schema (src/lib/articleSchema.ts), the loaders, the Markdown plugins
 * (src/plugins), the site settings or the packages. After such a change every
 * unedited article kept its old data until `--full`: a reporter listed twice
 * stayed twice on the built site after the schema learned to keep one.
 *
 * So the code that decides an article's data is hashed, the hash is kept
 * beside the store, and a store written by other code is removed before
 * Astro reads it. Node-only.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkerVersion } from './contentCheck/checkCache-fs.ts';
import { DATA_STORE_NAMES as STORE_NAMES } from './astroInternals.ts';

const srcDir = path.resolve(import.meta.dirname, '..');
/** The hash of the code that wrote the store, kept beside it. */
export const STORE_VERSION_FILE = 'content-store-version.txt';

/**
 * A hash of the code behind each article's data: checkerVersion (every .ts
 * under src/lib, package-lock.json), the Markdown plugins, the content and
 * site configuration.
 */
export function contentCodeVersion(): string {
  const hash = createHash('sha256').update(checkerVersion());
  const plugins = readdirSync(path.join(srcDir, 'plugins'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
  const files = [...plugins.sort().map((name) => path.join('plugins', name)), 'content.config.ts', 'config.ts'];
  for (const name of files) hash.update(`${name}\n`).update(readFileSync(path.join(srcDir, name))).update('\0');
  return hash.digest('hex').slice(0, 20);
}

/**
 * Removes Astro's data store in `storeDir` unless it was written by code of
 * `version`, and records `version`. A store with no recorded version is
 * removed too: nothing says which code wrote it. True when a store was removed.
 */
export function dropStaleContentStore(storeDir: string, version: string): boolean {
  const versionFile = path.join(storeDir, STORE_VERSION_FILE);
  const recorded = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim() : undefined;
  let dropped = false;
  if (recorded !== version) {
    for (const name of STORE_NAMES) {
      const store = path.join(storeDir, name);
      if (!existsSync(store)) continue;
      rmSync(store, { recursive: true, force: true });
      dropped = true;
    }
  }
  mkdirSync(storeDir, { recursive: true });
  writeFileSync(versionFile, `${version}\n`);
  return dropped;
}
