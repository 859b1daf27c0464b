/**
 * Where a Chinese headline may break: between phrases, never inside a word.
 * BudouX's Simplified Chinese model finds the phrases, but on its own it cuts
 * words (茂|名, 广|大职|工); so a break is kept only where ICU's word
 * segmenter (Intl.Segmenter) also sees a boundary, and three rules keep together
 * what print never splits (docs/typography.md): a short quoted or
 * bracketed name (“十四五”, 《规划》), a number with its unit (1万项, 2025年)
 * and a date (2022年2月24日). Build-time only: pages render the phrases with
 * <wbr> between them (src/components/Phrased.astro) and CSS sets
 * `word-break: keep-all`, so the browser breaks at those points only.
 */
import { loadDefaultSimplifiedChineseParser } from 'budoux';
import { NUMBER_WITH_UNIT } from './cjkText.ts';

const parser = loadDefaultSimplifiedChineseParser();
const words = new Intl.Segmenter('zh-Hans', { granularity: 'word' });

/** Opening and closing marks whose short contents stay on one line. */
const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '「': '」', '【': '】' };
/** A date is one phrase: 2020年2月24日 never ends a line at 2月. */
const DATE = /(?:\d{4}年)?\d{1,2}月\d{1,2}日/gu;
/** Longer quotations may break inside, as any phrase would. */
const SHORT_QUOTE = 8;

/** Character ranges [start, end) that must not be broken. */
function unbreakable(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let start = 0; start < text.length; start++) {
    const close = PAIRS[text[start]!];
    if (!close) continue;
    const end = text.indexOf(close, start + 1);
    if (end > start && end - start + 1 <= SHORT_QUOTE) spans.push([start, end + 1]);
  }
  for (const pattern of [NUMBER_WITH_UNIT, DATE]) {
    for (const match of text.matchAll(pattern)) spans.push([match.index, match.index + match[0].length]);
  }
  return spans;
}

/**
 * Phrases of every text cut so far. A headline is shown on its own page, in
 * its day's list and as its neighbours' previous or next link: cut once per
 * build, not on each of those pages (BudouX and the word segmenter were the
 * largest single cost of rendering article pages, docs/performance.md).
 */
const cut = new Map<string, readonly string[]>();

/** The headline cut into the phrases a line may break between; joined they are the text. */
export function headlinePhrases(text: string): readonly string[] {
  let phrases = cut.get(text);
  if (!phrases) {
    phrases = Object.freeze(cutIntoPhrases(text));
    cut.set(text, phrases);
  }
  return phrases;
}

/**
 * Phrases cut earlier, in the content sync (src/plugins/rehype-headline-phrases.ts),
 * for the pages' calls to find.
 */
export function rememberPhrases(text: string, phrases: readonly string[]): void {
  if (!cut.has(text)) cut.set(text, Object.freeze([...phrases]));
}

function cutIntoPhrases(text: string): string[] {
  const spans = unbreakable(text);
  const wordEnds = new Set([...words.segment(text)].map(({ index, segment }) => index + segment.length));
  const phrases: string[] = [];
  let at = 0;
  for (const phrase of parser.parse(text)) {
    const boundary = at;
    at += phrase.length;
    const inside = !wordEnds.has(boundary) || spans.some(([start, end]) => boundary > start && boundary < end);
    if (inside && phrases.length > 0) phrases[phrases.length - 1] += phrase;
    else phrases.push(phrase);
  }
  return phrases;
}
