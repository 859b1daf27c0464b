/**
 * Validates frontmatter with the one article schema (src/lib/articleSchema.ts)
 * and turns zod's issues into messages an editor can act on: the field, what
 * was found, what is expected, and a line to copy.
 */
import type { z } from 'astro/zod';
import type { Document } from 'yaml';
import { articleSchema, type ArticleData } from '../articleSchema.ts';
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

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (value instanceof Date) return 'date';
  return typeof value;
}

/** The value as the editor wrote it, short enough for one line. */
export function describeValue(value: unknown): string {
  if (value === null) return '空值';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
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
  const item = typeof path[1] === 'number' ? path[1] + 1 : undefined;
  return item === undefined
    ? { zh: fieldName(field), en: `"${field}"` }
    : { zh: `${fieldName(field)}的第 ${item} 项`, en: `item ${item} of "${field}"` };
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
  if (field === 'date') {
    const text = describeValue(found);
    const wellFormed = typeof found === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(found.trim());
    return wellFormed
      ? {
          code: 'impossible-date',
          message: {
            zh: `${name.zh}是${text}，日历上没有这一天。`,
            en: `${name.en} is ${String(found)}, which is not a real calendar day.`,
          },
          fix: { zh: '核对原版面上的日期，写成存在的日期，例如 date: 2022-02-24。', en: 'Check the printed date and write a real day, e.g. date: 2022-02-24.' },
        }
      : {
          code: 'bad-date-format',
          message: {
            zh: `${name.zh}是${text}，应为 YYYY-MM-DD 格式。`,
            en: `${name.en} is ${String(found)}; expected the form YYYY-MM-DD.`,
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
    const actual = typeNames[typeOf(found)] ?? { zh: typeOf(found), en: typeOf(found) };
    return {
      code: 'wrong-type',
      message: {
        zh: `${name.zh}应为${expected.zh}，现在是${actual.zh} ${describeValue(found)}。`,
        en: `${name.en} should be ${expected.en}; found ${actual.en} ${JSON.stringify(found)}.`,
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
      en: `${name.en} has an invalid value ${JSON.stringify(found)}: ${issue.message}.`,
    },
    fix: { zh: `照这个样子写：${fieldExample(field)}`, en: `Write it like this: ${fieldExample(field)}` },
  };
}

/** Validates with the article schema; problems point at the offending value. */
export function validateFrontmatter(
  file: string,
  data: Record<string, unknown>,
  doc: Document,
  positionOf: (offset: number) => Position,
  fallback: Position,
): { data?: ArticleData; problems: Problem[] } {
  const result = articleSchema.safeParse(data);
  if (result.success) return { data: result.data, problems: [] };
  const problems = result.error.issues.map((issue) => {
    const found = valueAt(data, issue.path);
    const node = doc.getIn(issue.path as unknown[], true) as { range?: [number, number, number] } | undefined;
    const at = node?.range ? positionOf(node.range[0]) : fallback;
    const { message, fix, code } = explain(issue, found);
    return problem(file, at, 'error', code, message, fix);
  });
  return { problems };
}
