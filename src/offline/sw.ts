/// <reference lib="webworker" />
/**
 * The archive's service worker, bundled by src/build/buildServiceWorker.ts
 * and given its precache list by workbox-build's injectManifest. The install
 * stores what it can of that list and never fails for one file
 * (shellPrecache.ts): the rest is retried while pages are opened online.
 *
 * Why these strategies:
 * - Pages, Pagefind's files and the offline manifest go network-first. Online,
 *   a reader therefore never sees a page from an older build, not even on the
 *   first visit after an update; offline, they come from this build's caches.
 * - Astro's /_astro/ files carry a content hash in their name, so a cached
 *   copy is always right: cache-first.
 * Everything fetched is kept in one cache per build (pagesCacheName); on
 * activation the caches of older builds are deleted, so nothing stale remains
 * (files whose content did not change are first copied over: carryOver).
 */
import { clientsClaim, setCacheNameDetails } from 'workbox-core';
import { cleanupOutdatedCaches } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import type { WorkboxPlugin } from 'workbox-core/types.js';
import {
  CACHE_PREFIX,
  OFFLINE_CHANNEL,
  cacheKeyOf,
  pagesCacheName,
  pagesCachePrefix,
  type IndexMissMessage,
} from './cacheNames.ts';
import { MANIFEST_FILE, type OfflineManifest } from './archiveManifest.ts';
import { revisionOf } from './revision.ts';
import { ShellPrecache } from './shellPrecache.ts';
import { SHELL_STATUS_REQUEST, type ShellStatusRequest } from './shellStatus.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };
/** The build's version, replaced at bundle time (a hash of every file the site serves). */
declare const __ARCHIVE_VERSION__: string;

const scope = self.registration.scope;
const pagesCache = pagesCacheName(scope, __ARCHIVE_VERSION__);
const channel = new BroadcastChannel(OFFLINE_CHANNEL);

setCacheNameDetails({ prefix: CACHE_PREFIX });
// A new build takes over at once: pages are network-first, so the open tabs
// keep working, and readers get the new build's pages on the next navigation.
void self.skipWaiting();
clientsClaim();
const shell = new ShellPrecache(self.__WB_MANIFEST);
// Resolves even when files failed: they are retried later (retryShell below), and the rest works offline now.
self.addEventListener('install', (event) => event.waitUntil(shell.fill()));
self.addEventListener('activate', shell.activate);
cleanupOutdatedCaches();

self.addEventListener('message', (event) => {
  const request = event.data as ShellStatusRequest | undefined;
  if (request?.type !== SHELL_STATUS_REQUEST) return;
  const client = event.source;
  event.waitUntil(shell.fill().then((status) => client?.postMessage({ type: SHELL_STATUS_REQUEST, status })));
});

/** Stores and finds everything under its URL without the query (/search/?q=… is /search/). */
const keyWithoutQuery: WorkboxPlugin = {
  cacheKeyWillBeUsed: async ({ request }) => cacheKeyOf(request.url),
};

/**
 * When neither the network nor this build's pages cache has the file: the
 * precached shell may (the app shell, or the whole archive when it is small);
 * a page that is nowhere gets the offline page, which explains itself; a
 * missing search index file is reported to the search page.
 */
const fallBackToShell: WorkboxPlugin = {
  handlerDidError: async ({ request }) => {
    const shellCopy = await shell.match(cacheKeyOf(request.url));
    if (shellCopy) return shellCopy;
    if (request.mode === 'navigate') return (await shell.match(new URL('offline/', scope).href)) ?? undefined;
    if (request.url.startsWith(new URL('pagefind/', scope).href)) {
      const message: IndexMissMessage = { type: 'index-miss', url: request.url };
      channel.postMessage(message);
    }
    return undefined;
  },
};

/**
 * A page came from the network, so the reader is online: the time to try
 * again any shell file an earlier install could not store. Not awaited by the
 * request: the page never waits for it.
 */
const retryShell: WorkboxPlugin = {
  fetchDidSucceed: async ({ request, response }) => {
    if (request.mode === 'navigate' && response.ok) shell.retry();
    return response;
  },
};

/** Requests the offline page makes to save the archive (it stores them itself). */
function isSaveRequest(request: Request): boolean {
  return request.cache === 'no-store';
}

registerRoute(
  ({ url, request }) => url.href.startsWith(new URL('_astro/', scope).href) && !isSaveRequest(request),
  async (options) =>
    (await shell.match(options.request)) ??
    new CacheFirst({ cacheName: pagesCache, plugins: [keyWithoutQuery, fallBackToShell] }).handle(options),
);

registerRoute(
  ({ url, request }) =>
    url.href.startsWith(scope) && !url.pathname.endsWith('/sw.js') && !isSaveRequest(request),
  new NetworkFirst({
    cacheName: pagesCache,
    // Lie-fi: a network that hangs is treated as no network after a few seconds.
    networkTimeoutSeconds: 4,
    plugins: [keyWithoutQuery, fallBackToShell, retryShell],
  }),
);

/** This build's revision of every archive file, by absolute URL, or undefined when the server already has another build. */
async function currentRevisions(): Promise<Map<string, string> | undefined> {
  try {
    const response = await fetch(new URL(MANIFEST_FILE, scope), { cache: 'no-store' });
    const manifest = (await response.json()) as OfflineManifest;
    if (manifest.version !== __ARCHIVE_VERSION__) return undefined;
    return new Map(manifest.files.map((file) => [new URL(file.url, scope).href, file.revision]));
  } catch {
    return undefined;
  }
}

/**
 * Copies from an older build's cache every file this build serves with the
 * same content, so a reader who saved the archive keeps what did not change
 * (the /offline/ page then offers to fetch only the rest). Nothing else is
 * kept: a changed or removed page is never served again.
 */
async function carryOver(oldName: string, revisions: Map<string, string>, target: Cache): Promise<void> {
  const old = await caches.open(oldName);
  for (const request of await old.keys()) {
    const expected = revisions.get(cacheKeyOf(request.url));
    const response = expected ? await old.match(request) : undefined;
    if (!response) continue;
    const body = await response.arrayBuffer();
    if ((await revisionOf(body)) !== expected) continue;
    await target.put(request, new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers }));
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const ours = pagesCachePrefix(scope);
      const older = (await caches.keys()).filter((name) => name.startsWith(ours) && name !== pagesCache);
      if (older.length === 0) return;
      const revisions = await currentRevisions();
      const target = await caches.open(pagesCache);
      for (const name of older) {
        if (revisions) await carryOver(name, revisions, target).catch(() => undefined);
        await caches.delete(name);
      }
    })(),
  );
});
