/**
 * Runs on every page (from SearchBox.astro): "/" focuses the search box, as
 * on many sites, unless the reader is typing somewhere; and an article opened
 * from a search result gets its matches highlighted.
 */
import { HIGHLIGHT_PARAM } from './highlightParam.ts';

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
}

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
  const box =
    document.querySelector<HTMLInputElement>('#search-page-input') ?? document.querySelector<HTMLInputElement>('#site-search');
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

const article = document.querySelector<HTMLElement>('article.article');
// The highlighter carries the search's normalisation tables (~10 KB): load it only
// for an article opened from a search result, not on every page of the site.
if (article && new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) {
  void import('./highlightArticle.ts').then(({ highlightArticle }) => highlightArticle(article, location.search));
}
