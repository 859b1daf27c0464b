/** The small part of pagefind.js (Pagefind 1.6) that the search module uses. */
import { SHARD_FILTER } from '../lib/search/filterNames.ts';

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
const shardNames = new WeakMap<PagefindApi, string[]>();

/**
 * Loads the site's pagefind.js once per base path, and merges the older
 * index shards listed in pagefind/shards.json (newest first), so one search
 * covers the whole archive.
 */
export function loadPagefind(base: string): Promise<PagefindApi> {
  let api = loaded.get(base);
  if (!api) {
    api = (async () => {
      const [module, shards] = await Promise.all([
        import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<PagefindApi>,
        fetch(`${base}pagefind/shards.json`).then((response) => (response.ok ? (response.json() as Promise<string[]>) : [])),
      ]);
      await module.options({ baseUrl: base });
      for (const shard of shards.slice(1)) await module.mergeIndex(`${base}pagefind/shards/${shard}/`, { baseUrl: base });
      await module.init();
      shardNames.set(module, shards);
      return module;
    })();
    loaded.set(base, api);
  }
  return api;
}

let dateOrder: Promise<Map<string, number>> | undefined;

/**
 * Every article's place in the archive, newest first (0 = newest). Pagefind
 * sorts each index by date, but orders merged results by score, so the
 * shards are read one at a time (by their hidden shard filter) and joined
 * newest shard first: the same order a single index would give.
 */
export function loadDateOrder(api: PagefindApi): Promise<Map<string, number>> {
  dateOrder ??= (async () => {
    const order = new Map<string, number>();
    const shards = shardNames.get(api) ?? [];
    // One index needs no shard filter (and so no filter download).
    const lookups = shards.length > 1 ? shards.map((shard) => ({ [SHARD_FILTER]: [shard] })) : [undefined];
    for (const filters of lookups) {
      const response = await api.search(null, { filters, sort: { date: 'desc' } });
      for (const result of response?.results ?? []) order.set(result.id, order.size);
    }
    return order;
  })();
  return dateOrder;
}
