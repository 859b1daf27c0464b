/**
 * Parses frontmatter YAML with positions, so every later message can point
 * at a line and column. Chinese input methods type a full-width colon `：`
 * after a key; that slip gets its own message instead of YAML's riddle.
 */
import { isMap, LineCounter, parseDocument, type Document, type ErrorCode } from 'yaml';
import { fieldLabels } from './fieldLabels.ts';
import { problem, type Position, type Problem } from './problem.ts';

export interface ParsedFrontmatter {
  data: Record<string, unknown>;
  doc: Document;
  /** File position of an offset inside the YAML text. */
  positionOf(offset: number): Position;
}

export type ParseResult = { ok: true; value: ParsedFrontmatter } | { ok: false; problems: Problem[] };

/** Chinese for the YAML errors editors actually meet; the English is yaml's own text. */
const yamlErrorsZh: Partial<Record<ErrorCode, string>> = {
  DUPLICATE_KEY: '同一个字段写了两次',
  BAD_INDENT: '缩进不对齐',
  TAB_AS_INDENT: '用了 Tab 键缩进，YAML 只允许空格',
  MISSING_CHAR: '缺少配对的符号（引号或括号没有闭合）',
  MULTILINE_IMPLICIT_KEY: '字段名所在的行不完整（可能缺少冒号，或值跨了行）',
  BLOCK_AS_IMPLICIT_KEY: '字段名所在的行不完整（可能缺少冒号）',
  UNEXPECTED_TOKEN: '出现了 YAML 不认识的符号',
  BAD_SCALAR_START: '值不能以这个符号开头，请给值加上引号',
  BLOCK_IN_FLOW: '方括号列表里不能换行写成块',
};

const labelledKeys = Object.values(fieldLabels).map((label) => label.zh);

/** A top-level key followed by a full-width colon, e.g. "title：标题". */
function fullWidthColonKey(line: string): { key: string; column: number } | undefined {
  const match = /^([A-Za-z_][\w-]*|[\p{Script=Han}]{2,4})[ \t]*：/u.exec(line);
  if (!match) return undefined;
  const key = match[1]!;
  if (!/^[A-Za-z_]/.test(key) && !labelledKeys.includes(key)) return undefined;
  return { key, column: match[0].length };
}

/**
 * yaml reports an unclosed quote where the text ends; the editor needs the
 * line where the quote was opened.
 */
function unclosedQuote(yaml: string, yamlLine: number): Position | undefined {
  const lines = yaml.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const match = /^\s*(?:-\s+|[^:#]+:\s+)(["'])/.exec(line);
    if (!match) continue;
    const quote = match[1]!;
    const rest = line.slice(match[0].length);
    if (!rest.includes(quote)) return { line: yamlLine + index, column: match[0].length };
  }
  return undefined;
}

export function parseFrontmatter(file: string, yaml: string, yamlLine: number): ParseResult {
  const colonProblems: Problem[] = [];
  yaml.split(/\r?\n/).forEach((line, index) => {
    const found = fullWidthColonKey(line);
    if (!found) return;
    colonProblems.push(
      problem(
        file,
        { line: yamlLine + index, column: found.column },
        'error',
        'yaml-fullwidth-colon',
        {
          zh: `“${found.key}”后面是全角冒号“：”，YAML 只认半角冒号“:”。`,
          en: `The key "${found.key}" is followed by a full-width colon "："; YAML needs a half-width colon ":".`,
        },
        {
          zh: `把“${found.key}：”改成“${found.key}: ”（半角冒号，后面加一个空格）。输入时可先切换到英文标点。`,
          en: `Change "${found.key}：" to "${found.key}: " (half-width colon followed by a space).`,
        },
      ),
    );
  });
  // The other YAML errors on such a file are echoes of the colon; report the cause only.
  if (colonProblems.length > 0) return { ok: false, problems: colonProblems };

  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const positionOf = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: yamlLine + Math.max(line, 1) - 1, column: col };
  };

  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) =>
      problem(
        file,
        (error.code === 'MISSING_CHAR' && unclosedQuote(yaml, yamlLine)) || positionOf(error.pos[0]),
        'error',
        'yaml-syntax',
        {
          zh: `frontmatter 的 YAML 写法有误：${yamlErrorsZh[error.code] ?? '无法解析这一处'}。`,
          en: `YAML syntax error in the frontmatter: ${error.message.split('\n')[0]}`,
        },
        {
          zh: '对照指南检查这一行：每行写成“字段: 值”，冒号为半角且后面有空格；缩进只用空格；含冒号或引号的值整体加引号。',
          en: 'Check this line: each line is "key: value" with a half-width colon and a space; indent with spaces only; quote values that contain colons or quotes.',
        },
      ),
    );
    return { ok: false, problems };
  }

  if (!isMap(doc.contents)) {
    return {
      ok: false,
      problems: [
        problem(
          file,
          { line: yamlLine, column: 1 },
          'error',
          'frontmatter-not-map',
          {
            zh: 'frontmatter 不是“字段: 值”的形式，读不出任何字段。',
            en: 'The frontmatter is not a list of "key: value" lines, so no field can be read.',
          },
          {
            zh: '每个字段单独一行，例如：title: 标题（换行）date: 2022-02-24',
            en: 'Write one field per line, e.g. "title: …" and "date: 2022-02-24".',
          },
        ),
      ],
    };
  }

  return { ok: true, value: { data: doc.toJS() as Record<string, unknown>, doc, positionOf } };
}
