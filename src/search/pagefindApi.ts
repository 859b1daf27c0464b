/** The small part of pagefind.js (Pagefind 1.6) that the search module uses. */

export interface PagefindFragment {
  url: string;
  meta: Record<string, string>;
}

export interface PagefindResult {
  id: string;
  score: number;
  /** Positions of the matched words in the record's content. */
  words: number[];
  data(): Promise<PagefindFragment>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}

export interface PagefindSearchOptions {
  filters?: Record<string, string[] | { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindApi {
  options(opts: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
  mergeIndex(url: string, options?: Record<string, unknown>): Promise<void>;
}

const loaded = new Map<string, Promise<PagefindApi>>();

/**
 * Loads the site's pagefind.js once per base path, and merges the older
 * index shards listed in pagefind/shards.json (newest first), so one search
 * covers the whole archive.
 */
export function loadPagefind(base: string): Promise<PagefindApi> {
  let api = loaded.get(base);
  if (!api) {
    api = (async () => {
      // Pagefind is started, with the site's options, by the search page's
      // starter script (public/search/start-pagefind.js); importing it again
      // runs nothing twice. Shards load meanwhile: merging further shards into
      // a started instance is allowed.
      const started = (import(/* @vite-ignore */ `${base}search/start-pagefind.js`) as Promise<{ pagefind: Promise<PagefindApi> }>).then(
        (starter) => starter.pagefind,
      );
      const shards = fetch(`${base}pagefind/shards.json`).then((response) => (response.ok ? (response.json() as Promise<string[]>) : []));
      const [module, list] = await Promise.all([started, shards]);
      for (const shard of list.slice(1)) await module.mergeIndex(`${base}pagefind/shards/${shard}/`, { baseUrl: base });
      return module;
    })();
    loaded.set(base, api);
  }
  return api;
}
