/**
 * Turns normalised text into the words Pagefind indexes, and a query term into
 * the words Pagefind looks up, with one shared definition so the two agree by
 * construction (the Lucene CJK-analyser idea: overlapping character bigrams).
 *
 * - Every non-space character takes part, CJK or not, punctuation included:
 *   a term is matched as an exact substring, so "市，在" or "5g" must work.
 * - A bigram is written as an ASCII word of 8 letters (two characters, 4
 *   base-26 letters each). Pagefind's own segmenter, lower-casing and
 *   stemming leave such words alone, and because every word has the same
 *   length, Pagefind's prefix matching can never confuse two of them.
 * - The last character of every run also gets a word: itself followed by the
 *   code of U+0000 ("aaaa"), which no text contains. So a one-character
 *   query is a prefix search for its 4 letters: it finds every bigram that
 *   starts with the character plus every run end, i.e. every occurrence.
 * - Headline words are indexed a second time with a "0" in front, so a
 *   second lookup tells which results match in the headline block (ranking).
 */

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const WIDTH = 4;
const MAX_CODE = 26 ** WIDTH - 1;
/** Run-end marker: the code of U+0000. */
const END = 'a'.repeat(WIDTH);
/** Marks the copy of the headline block's words. */
export const HEADLINE_PREFIX = '0';

/** Four base-26 letters for one character. Code points above 456,975 (unused planes) share one code. */
export function encodeChar(char: string): string {
  let code = Math.min(char.codePointAt(0) ?? 0, MAX_CODE);
  let word = '';
  for (let i = 0; i < WIDTH; i += 1) {
    word = LETTERS[code % 26] + word;
    code = Math.floor(code / 26);
  }
  return word;
}

/** Runs of non-space characters, as arrays of code points. */
function runsOf(normalised: string): string[][] {
  return normalised
    .split(' ')
    .filter((run) => run.length > 0)
    .map((run) => [...run]);
}

/** The indexed words of normalised text, in order (bigrams, then a run-end word per run). */
export function indexWords(normalised: string, prefix = ''): string[] {
  const words: string[] = [];
  for (const run of runsOf(normalised)) {
    const codes = run.map(encodeChar);
    for (let i = 0; i + 1 < codes.length; i += 1) words.push(prefix + codes[i] + codes[i + 1]);
    words.push(prefix + codes[codes.length - 1] + END);
  }
  return words;
}

/** How one query term is looked up in Pagefind. */
export interface TermLookup {
  /** The normalised term, matched as an exact substring. */
  term: string;
  /** Pagefind query for the term in the whole text (headline block and body). */
  anywhere: string;
  /** Pagefind query for the term in the headline block. */
  headline: string;
  /**
   * The same words without the phrase quotes: Pagefind then returns every
   * position of every word (an exact phrase returns only its first match),
   * from the chunks the phrase lookup already loaded. Runs of `length`
   * consecutive positions are the term's occurrences (for ranking).
   */
  positions: string;
  /** Number of indexed words one occurrence of the term spans. */
  length: number;
}

function lookupFor(codes: string[], prefix: string): string {
  if (codes.length === 1) return prefix + codes[0];
  const words: string[] = [];
  for (let i = 0; i + 1 < codes.length; i += 1) words.push(prefix + codes[i] + codes[i + 1]);
  // One bigram needs no phrase; several must be adjacent: an exact phrase.
  return words.length === 1 ? words[0]! : `"${words.join(' ')}"`;
}

/** Splits an already normalised query into its space-separated terms, deduplicated. */
export function queryTerms(normalisedQuery: string): string[] {
  return [...new Set(normalisedQuery.split(' ').filter((term) => term.length > 0))];
}

/** The Pagefind lookups for one normalised term (which contains no spaces). */
export function termLookup(term: string): TermLookup {
  const codes = [...term].map(encodeChar);
  const anywhere = lookupFor(codes, '');
  return {
    term,
    anywhere,
    headline: lookupFor(codes, HEADLINE_PREFIX),
    positions: anywhere.replace(/"/g, ''),
    length: Math.max(1, codes.length - 1),
  };
}
