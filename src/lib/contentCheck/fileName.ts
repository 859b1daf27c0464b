/**
 * An article's file name is the last part of its address
 * (/YYYY/MM/DD/<file name without .md>/, a public contract), so it must be
 * something an address can hold as written. Chinese and other letters are
 * fine (browsers show them, links carry them percent-encoded); these are not:
 * `#` and `?` end the path, so a link to the page leads to another address;
 * `%` starts an escape; a space or tab breaks the address wherever it is
 * cited as plain text, and in feeds; the rest are not allowed in a URL.
 */
import { slugFromFile } from '../permalink.ts';
import { problem, type Problem } from './problem.ts';

const UNSAFE = /[\s#?%\\"<>^`{|}\p{Cc}]/u;
const UNSAFE_RUNS = /[\s#?%\\"<>^`{|}\p{Cc}]+/gu;

/** How to name a character in a message. */
function describe(char: string): { zh: string; en: string } {
  if (char === ' ' || char === '\u3000') return { zh: '空格', en: 'a space' };
  if (/\s/u.test(char)) return { zh: '空白字符', en: 'a whitespace character' };
  if (/\p{Cc}/u.test(char)) return { zh: `控制字符 U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, en: `the control character U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` };
  return { zh: `“${char}”`, en: `"${char}"` };
}

/** The problem with an article's file name, if its name cannot be an address. */
export function fileNameProblems(file: string): Problem[] {
  const slug = slugFromFile(file);
  const bad = [...new Set([...slug].filter((char) => UNSAFE.test(char)))];
  if (bad.length === 0) return [];
  const name = file.split(/[\\/]/).pop()!;
  const extension = name.slice(slug.length);
  const renamed = slug.replace(UNSAFE_RUNS, '-').replace(/^-+|-+$/g, '');
  const zhChars = bad.map((char) => describe(char).zh).join('、');
  const enChars = bad.map((char) => describe(char).en).join(', ');
  return [
    problem(
      file,
      { line: 1, column: 1 },
      'error',
      'unsafe-file-name',
      {
        zh: `文件名“${name}”含有${zhChars}：文件名就是文章网址的最后一段，网址里不能这样写，链接和引用会断开。`,
        en: `The file name "${name}" contains ${enChars}: the file name is the last part of the article's address, which cannot hold it as written, so links and citations would break.`,
      },
      renamed
        ? { zh: `把文件改名为 ${renamed}${extension}（汉字和字母都可以用，词之间用连字符 -）。`, en: `Rename the file to ${renamed}${extension} (letters and Chinese are fine; join words with -).` }
        : { zh: '给文件起一个由汉字、字母、数字和连字符 - 组成的名字。', en: 'Give the file a name made of letters, Chinese, digits and hyphens (-).' },
    ),
  ];
}
