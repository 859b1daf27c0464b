/**
 * Proofreading warnings for Chinese text. They only point: an archive never
 * changes the source text silently, so the editor decides (and may add an
 * editor's note instead of a correction).
 */
import { problem, type Problem } from './problem.ts';

const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['（', '）'],
  ['“', '”'],
  ['《', '》'],
  ['【', '】'],
];

const HAN = '\\p{Script=Han}';
const HALF_WIDTH_PUNCT = new RegExp(`(?<=${HAN})[,;:?!](?= ?${HAN})`, 'gu');
const SPACE_BETWEEN_HAN = new RegExp(`(?<=${HAN})[ \\t\\u3000]+(?=${HAN})`, 'gu');
const NUMBER = /[0-9０-９]+(?:[.．][0-9０-９]+)*/g;
const FULL_WIDTH_OF: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

const LEAVE_TEXT = {
  zh: '这只是提醒，正文不会被自动修改。若原版面如此，保留原文，必要时在 notes 里加编者注。',
  en: 'This is only a reminder; the text is never changed automatically. If the printed page reads so, keep it and add an editor\'s note if needed.',
};

/**
 * Hides code (fenced blocks and inline spans) behind spaces, keeping every
 * column where it was: what is in code is shown as written, never read as
 * Markdown (no images, no prose).
 */
export function maskCode(lines: readonly string[]): string[] {
  let inFence = false;
  const blank = (match: string) => ' '.repeat(match.length);
  return lines.map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      return blank(line);
    }
    if (inFence) return blank(line);
    return line.includes('`') ? line.replace(/`[^`]*`/g, blank) : line;
  });
}

/**
 * Hides Markdown that is not prose (code, link and image targets, HTML
 * tags) behind spaces, keeping every column where it was.
 */
export function maskNonProse(lines: readonly string[]): string[] {
  const blank = (match: string) => ' '.repeat(match.length);
  return maskCode(lines).map((line) =>
    line
      .replace(/\]\([^)]*\)/g, (match) => `]${blank(match.slice(1))}`)
      .replace(/<[^>\n]*>/g, blank)
      .replace(/https?:\/\/\S+/g, blank),
  );
}

/** Warnings for one article body; `bodyLine` is the file line the body starts on. */
export function proofread(file: string, body: string, bodyLine: number): Problem[] {
  const problems: Problem[] = [];
  const lines = maskNonProse(body.split('\n').map((line) => line.replace(/\r$/, '')));
  const open = new Map<string, Array<{ line: number; column: number }>>(PAIRS.map(([left]) => [left, []]));
  const closing = new Map(PAIRS.map(([left, right]) => [right, left]));

  lines.forEach((text, index) => {
    const line = bodyLine + index;
    [...text].forEach((char, charIndex) => {
      const column = charIndex + 1;
      if (open.has(char)) open.get(char)!.push({ line, column });
      const left = closing.get(char);
      if (left !== undefined && open.get(left)!.pop() === undefined) {
        problems.push(
          problem(file, { line, column }, 'warning', 'unmatched-bracket', {
            zh: `“${char}”前面没有与之配对的“${left}”。`,
            en: `"${char}" has no matching "${left}" before it.`,
          }, LEAVE_TEXT),
        );
      }
    });
    // Columns below count characters; regex indexes count UTF-16 units.
    const columnOf = (offset: number) => [...text.slice(0, offset)].length + 1;
    for (const match of text.matchAll(HALF_WIDTH_PUNCT)) {
      problems.push(
        problem(file, { line, column: columnOf(match.index) }, 'warning', 'half-width-punctuation', {
          zh: `汉字之间用了半角标点“${match[0]}”，中文应为全角“${FULL_WIDTH_OF[match[0]]}”。`,
          en: `Half-width "${match[0]}" between Chinese characters; Chinese text uses the full-width "${FULL_WIDTH_OF[match[0]]}".`,
        }, LEAVE_TEXT),
      );
    }
    for (const match of text.matchAll(SPACE_BETWEEN_HAN)) {
      problems.push(
        problem(file, { line, column: columnOf(match.index) }, 'warning', 'space-between-han', {
          zh: '两个汉字之间有空格。',
          en: 'A space between two Chinese characters.',
        }, LEAVE_TEXT),
      );
    }
    for (const match of text.matchAll(NUMBER)) {
      if (/[0-9]/.test(match[0]) && /[０-９]/.test(match[0])) {
        problems.push(
          problem(file, { line, column: columnOf(match.index) }, 'warning', 'mixed-width-digits', {
            zh: `数字“${match[0]}”里全角和半角数字混用。`,
            en: `The number "${match[0]}" mixes full-width and half-width digits.`,
          }, LEAVE_TEXT),
        );
      }
    }
  });

  for (const [left, right] of PAIRS) {
    for (const at of open.get(left)!) {
      problems.push(
        problem(file, at, 'warning', 'unmatched-bracket', {
          zh: `“${left}”后面没有与之配对的“${right}”。`,
          en: `"${left}" is never closed by "${right}".`,
        }, LEAVE_TEXT),
      );
    }
  }
  return problems;
}
