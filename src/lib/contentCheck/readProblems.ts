/**
 * The problems that stop a file from being read at all: not UTF-8, no
 * frontmatter, an unclosed or empty one. Worded for editors, like every
 * check message; the article reader (src/lib/readArticle.ts) reports them.
 */
import type { Decoded } from './decodeArticle.ts';
import { problem, type Position, type Problem } from './problem.ts';

const FRONTMATTER_TEMPLATE = '---\ntitle: 标题\ndate: 2022-02-24\n---';

export function frontmatterProblem(file: string, kind: 'missing' | 'unclosed' | 'empty', at: Position): Problem {
  const texts = {
    missing: {
      message: {
        zh: '文件开头没有 frontmatter（用 --- 包起来的标题、日期等字段）。',
        en: 'The file does not start with frontmatter (the fields between two --- lines).',
      },
      fix: {
        zh: `在文件最前面加上：\n${FRONTMATTER_TEMPLATE}`,
        en: `Start the file with:\n${FRONTMATTER_TEMPLATE}`,
      },
    },
    unclosed: {
      message: {
        zh: 'frontmatter 没有结束：开头有 ---，后面却没有另一行 --- 把它关上。',
        en: 'The frontmatter is not closed: the opening --- has no closing --- line.',
      },
      fix: {
        zh: '在最后一个字段的下一行单独写 ---，再空一行开始写正文。',
        en: 'Put a line with just --- after the last field, then a blank line, then the body.',
      },
    },
    empty: {
      message: { zh: 'frontmatter 是空的：两行 --- 之间没有字段。', en: 'The frontmatter is empty: there are no fields between the --- lines.' },
      fix: { zh: `至少写上标题和日期：\n${FRONTMATTER_TEMPLATE}`, en: `Write at least a title and a date:\n${FRONTMATTER_TEMPLATE}` },
    },
  }[kind];
  return problem(file, at, 'error', `frontmatter-${kind}`, texts.message, texts.fix);
}

/** The file's bytes are not UTF-8; names the likely encoding and the one-command fix. */
export function encodingProblem(file: string, decoded: Extract<Decoded, { ok: false }>): Problem {
  const looksGb = decoded.encoding === 'GB18030';
  const name = looksGb ? 'GB18030（GBK）' : decoded.encoding;
  return problem(
    file,
    decoded,
    'error',
    'not-utf8',
    {
      zh: name ? `文件不是 UTF-8 编码，看起来是 ${name}。` : '文件不是 UTF-8 编码，也认不出是哪种编码。',
      en: name ? `The file is not UTF-8; it looks like ${looksGb ? 'GB18030 (GBK)' : name}.` : 'The file is not UTF-8, and its encoding could not be recognised.',
    },
    {
      zh: name
        ? '运行 npm run check:content -- --fix-encoding 自动转为 UTF-8（原文件先备份为 .bak），或在编辑器里“另存为 UTF-8”。'
        : '在编辑器里用正确的编码打开，再“另存为 UTF-8”。',
      en: name
        ? 'Run npm run check:content -- --fix-encoding to convert it to UTF-8 (the original is kept as .bak), or save it as UTF-8 in your editor.'
        : 'Open it with the right encoding in your editor and save it as UTF-8.',
    },
  );
}
