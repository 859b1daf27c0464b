/**
 * Astro integration for the search index (Pagefind files under /pagefind/).
 *
 * - Build: the index is built from the Markdown sources, not from the pages,
 *   by src/build/searchIndexProcess.ts, which scripts/build.ts runs in its own
 *   process while Astro renders. A plain `astro build` (without the script)
 *   builds it here instead, once the pages are written.
 * - Dev: the index of the current content is built into the cache folder and
 *   served at <base>pagefind/, and rebuilt when an article changes.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { siteConfig, toolSettings } from '../config.ts';
import { buildSearchIndex } from '../lib/search/buildSearchIndex-fs.ts';
import { serveSearchIndex } from './serveSearchIndex.ts';

/** Set by scripts/build.ts when it builds the index itself, in parallel. */
export const EXTERNAL_INDEX_ENV = 'ARCHIVE_SEARCH_INDEX_EXTERNAL';

export default function pagefindIndex(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'archive-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:server:setup': ({ server, logger }) => {
        serveSearchIndex(server, { contentDir: siteConfig.contentDir, basePath: siteConfig.basePath, cacheDir, logger });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (toolSettings.searchIndexExternal) return;
        const outDir = fileURLToPath(dir);
        const stats = await buildSearchIndex({
          contentDir: siteConfig.contentDir,
          outDir: path.join(outDir, 'pagefind'),
          cacheDir: path.join(cacheDir, 'search-index'),
        });
        logger.info(`检索索引：${stats.articles} 篇文章`);
      },
    },
  };
}
