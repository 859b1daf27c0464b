/**
 * Names shared by the service worker and the pages, so both agree on where the
 * offline copy lives. Every name carries the scope (the site's base URL), so
 * two archives served from one origin under different base paths never touch
 * each other's caches.
 */

/** Prefix of Workbox's own cache names (set in sw.ts with setCacheNameDetails). */
export const CACHE_PREFIX = 'archive';

/** The BroadcastChannel on which the service worker reports what it could not serve. */
export const OFFLINE_CHANNEL = 'archive-offline';

/** Message sent on OFFLINE_CHANNEL when a search index file is neither reachable nor cached. */
export interface IndexMissMessage {
  type: 'index-miss';
  url: string;
}

/** Common start of every per-build pages cache of one scope (used to find old builds). */
export function pagesCachePrefix(scope: string): string {
  return `${CACHE_PREFIX}-pages-${scope}-`;
}

/**
 * The cache that holds the pages and index files a reader fetched or saved,
 * for one build: a new build gets a new cache and the old one is removed.
 */
export function pagesCacheName(scope: string, version: string): string {
  return pagesCachePrefix(scope) + version;
}

/** Workbox's precache name for a scope, as workbox-core builds it. */
export function precacheName(scope: string): string {
  return `${CACHE_PREFIX}-precache-v2-${scope}`;
}

/** A cache key without query or hash: the site is static, `?q=` never changes a file. */
export function cacheKeyOf(url: string): string {
  const parsed = new URL(url);
  return parsed.origin + parsed.pathname;
}
