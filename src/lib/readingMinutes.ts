/**
 * Reading time for Chinese text. Chinese is read by characters, not words:
 * about 400 characters a minute for news prose. A run of Latin letters or
 * digits ("2025", "Wi-Fi") is read at a glance, so it counts as one.
 */

/** Characters per minute for Chinese news prose. */
export const CHARS_PER_MINUTE = 400;

const HAN = /\p{Script=Han}/gu;
const LATIN_OR_DIGIT_RUN = /[\p{Script=Latin}\p{Nd}]+(?:[.,:/-][\p{Script=Latin}\p{Nd}]+)*/gu;
// Markup readers never see: Markdown image/link targets, HTML tags and
// character references (pages count the rendered HTML, src/lib/articles.ts).
const MARKUP = /!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|<[^>]+>|&(?:#\d+|#x[\da-f]+|[a-z]+\d*);/gi;

/** How many "reading units" a text holds: Han characters plus Latin/digit runs. */
export function countReadingUnits(text: string): number {
  const visible = text.replace(MARKUP, ' ');
  const han = visible.match(HAN)?.length ?? 0;
  const runs = visible.match(LATIN_OR_DIGIT_RUN)?.length ?? 0;
  return han + runs;
}

/** Whole minutes to read a text, at least 1 for any text with content. */
export function readingMinutes(text: string, perMinute: number = CHARS_PER_MINUTE): number {
  const units = countReadingUnits(text);
  if (units === 0) return 0;
  return Math.max(1, Math.round(units / perMinute));
}
