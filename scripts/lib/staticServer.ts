/**
 * A plain static file server for tests, like any static host: folders serve
 * index.html, unknown paths get 404.html with status 404, and the site can
 * live under a base path.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { headersFor, parseHeadersFile, type HeaderRule } from './headersFile.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export interface RunningServer {
  origin: string;
  /** Full URL of a site path, base path included: url('/search/?q=云海') */
  url(sitePath: string): string;
  close(): Promise<void>;
}

async function fileFor(root: string, urlPath: string): Promise<string | undefined> {
  const target = path.join(root, decodeURIComponent(urlPath));
  if (!target.startsWith(root)) return undefined;
  try {
    const info = await stat(target);
    if (info.isFile()) return target;
    if (info.isDirectory()) {
      const index = path.join(target, 'index.html');
      if ((await stat(index)).isFile()) return index;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** Called for every file served (benchmarks count the bytes a search fetches). */
export type ServeListener = (urlPath: string, bytes: number) => void;

export interface ServeOptions {
  /**
   * Behave like Netlify or Cloudflare Pages: send the headers that the site's
   * own _headers file asks for, and answer 404 for the files these hosts only
   * read (_headers, _redirects).
   */
  headersFile?: boolean;
  /** Answer 404 for these site paths ("/pagefind/x"), asked on every request, so a test can change its mind. */
  refuse?: (sitePath: string) => boolean;
  onServe?: ServeListener;
}

/** Read by Netlify and Cloudflare Pages, never served by them. */
const HOST_FILES = new Set(['/_headers', '/_redirects']);

export async function serveStatic(root: string, basePath = '/', options: ServeOptions = {}): Promise<RunningServer> {
  const absoluteRoot = path.resolve(root);
  const rules: HeaderRule[] = options.headersFile
    ? parseHeadersFile(await readFile(path.join(absoluteRoot, '_headers'), 'utf8'))
    : [];
  const server: Server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const inBase = pathname.startsWith(basePath) ? `/${pathname.slice(basePath.length)}` : undefined;
    const refused = (sitePath: string) =>
      (options.headersFile === true && HOST_FILES.has(sitePath)) || options.refuse?.(decodeURIComponent(sitePath)) === true;
    const file = inBase === undefined || refused(inBase) ? undefined : await fileFor(absoluteRoot, inBase);
    if (!file) {
      const notFound = await readFile(path.join(absoluteRoot, '404.html')).catch(() => Buffer.from('Not found'));
      response.writeHead(404, { ...headersFor(rules, '/404.html'), 'content-type': TYPES['.html']! }).end(notFound);
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const extra = headersFor(rules, inBase!);
    const body = await readFile(file);
    options.onServe?.(pathname, body.length);
    response.writeHead(200, { ...extra, 'content-type': type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (sitePath) => origin + basePath + sitePath.replace(/^\/+/, ''),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
