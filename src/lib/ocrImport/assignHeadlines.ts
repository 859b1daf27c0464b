/**
 * Proposes which headline block belongs to which article. The page prints
 * headlines away from their bodies, so this is a guess for the editor to
 * confirm: a headline goes to the article whose opening paragraph shares
 * most of its character pairs; an unmatched block right after a matched
 * headline is proposed as that article's subtitle (副题).
 */
import { joinBrokenLine } from './ocrText.ts';
import type { HeadlineBlock, Piece, SourceLine } from './splitPage.ts';

export interface HeadlineGuess {
  title?: { text: string; lines: SourceLine[] };
  subtitle?: { text: string; lines: SourceLine[] };
  captions: SourceLine[];
}

/** Share of the headline's character pairs that occur in the text. */
export function overlap(headline: string, text: string): number {
  const pairs = new Set<string>();
  const chars = [...headline];
  for (let i = 0; i + 1 < chars.length; i++) pairs.add(chars[i]! + chars[i + 1]!);
  if (pairs.size === 0) return 0;
  let found = 0;
  for (const pair of pairs) if (text.includes(pair)) found++;
  return found / pairs.size;
}

/** Below this share a headline is not proposed for an article. */
const MIN_OVERLAP = 0.5;

/** A headline broken over lines reads as one phrase; a two-line subtitle as two. */
const titleText = (lines: SourceLine[]) => lines.map((line) => line.text).reduce(joinBrokenLine, '');
const subtitleText = (lines: SourceLine[]) => lines.map((line) => line.text).join(' ');

/** One guess per piece, in piece order; blocks matched to nothing are returned apart. */
export function assignHeadlines(pieces: Piece[], blocks: HeadlineBlock[]): { guesses: HeadlineGuess[]; unassigned: HeadlineBlock[] } {
  const guesses: HeadlineGuess[] = pieces.map(() => ({ captions: [] }));
  const unassigned: HeadlineBlock[] = [];
  let previousOwner: number | undefined;
  for (const block of blocks) {
    const text = titleText(block.lines);
    const scores = pieces.map((piece, index) =>
      guesses[index]!.title ? -1 : overlap(text, piece.paragraphs[0] ?? ''),
    );
    const best = scores.indexOf(Math.max(...scores));
    if (best >= 0 && scores[best]! >= MIN_OVERLAP) {
      guesses[best]!.title = { text, lines: block.lines };
      guesses[best]!.captions.push(...block.captions);
      previousOwner = best;
    } else if (previousOwner !== undefined && !guesses[previousOwner]!.subtitle) {
      guesses[previousOwner]!.subtitle = { text: subtitleText(block.lines), lines: block.lines };
      guesses[previousOwner]!.captions.push(...block.captions);
    } else {
      unassigned.push(block);
    }
  }
  return { guesses, unassigned };
}
