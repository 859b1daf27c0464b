/**
 * `npm run dev`: serves a search index of the current content at
 * <base>pagefind/. The index is built into the cache folder on the first
 * search and rebuilt when the articles' texts changed since: the content
 * sync rewrites them after an article changes (searchSourcesLoader.ts), and
 * their file's time is checked, cheaply, each time a page loads pagefind.js.
 * Drafts are indexed too, as the dev preview shows them.
 */
import type { AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { readFile, stat } from 'node:fs/promises';
import { statSync } from 'node:fs';
import path from 'node:path';
import { buildSearchIndex } from '../lib/search/buildSearchIndex-fs.ts';
import { SEARCH_SOURCES_FILE } from '../lib/search/searchSources-fs.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

interface Options {
  basePath: string;
  cacheDir: string;
  logger: AstroIntegrationLogger;
}

function fingerprint(file: string): string {
  return String(statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? '');
}

export function serveSearchIndex(server: ViteDevServer, options: Options): void {
  const outDir = path.join(options.cacheDir, 'search-dev', 'pagefind');
  const prefix = `${options.basePath}pagefind/`;
  /** The sources file's fingerprint the served index was built from. */
  let built: string | undefined;
  let building: Promise<void> | undefined;

  const sourcesFile = path.join(options.cacheDir, SEARCH_SOURCES_FILE);
  const ensureIndex = async () => {
    const current = fingerprint(sourcesFile);
    if (current === built) return;
    building ??= buildSearchIndex({ sourcesFile, outDir, cacheDir: options.cacheDir, includeDrafts: true })
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
      if (rest === 'pagefind.js' || built === undefined) await ensureIndex();
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
