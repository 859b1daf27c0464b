/**
 * Which characters are set solid in Chinese text, and how lines are joined
 * around them. One definition for the Markdown plugin (remark-cjk-linebreak),
 * the search index text and the search excerpts, so all three agree.
 */

/** Han, kana, Hangul, CJK and full-width punctuation, curly quotes, dashes, ellipses (a regex class body). */
export const CJK_CHARS = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2014\u2026\u00b7`;

const IS_CJK = new RegExp(`^[${CJK_CHARS}]$`, 'u');

/** Whether one character (a code point) is set without spaces around it. */
export const isCjk = (char: string | undefined): boolean => char !== undefined && IS_CJK.test(char);

/**
 * Joins lines as a reader should see them: nothing between two CJK
 * characters (a browser would show a stray space there), one space elsewhere
 * so Latin words stay apart.
 */
export function joinCjkAware(lines: string[]): string {
  let text = '';
  for (const line of lines) {
    if (text === '') text = line;
    else if (isCjk([...text].at(-1)) && isCjk([...line][0])) text += line;
    else text += ` ${line}`;
  }
  return text;
}

/** A number with its unit, which a line never splits: 1万项, 0.3万项, 2025年, 80%. */
export const NUMBER_WITH_UNIT = /[0-9０-９][0-9０-９.]*[%％]?[万亿千百]?\p{Script=Han}?/gu;

/**
 * Spaces the OCR typed between a Han character and a digit or Latin letter
 * ("到 2025年底", "2月 24日", "班 10 个"). Print sets no space there; the
 * browser draws the proper gap itself (text-autospace). Spaces between two
 * Han characters are kept: they separate the parts of a headline.
 */
const OCR_SPACE = /(?<=\p{Script=Han})[ \u00a0]+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%])[ \u00a0]+(?=\p{Script=Han})/gu;

/** The text as a reader should see it: OCR spaces between Han and digits or letters removed. */
export function withoutOcrSpaces(text: string): string {
  return text.replace(OCR_SPACE, '');
}
