/**
 * The search filters' values (year, section, reporter, tag) of every article,
 * as one small file beside the index (pagefind/facets.json), read by the
 * browser only when a reader filters or opens the filter controls. Pagefind's
 * own filters would be read on every search, filters or not.
 *
 * Articles are named by their place in the date order, 0 = oldest, as in the
 * page ids of the index (pageIds.ts). Each value's places are written as gaps
 * (first place, then differences), which stay small and compress well.
 */
import { FILTERS, type FilterName } from './filterNames.ts';

/** filter name → value → places of its articles, as gaps. */
export type FacetFile = Record<string, Record<string, number[]>>;

/** filter name → value → places (0 = oldest) of the articles with that value. */
export type FacetIndex = Map<string, Map<string, Set<number>>>;

/** What the facets are read from. */
export interface FacetSource {
  data: { date: string; section?: string; reporters: string[]; tags: string[] };
}

/** The filter values of one article. */
export function facetValues(article: FacetSource): Record<FilterName, string[]> {
  const { data } = article;
  return { year: [data.date.slice(0, 4)], section: data.section ? [data.section] : [], reporter: data.reporters, tag: data.tags };
}

/** The facet file of articles given oldest first (in date order, as the index numbers them). */
export function encodeFacets(oldestFirst: FacetSource[]): FacetFile {
  const file: FacetFile = Object.fromEntries(FILTERS.map((name) => [name, {}]));
  const last = new Map<string, number>();
  oldestFirst.forEach((article, place) => {
    const values = facetValues(article);
    for (const name of FILTERS) {
      for (const value of new Set(values[name])) {
        const key = `${name}\0${value}`;
        (file[name]![value] ??= []).push(place - (last.get(key) ?? 0));
        last.set(key, place);
      }
    }
  });
  return file;
}

/** The browser's view of a facet file. */
export function decodeFacets(file: FacetFile): FacetIndex {
  const index: FacetIndex = new Map();
  for (const [name, values] of Object.entries(file)) {
    const byValue = new Map<string, Set<number>>();
    for (const [value, gaps] of Object.entries(values)) {
      let place = 0;
      byValue.set(value, new Set(gaps.map((gap) => (place += gap))));
    }
    index.set(name, byValue);
  }
  return index;
}
