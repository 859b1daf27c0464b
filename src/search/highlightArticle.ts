/**
 * On an article opened from a search result (…/?hl=云海), marks the searched
 * terms in the headline and body and scrolls to the first mark. Matches are
 * found per text node with the search's own normalisation, so 雲海 is marked
 * for 云海 too.
 */
import { findMatches } from '../lib/search/findMatches.ts';
import { normalise, prepareNormalise } from '../lib/search/normalise.ts';
import { queryTerms } from '../lib/search/tokens.ts';
import { HIGHLIGHT_PARAM } from './highlightParam.ts';

function markTextNode(node: Text, terms: string[]): HTMLElement[] {
  const text = node.data;
  const ranges = findMatches(text, terms);
  if (ranges.length === 0) return [];
  const marks: HTMLElement[] = [];
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of ranges) {
    fragment.append(text.slice(at, start));
    const mark = document.createElement('mark');
    mark.className = 'search-hit';
    mark.textContent = text.slice(start, end);
    fragment.append(mark);
    marks.push(mark);
    at = end;
  }
  fragment.append(text.slice(at));
  node.replaceWith(fragment);
  return marks;
}

/** Marks the terms of ?hl= inside `container`; returns the marks made. */
export async function highlightArticle(container: HTMLElement, search: string): Promise<HTMLElement[]> {
  const query = new URLSearchParams(search).get(HIGHLIGHT_PARAM) ?? '';
  if (!query.trim()) return [];
  await prepareNormalise(query + (container.textContent ?? ''));
  const terms = queryTerms(normalise(query));
  if (terms.length === 0) return [];
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const marks = nodes.flatMap((node) => markTextNode(node, terms));
  marks[0]?.scrollIntoView({ block: 'center' });
  return marks;
}
