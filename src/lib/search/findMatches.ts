/**
 * Where query terms occur in original text, in original offsets: the text is
 * normalised with the search normalisation, matched exactly, and mapped back,
 * so 雲海 in the text is found by 云海 and marked as 雲海.
 */
import { normaliseWithMap } from './normalise.ts';

/** A half-open range [start, end) of UTF-16 offsets in the original text. */
export type Range = [number, number];

/** Every occurrence of every (normalised) term, sorted and merged where they overlap. */
export function findMatches(original: string, terms: string[]): Range[] {
  const { text, origin } = normaliseWithMap(original);
  const ranges: Range[] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
      const end = at + term.length;
      const originalEnd = end < origin.length ? origin[end]! : original.length;
      ranges.push([origin[at]!, Math.max(originalEnd, origin[end - 1]! + 1)]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** True when the normalised text contains every term (the search's definition of a match). */
export function containsAll(normalisedText: string, terms: string[]): boolean {
  return terms.every((term) => normalisedText.includes(term));
}
