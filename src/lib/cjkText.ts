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
