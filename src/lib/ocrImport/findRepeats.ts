/**
 * Finds the articles an imported draft repeats: same issue date and the same
 * or nearly the same body. Bodies are compared as sets of character bigrams
 * of their letters and digits (spaces, punctuation and line breaks, which OCR
 * and editors change, are ignored). Containment, |A ∩ B| / min(|A|, |B|),
 * catches a draft that is an existing article with a few characters more or
 * less; Jaccard, |A ∩ B| / |A ∪ B|, is reported beside it so an editor sees
 * how much of the two differs.
 */

/** At or above this containment a draft is reported as a repeat. */
export const REPEAT_THRESHOLD = 0.9;

export interface ArchivedBody {
  /** Where the article lives, for the message (relative path). */
  file: string;
  date: string;
  /** The article's plain text. */
  text: string;
}

export interface Repeat {
  file: string;
  containment: number;
  jaccard: number;
}

/** The text's character bigrams, letters and digits only. */
export function bigrams(text: string): Set<string> {
  const chars = [...text.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '')];
  const set = new Set<string>();
  for (let index = 0; index + 1 < chars.length; index++) set.add(chars[index]! + chars[index + 1]!);
  if (chars.length === 1) set.add(chars[0]!);
  return set;
}

/** Containment and Jaccard similarity of two bigram sets (0 when either is empty). */
export function similarity(a: Set<string>, b: Set<string>): { containment: number; jaccard: number } {
  if (a.size === 0 || b.size === 0) return { containment: 0, jaccard: 0 };
  let shared = 0;
  for (const gram of a) if (b.has(gram)) shared++;
  return { containment: shared / Math.min(a.size, b.size), jaccard: shared / (a.size + b.size - shared) };
}

/** The archived articles of the same date that the draft's text repeats, most similar first. */
export function findRepeats(draft: { date: string; text: string }, archive: readonly ArchivedBody[]): Repeat[] {
  const grams = bigrams(draft.text);
  return archive
    .filter((article) => article.date === draft.date)
    .map((article) => ({ file: article.file, ...similarity(grams, bigrams(article.text)) }))
    .filter((repeat) => repeat.containment >= REPEAT_THRESHOLD)
    .sort((a, b) => b.containment - a.containment || b.jaccard - a.jaccard);
}
