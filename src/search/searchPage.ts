/**
 * The search page's browser module: reads ?q=, asks Pagefind, renders results.
 * Contract (DEVELOPERS.md): [data-search-count] gets the total number of
 * matching articles; each result link carries data-search-result, in rank order.
 */
import { watchOfflineIndexMisses } from '../offline/searchNotice.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}

interface PagefindApi {
  options(opts: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const PAGE_SIZE = 10;

function formatDate(value: string | undefined): string {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return match ? `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日` : '';
}

async function loadPagefind(base: string): Promise<PagefindApi> {
  const url = `${base}pagefind/pagefind.js`;
  const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
  await api.options({ baseUrl: base });
  return api;
}

function renderResult(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = data.url;
  link.className = 'result-title';
  link.setAttribute('data-search-result', '');
  link.textContent = data.meta.title ?? data.url;
  const date = document.createElement('p');
  date.className = 'result-date muted';
  date.textContent = formatDate(data.meta.date);
  const excerpt = document.createElement('p');
  excerpt.className = 'result-excerpt';
  // Pagefind's excerpt is escaped text with <mark> around matches.
  excerpt.innerHTML = data.excerpt;
  item.append(link, date, excerpt);
  return item;
}

export async function runSearchPage(root: HTMLElement): Promise<void> {
  watchOfflineIndexMisses(root);
  const base = root.dataset.base ?? '/';
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const counter = root.querySelector<HTMLElement>('[data-search-count]')!;
  const input = document.querySelector<HTMLInputElement>('#search-page-input');
  const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  if (input) input.value = query;
  if (!query) {
    status.textContent = '请输入要检索的词语。';
    return;
  }
  status.textContent = '正在检索……';
  const pagefind = await loadPagefind(base);
  const { results } = await pagefind.search(query);
  const first = await Promise.all(results.slice(0, PAGE_SIZE).map((result) => result.data()));
  list.replaceChildren(...first.map(renderResult));
  counter.setAttribute('data-search-count', String(results.length));
  status.textContent = results.length > 0 ? `找到 ${results.length} 篇` : `没有找到包含“${query}”的文章。`;
}
