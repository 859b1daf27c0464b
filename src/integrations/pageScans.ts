/**
 * Astro integration: publishes the printed pages' images (tiles, info.json,
 * preview, crops) with src/lib/scans/scanImages-fs.ts. In the build after
 * Astro has written the pages; in `npm run dev` on the first request for a
 * scan file, into the cache folder, so the editor's preview shows the viewer
 * as readers will see it.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteConfig } from '../config.ts';
import { loadArticleSources } from '../lib/articleSources-fs.ts';
import { readPages } from '../lib/scans/readPages-fs.ts';
import { publishPageScan, type PublishedScan } from '../lib/scans/scanImages-fs.ts';

const TYPES: Record<string, string> = { '.json': 'application/json', '.jpg': 'image/jpeg' };

/** Publishes every page that has a scan or a reconstruction; page problems are the content check's to report. */
async function publishAll(outDir: string, cacheDir: string, dev: boolean): Promise<PublishedScan[]> {
  const { pages } = readPages(siteConfig.pagesDir);
  if (pages.length === 0) return [];
  const articles = loadArticleSources(path.resolve(siteConfig.contentDir), { includeDrafts: dev, skipInvalid: true });
  const options = { outDir, cacheRoot: path.join(cacheDir, 'page-tiles'), siteBaseUrl: `${siteConfig.siteUrl}${siteConfig.basePath}` };
  const published: PublishedScan[] = [];
  for (const page of pages) {
    // A broken scan is the content check's to report, and the build has
    // stopped on it before this; in dev the other pages keep their viewer.
    const publishing = publishPageScan(page, articles, options);
    const result = dev
      ? await publishing.catch((error: unknown) => {
          console.error(`${page.file}：版面图未能生成（${String(error)}），请运行 npm run check:content 查看原因。`);
          return undefined;
        })
      : await publishing;
    if (result) published.push(result);
  }
  return published;
}

function report(logger: AstroIntegrationLogger, published: PublishedScan[], started: number): void {
  if (published.length === 0) return;
  const cached = published.filter((item) => item.cached).length;
  logger.info(`版面图：${published.length} 版（${cached} 版取自缓存），${Math.round(performance.now() - started)} ms`);
}

export default function pageScans(): AstroIntegration {
  let cacheDir = '';
  return {
    name: 'archive-page-scans',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        report(logger, await publishAll(fileURLToPath(dir), cacheDir, false), started);
      },
      'astro:server:setup': ({ server, logger }) => {
        const devOut = path.join(cacheDir, 'page-scans-dev');
        let publishing: Promise<void> | undefined;
        server.middlewares.use(async (request, response, next) => {
          const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
          // Astro's dev server may already have taken the base path off the URL.
          const rest = pathname.startsWith(siteConfig.basePath) ? pathname.slice(siteConfig.basePath.length - 1) : pathname;
          // The manifests are Astro endpoints; everything else under these folders is made here.
          if (!/^\/(?:iiif|scans)\//.test(rest) || rest.endsWith('/manifest.json')) return next();
          try {
            const started = performance.now();
            publishing ??= publishAll(devOut, cacheDir, true).then((published) => report(logger, published, started));
            await publishing;
            const file = path.join(devOut, rest);
            if (!file.startsWith(devOut) || !(await stat(file).catch(() => undefined))?.isFile()) return next();
            response.setHeader('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
            response.end(await readFile(file));
          } catch (error) {
            logger.error(`版面图（开发）出错：${String(error)}`);
            publishing = undefined;
            next();
          }
        });
      },
    },
  };
}
