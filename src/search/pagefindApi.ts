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
}

const loaded = new Map<string, Promise<PagefindApi>>();

/** Loads the site's pagefind.js once per base path: one index covers the whole archive. */
export function loadPagefind(base: string): Promise<PagefindApi> {
  let api = loaded.get(base);
  if (!api) {
    // Pagefind is started, with the site's options, by the search page's
    // starter script (public/search/start-pagefind.js); importing it again
    // runs nothing twice.
    api = (import(/* @vite-ignore */ `${base}search/start-pagefind.js`) as Promise<{ pagefind: Promise<PagefindApi> }>).then((starter) => starter.pagefind);
    loaded.set(base, api);
  }
  return api;
}
