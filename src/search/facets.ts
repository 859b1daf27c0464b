/**
 * Filter values (year, section, reporter, tag) of every article, read from
 * the facet file (src/lib/search/facetFile.ts) the first time a reader
 * filters or reaches for the filter controls, so a plain search never
 * downloads them. Articles are named by their place in the date order
 * (SearchHit.datePlace, 0 = oldest).
 */
import { decodeFacets, type FacetFile, type FacetIndex } from '../lib/search/facetFile.ts';
import { FACET_FILE } from '../lib/search/filterNames.ts';
import type { FilterSelection } from './engine.ts';

export type { FacetIndex };

let cached: Promise<FacetIndex> | undefined;

export function loadFacets(base: string): Promise<FacetIndex> {
  cached ??= fetch(`${base}pagefind/${FACET_FILE}`)
    .then((response) => {
      if (!response.ok) throw new Error(`${FACET_FILE}: HTTP ${response.status}`);
      return response.json() as Promise<FacetFile>;
    })
    .then(decodeFacets)
    .catch((error: unknown) => {
      cached = undefined; // try again next time (offline, say)
      throw error;
    });
  return cached;
}

/** Whether an article (by date place) passes every selected filter, except the one named `skip`. */
export function passes(facets: FacetIndex, place: number, filters: FilterSelection, skip?: string): boolean {
  return Object.entries(filters).every(
    ([name, values]) => name === skip || values.every((value) => facets.get(name)?.get(value)?.has(place) ?? false),
  );
}

/**
 * Per filter, how many of the results would remain with each value: counted
 * over the results that pass the other filters, so a reader can switch a value.
 */
export function countFacets(facets: FacetIndex, places: number[], filters: FilterSelection): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const [name, byValue] of facets) {
    const pool = places.filter((place) => passes(facets, place, filters, name));
    const valueCounts = new Map<string, number>();
    for (const [value, members] of byValue) {
      const count = pool.filter((place) => members.has(place)).length;
      if (count > 0) valueCounts.set(value, count);
    }
    counts.set(name, valueCounts);
  }
  return counts;
}
