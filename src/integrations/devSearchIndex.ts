/**
 * Astro integration for `npm run dev`: keeps a Pagefind index of the current
 * articles (drafts included, as the preview shows them) in memory and serves
 * it at <base>pagefind/, so the search page works while editors write.
 * The production index is built by pagefind.ts from dist/ instead.
 *
 * After each content check (see contentCheckDev.ts) the changed articles are
 * fetched from the dev server itself and the index is rebuilt from the pages.
 */
import type { AstroIntegration } from 'astro';
import { statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as pagefind from 'pagefind';
import type { ContentReport } from '../lib/contentCheck/checkContent-fs.ts';
import { getDevReport, onDevReport } from '../lib/contentCheck/devState.ts';
import { hasErrors } from '../lib/contentCheck/problem.ts';
import { withBase } from '../lib/urls.ts';

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  wasm: 'application/wasm',
};

/** How often and how soon to look again for an edit Astro has not picked up yet. */
const MAX_RETRIES = 10;
const RETRY_MS = 200;

function originOf(address: AddressInfo): string {
  const host = ['::', '0.0.0.0', '::1'].includes(address.address) ? '127.0.0.1' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
}

export default function devSearchIndex(): AstroIntegration {
  let origin: string | undefined;
  let latest: ContentReport | undefined;
  let files = new Map<string, Uint8Array>();
  /** Rendered pages by permalink, with the article file's modification time. */
  const pages = new Map<string, { stamp: number; html: string }>();
  let running: Promise<void> | undefined;
  let retries = 0;
  let again = false;

  async function rebuild(report: ContentReport): Promise<void> {
    let stale = false;
    const { index } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    if (!index) return;
    const current = new Set<string>();
    for (const article of report.articles) {
      current.add(article.permalink);
      const stamp = statSync(article.absolutePath, { throwIfNoEntry: false })?.mtimeMs ?? 0;
      let page = pages.get(article.permalink);
      if (page?.stamp !== stamp) {
        const response = await fetch(origin + withBase(article.permalink));
        if (!response.ok) continue;
        const html = await response.text();
        // Astro may not have reloaded the edited file yet: the same page again
        // means "ask later", so keep the old stamp and try once more shortly.
        if (page && html === page.html) stale = true;
        else page = { stamp, html };
        pages.set(article.permalink, page);
      }
      // URLs without the base path, like the production index; the search page adds it.
      await index.addHTMLFile({ url: article.permalink, content: page.html });
    }
    for (const permalink of pages.keys()) if (!current.has(permalink)) pages.delete(permalink);
    const output = await index.getFiles();
    files = new Map(output.files.map((file) => [file.path, file.content]));
    await index.deleteIndex();
    if (stale && retries++ < MAX_RETRIES) setTimeout(schedule, RETRY_MS);
    else if (!stale) retries = 0;
  }

  /** One rebuild at a time; edits during a rebuild cause one more. */
  function schedule(): void {
    if (!origin || !latest || hasErrors(latest.problems)) return;
    if (running) {
      again = true;
      return;
    }
    running = rebuild(latest)
      .catch((error: unknown) => console.warn(`[archive-dev-search] ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          schedule();
        }
      });
  }

  return {
    name: 'archive-dev-search',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const prefix = withBase('/pagefind/');
        server.middlewares.use((request, response, next) => {
          const url = (request.url ?? '').split('?')[0]!;
          if (!url.startsWith(prefix)) return next();
          const file = files.get(decodeURIComponent(url.slice(prefix.length)));
          response.statusCode = file ? 200 : 404;
          response.setHeader('Content-Type', TYPES[url.split('.').pop() ?? ''] ?? 'application/octet-stream');
          response.setHeader('Cache-Control', 'no-store');
          response.end(file);
        });
        // The content check may already have run (its integration is set up first).
        latest = getDevReport();
        onDevReport((report) => {
          latest = report;
          schedule();
        });
      },
      'astro:server:start': ({ address }) => {
        origin = originOf(address);
        schedule();
      },
      'astro:server:done': async () => {
        await pagefind.close();
      },
    },
  };
}
