/**
 * The search page's browser module: URL state → search → results, 10 at a
 * time. Contract (docs/contributing.md, Contracts): [data-search-count] gets the total number
 * of matching articles; each result link carries data-search-result, in rank order.
 */
import { strings } from '../lib/strings.ts';
import { watchOfflineIndexMisses } from '../offline/searchNotice.ts';
import { prepareNormalise } from '../lib/search/normalise.ts';
import { FILTERS } from '../lib/search/filterNames.ts';
import { formatResultDate } from './formatResultDate.ts';
import { loadPagefind, type PagefindFragment } from './pagefindApi.ts';
import { searchArchive, type SearchHit } from './engine.ts';
import { countFacets, loadFacets, passes } from './facets.ts';
import { readState, stateToSearch, type SearchState } from './searchState.ts';
import { renderExcerpt, renderMarked } from './excerpt.ts';
import { HIGHLIGHT_PARAM } from './highlightParam.ts';

const PAGE_SIZE = 10;

interface View {
  root: HTMLElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
  sort: HTMLSelectElement;
  filters: Map<string, HTMLSelectElement>;
  status: HTMLElement;
  counter: HTMLElement;
  suggest: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
}

function findView(root: HTMLElement): View {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
  return {
    root,
    form,
    input: form.querySelector<HTMLInputElement>('input[name="q"]')!,
    // The selects sit under the result count, outside the form, and belong to it by their form attribute.
    sort: form.elements.namedItem('sort') as HTMLSelectElement,
    filters: new Map(FILTERS.map((name) => [name, form.elements.namedItem(name) as HTMLSelectElement])),
    status: root.querySelector<HTMLElement>('[data-search-status]')!,
    counter: root.querySelector<HTMLElement>('[data-search-count]')!,
    suggest: root.querySelector<HTMLElement>('[data-search-suggest]')!,
    list: root.querySelector<HTMLOListElement>('[data-search-results]')!,
    more: root.querySelector<HTMLButtonElement>('[data-search-more]')!,
  };
}

function renderResult(data: PagefindFragment, terms: string[], base: string): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = `${data.url}?${HIGHLIGHT_PARAM}=${encodeURIComponent(terms.join(' '))}`;
  link.className = 'result-title';
  link.setAttribute('data-search-result', '');
  renderMarked(link, data.meta.title ?? data.url.replace(base, '/'), terms);
  const meta = document.createElement('p');
  meta.className = 'result-meta muted';
  meta.textContent = [formatResultDate(data.meta.date), data.meta.section].filter(Boolean).join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'result-excerpt';
  // The excerpt comes from the body; when only the headline block matches, show the body's start.
  const body = data.meta.b ?? '';
  if (!renderExcerpt(excerpt, body, terms) && data.meta.h && data.meta.h !== data.meta.title) {
    excerpt.replaceChildren();
    renderExcerpt(excerpt, data.meta.h, terms);
  }
  item.append(link, meta, excerpt);
  if (data.meta.scan) {
    // The printed page with this article's region highlighted (src/scans/pageViewer.ts).
    const scan = document.createElement('a');
    scan.href = base + data.meta.scan.slice(1);
    scan.className = 'result-scan';
    scan.setAttribute('data-search-scan', '');
    scan.textContent = strings.scans.pageViewLink;
    meta.append(' · ', scan);
  }
  return item;
}

function suggestionFor(view: View, state: SearchState, terms: string[]): void {
  view.suggest.replaceChildren(strings.searchSuggestFewer);
  const link = (label: string, next: SearchState) => {
    const anchor = document.createElement('a');
    anchor.href = stateToSearch(next) || '?';
    anchor.textContent = label;
    return anchor;
  };
  if (Object.keys(state.filters).length > 0) {
    view.suggest.append(' ', link(strings.searchSuggestClearFilters, { ...state, filters: {} }));
  }
  if (terms.length > 1) {
    view.suggest.append(` ${strings.searchSuggestTerm}`);
    for (const term of terms) view.suggest.append(' ', link(term, { ...state, query: term }));
  }
  view.suggest.hidden = false;
}

function fillFilters(view: View, counts: Map<string, Map<string, number>>, state: SearchState): void {
  for (const [name, select] of view.filters) {
    const selected = state.filters[name]?.[0] ?? '';
    const values = [...(counts.get(name) ?? new Map<string, number>())].sort((a, b) => b[0].localeCompare(a[0], 'zh-Hans-CN'));
    if (selected && !values.some(([value]) => value === selected)) values.unshift([selected, 0]);
    const all = select.options[0]!;
    select.replaceChildren(all, ...values.map(([value, count]) => new Option(strings.searchFilterCount(value, count), value)));
    select.value = selected;
    select.closest('label')!.hidden = values.length === 0;
  }
}

export function runSearchPage(root: HTMLElement): void {
  watchOfflineIndexMisses(root);
  const base = root.dataset.base ?? '/';
  const view = findView(root);
  let generation = 0;
  // Filter values and counts need the facet file, which a plain search does
  // not: it is read once the reader filters or reaches for a filter control.
  let facetsWanted = false;
  let latest: { places: number[]; state: SearchState } | undefined;

  async function showFacets(): Promise<void> {
    facetsWanted = true;
    const shown = latest;
    if (!shown) return;
    const facets = await loadFacets(base);
    if (latest !== shown) return;
    fillFilters(view, countFacets(facets, shown.places, shown.state.filters), shown.state);
  }

  /** Ends search `current` with the failure message, unless a newer one has started. */
  function failed(current: number): void {
    if (current !== generation) return;
    view.status.textContent = strings.searchFailed;
    view.root.removeAttribute('aria-busy');
  }

  async function show(state: SearchState): Promise<void> {
    const current = ++generation;
    latest = undefined;
    view.input.value = state.query;
    view.sort.value = state.sort;
    view.list.replaceChildren();
    view.more.hidden = true;
    view.suggest.hidden = true;
    view.counter.setAttribute('data-search-count', '');
    if (!state.query) {
      view.status.textContent = strings.searchPrompt;
      return;
    }
    view.status.textContent = strings.searchSearching;
    view.root.setAttribute('aria-busy', 'true');
    let all: SearchHit[];
    let hits: SearchHit[];
    let terms: string[];
    const filtered = Object.keys(state.filters).length > 0;
    try {
      // The query's parts of the traditional table, if any, load meanwhile.
      const [api] = await Promise.all([loadPagefind(base), prepareNormalise(state.query)]);
      ({ hits: all, terms } = await searchArchive(api, state.query, state.sort));
      hits = all;
      if (filtered) {
        const facets = await loadFacets(base);
        hits = all.filter((hit) => passes(facets, hit.datePlace, state.filters));
      }
    } catch (error) {
      failed(current);
      throw error;
    }
    if (current !== generation) return;
    let shown = 0;
    const showMore = async (focusFirst: boolean) => {
      const page = hits.slice(shown, shown + PAGE_SIZE);
      const fragments = await Promise.all(page.map((hit) => hit.data()));
      await prepareNormalise(fragments.map(({ meta }) => `${meta.title}${meta.h ?? ''}${meta.b ?? ''}`).join(''));
      const items = fragments.map((data) => renderResult(data, terms, base));
      if (current !== generation) return;
      view.list.append(...items);
      shown += page.length;
      view.more.hidden = shown >= hits.length;
      view.more.textContent = strings.searchMore(shown, hits.length);
      if (focusFirst) items[0]?.querySelector('a')?.focus();
    };
    // The results' texts are files of their own (fragments): a failed fetch
    // must end the search with a message, not leave it "searching" for ever.
    try {
      await showMore(false);
    } catch (error) {
      failed(current);
      throw error;
    }
    if (current !== generation) return;
    view.root.removeAttribute('aria-busy');
    view.more.onclick = () =>
      void showMore(true).catch((error: unknown) => {
        failed(current);
        throw error;
      });
    view.counter.setAttribute('data-search-count', String(hits.length));
    view.status.textContent = hits.length > 0 ? strings.searchFound(hits.length) : strings.searchNone(state.query);
    if (hits.length === 0) suggestionFor(view, state, terms);
    latest = { places: all.map((hit) => hit.datePlace), state };
    // Offline without the facet file, the results stand; the filters stay empty.
    if (facetsWanted || filtered) await showFacets().catch(() => {});
  }

  function navigate(state: SearchState): void {
    history.pushState(null, '', `${location.pathname}${stateToSearch(state)}`);
    void show(state);
  }

  function formState(): SearchState {
    return readState(`?${new URLSearchParams(new FormData(view.form) as unknown as Record<string, string>)}`);
  }

  view.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const state = formState();
    // A new query starts from the whole archive.
    navigate(state.query === readState(location.search).query ? state : { ...state, filters: {} });
  });
  const wantFacets = (event: Event) => {
    if (!facetsWanted && (event.target as Element).closest?.('[data-search-filter]')) void showFacets().catch(() => {});
  };
  for (const select of view.filters.values()) {
    select.addEventListener('focusin', wantFacets);
    select.addEventListener('pointerover', wantFacets);
  }
  for (const select of [view.sort, ...view.filters.values()]) {
    select.addEventListener('change', () => navigate(formState()));
  }
  view.suggest.addEventListener('click', (event) => {
    const anchor = (event.target as HTMLElement).closest('a');
    if (!anchor) return;
    event.preventDefault();
    navigate(readState(new URL(anchor.href).search));
  });
  window.addEventListener('popstate', () => void show(readState(location.search)));
  void show(readState(location.search));
}
