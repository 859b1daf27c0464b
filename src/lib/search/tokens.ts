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
 * - Each run of characters ends with two words: its last character followed
 *   by the code of U+0000 ("aaaa", which no text contains), then an empty
 *   position (EMPTY_POSITION).
 *   So every character occurrence starts exactly one word (one-character
 *   queries are prefix lookups of 4 letters), and two bigrams two positions
 *   apart are always joined by the bigram between them: a term is found from
 *   every other bigram (fewer words to fetch) and stays an exact match.
 * - The headline block comes first and is padded to HEADLINE_SLOTS positions,
 *   so a match position tells whether it is in the headline block (ranking).
 */

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const WIDTH = 4;
const MAX_CODE = 26 ** WIDTH - 1;
/** Run-end marker: the code of U+0000. */
const END = 'a'.repeat(WIDTH);
/**
 * A position with no word, for run breaks and the headline padding: Pagefind
 * numbers every space-separated token, strips punctuation from each, and
 * indexes nothing for a token left empty. So the position counts, and no
 * posting list of a word that is never looked up fills the index
 * (tests/unit/search/pagefindPositions.test.ts).
 */
export const EMPTY_POSITION = '.';
const BREAK = EMPTY_POSITION;
const FILLER = EMPTY_POSITION;

/**
 * Positions reserved for the headline block (kicker, headline, subtitle):
 * about 60 characters. Longer headline blocks are still matched in full; their
 * tail just ranks like body text.
 */
export const HEADLINE_SLOTS = 64;

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

/** The indexed words of normalised text, in order: per run, its bigrams, a run-end word and a break. */
export function indexWords(normalised: string): string[] {
  const words: string[] = [];
  for (const run of normalised.split(' ')) {
    if (run.length === 0) continue;
    const codes = [...run].map(encodeChar);
    for (let i = 0; i + 1 < codes.length; i += 1) words.push(codes[i]! + codes[i + 1]!);
    words.push(codes[codes.length - 1]! + END, BREAK);
  }
  return words;
}

/** All words of a record: the headline block padded to HEADLINE_SLOTS, then the body. */
export function recordWords(normalisedHeadline: string, normalisedBody: string): string[] {
  const headline = indexWords(normalisedHeadline);
  while (headline.length < HEADLINE_SLOTS) headline.push(FILLER);
  return [...headline, ...indexWords(normalisedBody)];
}

/** One word to look up and where it must sit relative to the term's start. */
export interface WordAt {
  word: string;
  offset: number;
}

/** How a normalised term (no spaces) is found: every listed word at start + offset. */
export interface TermPlan {
  term: string;
  words: WordAt[];
}

/** Splits an already normalised query into its space-separated terms, deduplicated. */
export function queryTerms(normalisedQuery: string): string[] {
  return [...new Set(normalisedQuery.split(' ').filter((term) => term.length > 0))];
}

/**
 * Every other bigram of the term, plus the last one when the length is odd:
 * 经济发展 → 经济@0, 发展@2. One character → its 4-letter code as a prefix lookup.
 */
export function termPlan(term: string): TermPlan {
  const codes = [...term].map(encodeChar);
  if (codes.length === 1) return { term, words: [{ word: codes[0]!, offset: 0 }] };
  const words: WordAt[] = [];
  for (let i = 0; i + 1 < codes.length; i += 2) words.push({ word: codes[i]! + codes[i + 1]!, offset: i });
  if (codes.length % 2 === 1) words.push({ word: codes[codes.length - 2]! + codes[codes.length - 1]!, offset: codes.length - 2 });
  return { term, words };
}
