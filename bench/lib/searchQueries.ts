/**
 * Queries and ground truth for measuring search quality (npm run bench:search
 * and the exactness test). Ground truth is an exact substring scan of every
 * story's own text (headline and paragraphs, as in the corpus), normalised
 * with the search's normalisation: what Ctrl+F over the archive would find.
 */
import * as OpenCC from 'opencc-js';
import { normalise } from '../../src/lib/search/normalise.ts';
import { queryTerms } from '../../src/lib/search/tokens.ts';
import { seededRandom } from './corpusArchive.ts';

/** One story as the search should see it. */
export interface TruthDoc {
  permalink: string;
  headline: string;
  body: string;
}

interface NormalisedDoc {
  permalink: string;
  headline: string;
  body: string;
}

export const QUERY_KINDS = ['substring', 'words', 'traditional', 'two-words'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export const KIND_LABELS: Record<QueryKind, string> = {
  substring: 'random 2–5 character strings from the text',
  words: 'one or two whole words',
  traditional: 'the same words in traditional characters',
  'two-words': 'two words separated by a space',
};

export interface BenchQuery {
  kind: QueryKind;
  query: string;
}

/** Scans every story for the query; returns the permalinks of the matches (after `await prepareNormalise()`). */
export class GroundTruth {
  private readonly docs: NormalisedDoc[];
  constructor(docs: TruthDoc[]) {
    this.docs = docs.map((doc) => ({ permalink: doc.permalink, headline: normalise(doc.headline), body: normalise(doc.body) }));
  }
  matches(query: string): Set<string> {
    const terms = queryTerms(normalise(query));
    const found = new Set<string>();
    if (terms.length === 0) return found;
    for (const doc of this.docs) {
      if (terms.every((term) => doc.headline.includes(term) || doc.body.includes(term))) found.add(doc.permalink);
    }
    return found;
  }
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Whole words (Intl.Segmenter's, word-like, at least two characters) of a text, in order. */
export function wordsOf(text: string): string[] {
  return [...segmenter.segment(text)]
    .filter((segment) => segment.isWordLike && [...segment.segment].length >= 2 && !/\s/.test(segment.segment))
    .map((segment) => segment.segment);
}

/**
 * `perKind` queries of each kind, from a fixed seed:
 * - substring: 2–5 consecutive non-space characters at a random place of a story;
 * - words: one word, or two adjacent words as printed (half each);
 * - traditional: the same choice of words written in traditional characters;
 * - two-words: two words of one story joined by a space.
 */
export function makeQueries(docs: TruthDoc[], perKind: number, seed = 7): BenchQuery[] {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const queries: BenchQuery[] = [];
  const wordChoices: string[] = [];
  while (queries.length < perKind) {
    const doc = pick(docs);
    const text = `${doc.headline}\n${doc.body}`;
    const chars = [...text];
    const length = 2 + Math.floor(random() * 4);
    const start = Math.floor(random() * Math.max(1, chars.length - length));
    const piece = chars.slice(start, start + length).join('');
    if ([...piece].length === length && !/\s/.test(piece)) queries.push({ kind: 'substring', query: piece });
  }
  while (wordChoices.length < perKind) {
    const doc = pick(docs);
    if (random() < 0.5) {
      const words = wordsOf(doc.body);
      if (words.length > 0) wordChoices.push(pick(words));
    } else {
      const segments = [...segmenter.segment(doc.body)];
      if (segments.length < 2) continue;
      // Two adjacent word-like segments, exactly as they stand in the text.
      const at = Math.floor(random() * (segments.length - 1));
      const [first, second] = [segments[at]!, segments[at + 1]!];
      if (first.isWordLike && second.isWordLike && !/\s/.test(first.segment + second.segment)) {
        wordChoices.push(first.segment + second.segment);
      }
    }
  }
  for (const word of wordChoices) queries.push({ kind: 'words', query: word });
  for (const word of wordChoices) queries.push({ kind: 'traditional', query: toTraditional(word) });
  let pairs = 0;
  while (pairs < perKind) {
    const words = [...new Set(wordsOf(pick(docs).body))];
    if (words.length < 2) continue;
    const first = pick(words);
    const second = pick(words.filter((word) => word !== first));
    queries.push({ kind: 'two-words', query: `${first} ${second}` });
    pairs += 1;
  }
  return queries;
}

/** One query's outcome on a search page. */
export interface QueryOutcome {
  count: number;
  top: string[];
}

export interface QueryScore {
  exactCount: boolean;
  recall: number;
  precision: number;
}

/** The metrics for one query (top-10 recall and precision). */
export function scoreQuery(outcome: QueryOutcome, truth: Set<string>): QueryScore {
  const top = outcome.top.slice(0, 10);
  const correct = top.filter((permalink) => truth.has(permalink)).length;
  return {
    exactCount: outcome.count === truth.size,
    recall: truth.size === 0 ? (top.length === 0 ? 1 : 0) : correct / Math.min(10, truth.size),
    precision: top.length === 0 ? (truth.size === 0 ? 1 : 0) : correct / top.length,
  };
}
