/**
 * The search page's state lives in its URL (?q=&sort=&year=&section=&reporter=&tag=),
 * so a search can be shared and the Back button walks through earlier searches.
 */
import { FILTERS } from '../lib/search/filterNames.ts';
import { SORT_ORDERS, type SortOrder } from './rankHits.ts';
import type { FilterSelection } from './engine.ts';

export interface SearchState {
  query: string;
  sort: SortOrder;
  filters: FilterSelection;
}

export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const sort = params.get('sort') as SortOrder | null;
  const filters: FilterSelection = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = [value];
  }
  return {
    query: (params.get('q') ?? '').trim(),
    sort: sort && SORT_ORDERS.includes(sort) ? sort : 'relevance',
    filters,
  };
}

/** The query string for a state; defaults are left out so URLs stay short. */
export function stateToSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  for (const name of FILTERS) {
    const value = state.filters[name]?.[0];
    if (value) params.set(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
