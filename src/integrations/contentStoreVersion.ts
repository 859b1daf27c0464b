/**
 * Astro integration: before the content is synced (dev and build), drops
 * Astro's content data store when the code that decides an article's data
 * changed since it was written (src/lib/contentStoreVersion-fs.ts). Astro
 * only notices changes to the config files' own text.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { contentCodeVersion, dropStaleContentStore } from '../lib/contentStoreVersion-fs.ts';

export default function contentStoreVersion(): AstroIntegration {
  return {
    name: 'archive-content-store-version',
    hooks: {
      // Runs before Astro opens the store: dev keeps it in .astro/, build and sync in cacheDir (astro/content/paths).
      'astro:config:setup': ({ command, config, logger }) => {
        if (command === 'preview') return;
        const storeDir = fileURLToPath(command === 'dev' ? new URL('.astro/', config.root) : config.cacheDir);
        if (dropStaleContentStore(storeDir, contentCodeVersion())) {
          logger.info('文章的数据代码已更改，重新读取全部文章 / the article data code changed: every article is read again');
        }
      },
    },
  };
}
