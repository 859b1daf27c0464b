/**
 * Astro integration: builds the Pagefind search index once the pages are
 * written, so `npm run build` always ships a matching index.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as pagefind from 'pagefind';

export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'archive-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
        if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('; ')}`);
        const added = await index.addDirectory({ path: outDir });
        if (added.errors.length > 0) throw new Error(`Pagefind 索引出错：${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
        if (written.errors.length > 0) throw new Error(`Pagefind 写入出错：${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`检索索引：${added.page_count} 篇文章`);
      },
    },
  };
}
