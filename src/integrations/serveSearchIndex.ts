/**
 * `npm run dev`: serves a search index of the current content at
 * <base>pagefind/. The index is built into the cache folder on the first
 * search and rebuilt when a Markdown file was added, removed or changed since
 * (checked, cheaply, each time a page loads pagefind.js). Drafts are indexed
 * too, as the dev preview shows them.
 */
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { readFile, stat } from 'node:fs/promises';
import { statSync } from 'node:fs';
import path from 'node:path';
import { listArticleFiles } from '../lib/articleFiles-fs.ts';
import { buildSearchIndex } from '../lib/search/buildSearchIndex-fs.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

interface Options {
  contentDir: string;
  basePath: string;
  cacheDir: string;
  logger: AstroIntegrationLogger;
}

function fingerprint(contentDir: string): string {
  return listArticleFiles(contentDir)
    .map((name) => `${name}:${statSync(path.join(contentDir, name)).mtimeMs}`)
    .join('\n');
}

export function serveSearchIndex(server: ViteDevServer, options: Options): void {
  const outDir = path.join(options.cacheDir, 'search-dev', 'pagefind');
  const prefix = `${options.basePath}pagefind/`;
  let built = '';
  let building: Promise<void> | undefined;

  const ensureIndex = async () => {
    const current = fingerprint(path.resolve(options.contentDir));
    if (current === built) return;
    building ??= buildSearchIndex({
      contentDir: options.contentDir,
      outDir,
      cacheDir: path.join(options.cacheDir, 'search-index'),
      includeDrafts: true,
      skipInvalid: true,
    })
      .then((stats) => {
        built = current;
        options.logger.info(`检索索引（开发）：${stats.articles} 篇文章`);
      })
      .finally(() => {
        building = undefined;
      });
    await building;
  };

  server.middlewares.use(async (request, response, next) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    // Astro's dev server may already have taken the base path off the URL.
    const rest = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname.startsWith('/pagefind/') ? pathname.slice(10) : undefined;
    if (rest === undefined) return next();
    try {
      if (rest === 'pagefind.js' || built === '') await ensureIndex();
      const file = path.join(outDir, rest);
      if (!file.startsWith(outDir) || !(await stat(file).catch(() => undefined))?.isFile()) return next();
      response.setHeader('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
      response.setHeader('cache-control', 'no-store');
      response.end(await readFile(file));
    } catch (error) {
      options.logger.error(`检索索引（开发）出错：${String(error)}`);
      next();
    }
  });
}
