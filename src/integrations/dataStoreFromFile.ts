/**
 * Astro integration, build only: the server code reads Astro's content data
 * store from its file when the pages are rendered, instead of carrying it.
 *
 * Astro bundles the whole store (every article's data and HTML) into the
 * server code as one string literal, so Vite's build grows with the archive
 * and runs again on every rebuild (docs/performance.md, "The data store
 * outside the server bundle"). This module is the same value: the file
 * Astro has just written in cacheDir, parsed when the pages phase imports
 * it. A static build renders its pages in the same run and deletes the
 * server code after, so the path is never read anywhere else. The dev
 * server keeps Astro's own module, which it reloads as articles change.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { CONTENT_DATA_MODULE_META, DATA_STORE_MODULE_ID, DATA_STORE_NAMES } from '../lib/astroInternals.ts';

/** The module's code for a store file at `storeFile` (an absolute path). */
export function dataStoreModuleCode(storeFile: string): string {
  return [
    "import { existsSync, readFileSync } from 'node:fs';",
    `const file = ${JSON.stringify(storeFile)};`,
    // What Astro's module holds when no store was written: an empty store.
    "export default existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : new Map();",
  ].join('\n');
}

export default function dataStoreFromFile(): AstroIntegration {
  return {
    name: 'archive-data-store-from-file',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        // Astro's chunked storage is a manifest of chunk modules, another shape: left to Astro.
        if (config.experimental.collectionStorage !== undefined && config.experimental.collectionStorage !== 'single-file') return;
        const storeFile = fileURLToPath(new URL(DATA_STORE_NAMES[0], config.cacheDir));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'archive-data-store-from-file',
                // Astro's own plugin answers the module's load first (it comes earlier in
                // Vite's list), so its code is replaced here, before any other plugin or the
                // bundler parses the literal.
                enforce: 'pre',
                transform(_code, id) {
                  if (id !== DATA_STORE_MODULE_ID) return null;
                  return { code: dataStoreModuleCode(storeFile), map: { mappings: '' }, meta: CONTENT_DATA_MODULE_META };
                },
              },
            ],
          },
        });
      },
    },
  };
}
