/**
 * Filter values (year, section, reporter, tag) of every article, read once
 * from Pagefind's filter index with filter-only lookups, so the page can
 * filter any result set and count every value exactly, whatever the number
 * of query terms.
 */
import type { PagefindApi } from './pagefindApi.ts';
import { SHARD_FILTER } from '../lib/search/filterNames.ts';
import type { FilterSelection } from './engine.ts';

/** filter name → value → ids of the articles with that value. */
export type FacetIndex = Map<string, Map<string, Set<string>>>;

let cached: Promise<FacetIndex> | undefined;

export function loadFacets(api: PagefindApi): Promise<FacetIndex> {
  cached ??= (async () => {
    const index: FacetIndex = new Map();
    for (const [name, values] of Object.entries(await api.filters())) {
      if (name === SHARD_FILTER) continue;
      const byValue = new Map<string, Set<string>>();
      for (const value of Object.keys(values)) {
        const response = await api.search(null, { filters: { [name]: [value] } });
        byValue.set(value, new Set((response?.results ?? []).map((result) => result.id)));
      }
      index.set(name, byValue);
    }
    return index;
  })();
  return cached;
}

/** Whether an article passes every selected filter, except the one named `skip`. */
export function passes(facets: FacetIndex, id: string, filters: FilterSelection, skip?: string): boolean {
  return Object.entries(filters).every(
    ([name, values]) => name === skip || values.every((value) => facets.get(name)?.get(value)?.has(id) ?? false),
  );
}

/**
 * Per filter, how many of the results would remain with each value: counted
 * over the results that pass the other filters, so a reader can switch a value.
 */
export function countFacets(facets: FacetIndex, ids: string[], filters: FilterSelection): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const [name, byValue] of facets) {
    const pool = ids.filter((id) => passes(facets, id, filters, name));
    const valueCounts = new Map<string, number>();
    for (const [value, members] of byValue) {
      const count = pool.filter((id) => members.has(id)).length;
      if (count > 0) valueCounts.set(value, count);
    }
    counts.set(name, valueCounts);
  }
  return counts;
}
