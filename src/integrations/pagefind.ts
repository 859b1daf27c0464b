/**
 * Astro integration for the search index (Pagefind files under /pagefind/).
 *
 * - Build: the index is written from the articles' visible texts, which the
 *   content sync stored (src/lib/search/searchSourcesLoader.ts).
 *   scripts/build.ts writes it itself once Astro's process has ended (so the
 *   index's memory never adds to Astro's); a plain `astro build` writes it
 *   here, once the pages are written.
 * - Dev: the index of the current content is built into the cache folder and
 *   served at <base>pagefind/, and rebuilt when an article changes.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { siteConfig, toolSettings } from '../config.ts';
import { buildSearchIndex } from '../lib/search/buildSearchIndex-fs.ts';
import { SEARCH_SOURCES_FILE } from '../lib/search/searchSources-fs.ts';
import { serveSearchIndex } from './serveSearchIndex.ts';

/** Set by scripts/build.ts when it builds the index itself. */
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
        serveSearchIndex(server, { basePath: siteConfig.basePath, cacheDir, logger });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (toolSettings.searchIndexExternal) return;
        const stats = await buildSearchIndex({
          sourcesFile: path.join(cacheDir, SEARCH_SOURCES_FILE),
          outDir: path.join(fileURLToPath(dir), 'pagefind'),
          cacheDir,
          maxFragments: siteConfig.searchMaxFragments,
        });
        logger.info(`检索索引：${stats.articles} 篇文章`);
      },
    },
  };
}
