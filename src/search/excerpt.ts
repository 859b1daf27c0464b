/**
 * Result excerpts: a window of the original text around the best cluster of
 * matches, with the matched characters wrapped in <mark>. Built as DOM nodes,
 * never as HTML strings, so article text can never become markup.
 */
import { joinCjkAware, withoutOcrSpaces } from '../lib/cjkText.ts';
import { findMatches, type Range } from '../lib/search/findMatches.ts';

const WINDOW = 90;

/** Picks the window start that covers the most matches (the first such). */
function windowStart(ranges: Range[], textLength: number): number {
  let best = 0;
  let bestCount = -1;
  for (const [start] of ranges) {
    const from = Math.max(0, start - 20);
    const count = ranges.filter(([s, e]) => s >= from && e <= from + WINDOW).length;
    if (count > bestCount) {
      best = from;
      bestCount = count;
    }
  }
  return Math.min(best, Math.max(0, textLength - WINDOW));
}

/** Appends the excerpt of `text` for `terms` to `target`; returns whether it matched anything. */
export function renderExcerpt(target: HTMLElement, text: string, terms: string[]): boolean {
  // Paragraphs (one per line) run on as in print: no space after “。” before the next one;
  // the OCR's spaces between Han and digits go, as on the page (src/plugins/rehype-ocr-spaces.ts).
  const flat = withoutOcrSpaces(joinCjkAware(text.split(/\s*\n\s*/)).replace(/\s+/g, ' '));
  const ranges = findMatches(flat, terms);
  const from = windowStart(ranges, flat.length);
  const to = Math.min(flat.length, from + WINDOW);
  if (from > 0) target.append('…');
  let at = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    target.append(flat.slice(at, Math.max(at, start)));
    const mark = document.createElement('mark');
    mark.textContent = flat.slice(Math.max(at, start), Math.min(end, to));
    target.append(mark);
    at = Math.min(end, to);
  }
  target.append(flat.slice(at, to));
  if (to < flat.length) target.append('…');
  return ranges.length > 0;
}

/** Appends `text` to `target` with every match of `terms` marked (for headlines). */
export function renderMarked(target: HTMLElement, text: string, terms: string[]): void {
  let at = 0;
  for (const [start, end] of findMatches(text, terms)) {
    target.append(text.slice(at, start));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(start, end);
    target.append(mark);
    at = end;
  }
  target.append(text.slice(at));
}
