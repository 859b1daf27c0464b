/**
 * Validates frontmatter with the one article schema (src/lib/articleSchema.ts)
 * and turns zod's issues into messages an editor can act on: the field, what
 * was found, what is expected, and a line to copy.
 */
import type { z } from 'astro/zod';
import type { Document } from 'yaml';
import { articleSchema, type ArticleSourceData } from '../articleSchema.ts';
import { fieldExample, fieldName } from './fieldLabels.ts';
import { problem, type Bilingual, type Position, type Problem } from './problem.ts';

type Issue = z.core.$ZodIssue;

const typeNames: Record<string, Bilingual> = {
  string: { zh: '文字', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  boolean: { zh: 'true 或 false', en: 'true or false' },
  array: { zh: '列表（例如 [甲, 乙]）', en: 'a list (e.g. [a, b])' },
  object: { zh: '“字段: 值”的组合', en: 'a group of "key: value" lines' },
};

/** What the parts of a group field are called, e.g. cover's alt. */
const partLabels: Record<string, string> = { src: '图片文件', alt: '图片的文字描述', caption: '图片说明', credit: '摄影者' };

/** What was found, where the expected-type wording reads badly ("现在是true 或 false false"). */
const foundNames: Record<string, Bilingual> = {
  boolean: { zh: '是非值', en: 'the yes/no value' },
  null: { zh: '空值', en: 'an empty value' },
};

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (value instanceof Date) return 'date';
  return typeof value;
}

/**
 * The value as the editor wrote it, short enough for one line, for the
 * English text. Never throws and never says "undefined" or "[object Object]":
 * a value must not stop the report (issue 16).
 */
export function valueText(value: unknown): string {
  if (value === undefined) return '(nothing)';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return clip(text);
}

/** One line's worth of a value: 40 characters at most. */
const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/** A date as written: bare when it is text, as in "date is 2022/2/24". */
const dateText = (value: unknown) => (typeof value === 'string' ? clip(value) : valueText(value));

/** The same for the Chinese text: strings in Chinese quotation marks. */
export function describeValue(value: unknown): string {
  if (value === undefined) return '（没有写）';
  if (value === null) return '空值';
  if (typeof value !== 'string') return valueText(value);
  return value.length > 38 ? `“${value.slice(0, 37)}…”` : `“${value}”`;
}

function valueAt(data: Record<string, unknown>, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function label(path: readonly PropertyKey[]): Bilingual {
  const field = String(path[0] ?? '');
  const part = path[1];
  if (typeof part === 'number') return { zh: `${fieldName(field)}的第 ${part + 1} 项`, en: `item ${part + 1} of "${field}"` };
  if (typeof part === 'string') {
    const zh = partLabels[part] ? `${part}（${partLabels[part]}）` : part;
    return { zh: `${fieldName(field)}的 ${zh}`, en: `"${field}.${part}"` };
  }
  return { zh: fieldName(field), en: `"${field}"` };
}

function explain(issue: Issue, found: unknown): { message: Bilingual; fix: Bilingual; code: string } {
  const field = String(issue.path[0] ?? '');
  const name = label(issue.path);
  if (found === undefined && issue.path.length === 1) {
    return {
      code: 'missing-field',
      message: { zh: `缺少必填字段 ${name.zh}。`, en: `The required field ${name.en} is missing.` },
      fix: { zh: `在 frontmatter 里加一行：${fieldExample(field)}`, en: `Add a line to the frontmatter: ${fieldExample(field)}` },
    };
  }
  if (found === undefined) {
    // A part of a group is missing, e.g. cover without alt.
    return {
      code: 'missing-field',
      message: { zh: `缺少必填的 ${name.zh}。`, en: `The required ${name.en} is missing.` },
      fix: { zh: `照这个样子写：${fieldExample(field)}`, en: `Write it like this: ${fieldExample(field)}` },
    };
  }
  if (field === 'date') {
    const text = describeValue(found);
    const wellFormed = typeof found === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(found.trim());
    return wellFormed
      ? {
          code: 'impossible-date',
          message: {
            zh: `${name.zh}是${text}，日历上没有这一天。`,
            en: `${name.en} is ${dateText(found)}, which is not a real calendar day.`,
          },
          fix: { zh: '核对原版面上的日期，写成存在的日期，例如 date: 2022-02-24。', en: 'Check the printed date and write a real day, e.g. date: 2022-02-24.' },
        }
      : {
          code: 'bad-date-format',
          message: {
            zh: `${name.zh}是${text}，应为 YYYY-MM-DD 格式。`,
            en: `${name.en} is ${dateText(found)}; expected the form YYYY-MM-DD.`,
          },
          fix: { zh: '写成“年-月-日”，月和日都用两位数，例如 date: 2022-02-24。', en: 'Write year-month-day with two-digit month and day, e.g. date: 2022-02-24.' },
        };
  }
  if (typeof found === 'number' && (issue.code === 'too_small' || (issue.code === 'invalid_type' && issue.expected === 'int'))) {
    // page and order count from 1: 第1版, the lead story.
    return {
      code: 'not-a-count',
      message: {
        zh: `${name.zh}是 ${describeValue(found)}，应为从 1 起的整数。`,
        en: `${name.en} is ${JSON.stringify(found)}; expected a whole number from 1.`,
      },
      fix: { zh: `写成 1、2、3……，例如 ${fieldExample(field)}`, en: `Write 1, 2, 3…, e.g. ${fieldExample(field)}` },
    };
  }
  if (issue.code === 'invalid_type') {
    const expected = typeNames[issue.expected] ?? { zh: issue.expected, en: issue.expected };
    const actual = foundNames[typeOf(found)] ?? typeNames[typeOf(found)] ?? { zh: typeOf(found), en: typeOf(found) };
    // An empty value (`draft:` with nothing after it) has nothing more to show.
    const shown = found === null ? { zh: '', en: '' } : { zh: ` ${describeValue(found)}`, en: ` ${valueText(found)}` };
    return {
      code: 'wrong-type',
      message: {
        zh: `${name.zh}应为${expected.zh}，现在是${actual.zh}${shown.zh}。`,
        en: `${name.en} should be ${expected.en}; found ${actual.en}${shown.en}.`,
      },
      fix: { zh: `照这个样子写：${fieldExample(field)}`, en: `Write it like this: ${fieldExample(field)}` },
    };
  }
  if (issue.code === 'too_small' && typeof found === 'string') {
    return {
      code: 'empty-field',
      message: { zh: `${name.zh}是空的。`, en: `${name.en} is empty.` },
      fix: { zh: `填上内容，或删掉这一行：${fieldExample(field)}`, en: `Fill it in or delete the line: ${fieldExample(field)}` },
    };
  }
  return {
    code: 'invalid-field',
    message: {
      zh: `${name.zh}的值 ${describeValue(found)} 不符合要求。`,
      en: `${name.en} has an invalid value ${valueText(found)}: ${issue.message}.`,
    },
    fix: { zh: `照这个样子写：${fieldExample(field)}`, en: `Write it like this: ${fieldExample(field)}` },
  };
}

/** Where the value at `path` is, or the nearest group that holds it (cover for a missing cover.alt). */
function nearestPosition(doc: Document, path: readonly PropertyKey[], positionOf: (offset: number) => Position): Position | undefined {
  for (let length = path.length; length > 0; length--) {
    const node = doc.getIn(path.slice(0, length) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return positionOf(node.range[0]);
  }
  return undefined;
}

/** Validates with the article schema; problems point at the offending value. */
export function validateFrontmatter(
  file: string,
  data: Record<string, unknown>,
  doc: Document,
  positionOf: (offset: number) => Position,
  fallback: Position,
): { data?: ArticleSourceData; problems: Problem[] } {
  const result = articleSchema.safeParse(data);
  if (result.success) return { data: result.data, problems: [] };
  const problems = result.error.issues.map((issue) => {
    const found = valueAt(data, issue.path);
    const at = nearestPosition(doc, issue.path, positionOf) ?? fallback;
    const { message, fix, code } = explain(issue, found);
    return problem(file, at, 'error', code, message, fix);
  });
  return { problems };
}
