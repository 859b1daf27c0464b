/**
 * Checks one article file from its bytes: encoding, frontmatter, schema,
 * body, images, proofreading. Pure apart from the `exists` callback, so tests
 * can feed it strings and the dev server can reuse it.
 */
import path from 'node:path';
import { isScalar, isSeq, type Document } from 'yaml';
import { knownFields, type ArticleData } from '../articleSchema.ts';
import { decodeArticle } from './decodeArticle.ts';
import { fieldName } from './fieldLabels.ts';
import { findImageRefs, imageFilePath, isLocalPath } from './imageRefs.ts';
import { parseFrontmatter } from './parseFrontmatter.ts';
import { problem, type Position, type Problem } from './problem.ts';
import { proofread } from './proofread.ts';
import { validateFrontmatter } from './schemaMessages.ts';
import { splitFrontmatter } from './splitFrontmatter.ts';
import { suggestField } from './suggestField.ts';
import type { TagUse } from './tagVariants.ts';

export interface CheckContext {
  /** Path shown in messages (relative to the project root). */
  file: string;
  /** Absolute path, to resolve images beside the article. */
  absolutePath: string;
  exists: (absolutePath: string) => boolean;
  /** Today's date, YYYY-MM-DD, for the future-date warning. */
  today: string;
}

export interface CheckedArticle {
  problems: Problem[];
  /** Present when the frontmatter is valid: what cross-file checks need. */
  data?: ArticleData;
  tags: TagUse[];
}

const TOP: Position = { line: 1, column: 1 };

const FRONTMATTER_TEMPLATE = '---\ntitle: 标题\ndate: 2022-02-24\n---';

function frontmatterProblem(file: string, kind: 'missing' | 'unclosed' | 'empty', at: Position): Problem {
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

/** Position of a top-level key (for warnings about the key itself). */
function keyPositions(doc: Document, positionOf: (offset: number) => Position): Map<string, Position> {
  const positions = new Map<string, Position>();
  const contents = doc.contents as { items?: Array<{ key: unknown }> } | null;
  for (const pair of contents?.items ?? []) {
    if (isScalar(pair.key) && pair.key.range) positions.set(String(pair.key.value), positionOf(pair.key.range[0]));
  }
  return positions;
}

/** True when the body has no text once HTML comments and whitespace are gone. */
export function isEmptyBody(body: string): boolean {
  return body.replace(/<!--[\s\S]*?(-->|$)/g, '').trim() === '';
}

export function checkArticle(bytes: Uint8Array, context: CheckContext): CheckedArticle {
  const { file } = context;
  const decoded = decodeArticle(bytes);
  if (!decoded.ok) {
    const looksGb = decoded.encoding === 'GB18030';
    const name = looksGb ? 'GB18030（GBK）' : decoded.encoding;
    return {
      tags: [],
      problems: [
        problem(
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
        ),
      ],
    };
  }

  const split = splitFrontmatter(decoded.text);
  if (split.kind === 'missing') return { tags: [], problems: [frontmatterProblem(file, 'missing', TOP)] };
  if (split.kind === 'unclosed') return { tags: [], problems: [frontmatterProblem(file, 'unclosed', TOP)] };
  if (split.kind === 'empty') return { tags: [], problems: [frontmatterProblem(file, 'empty', { line: split.line, column: 1 })] };

  const parsed = parseFrontmatter(file, split.yaml, split.yamlLine);
  if (!parsed.ok) return { tags: [], problems: parsed.problems };
  const { data: raw, doc, positionOf } = parsed.value;
  const problems: Problem[] = [];
  const keys = keyPositions(doc, positionOf);

  for (const [key, at] of keys) {
    if (knownFields.includes(key)) continue;
    const suggestion = suggestField(key, knownFields);
    problems.push(
      problem(
        file,
        at,
        'warning',
        'unknown-field',
        suggestion
          ? { zh: `不认识的字段“${key}”，是不是想写 ${fieldName(suggestion)}？`, en: `Unknown field "${key}". Did you mean "${suggestion}"?` }
          : { zh: `不认识的字段“${key}”，它会被忽略。`, en: `Unknown field "${key}"; it will be ignored.` },
        suggestion
          ? { zh: `把“${key}”改成“${suggestion}”。`, en: `Rename "${key}" to "${suggestion}".` }
          : {
              zh: '检查拼写；如果确实需要这个新字段，请开发人员把它加进 src/lib/articleSchema.ts。',
              en: 'Check the spelling; if the archive needs this field, ask a developer to add it to src/lib/articleSchema.ts.',
            },
      ),
    );
  }

  const validated = validateFrontmatter(file, raw, doc, positionOf, { line: split.yamlLine - 1, column: 1 });
  problems.push(...validated.problems);
  const data = validated.data;

  if (data && data.date > context.today) {
    problems.push(
      problem(
        file,
        keys.get('date') ?? TOP,
        'warning',
        'future-date',
        { zh: `日期 ${data.date} 还没到（今天是 ${context.today}）。`, en: `The date ${data.date} is in the future (today is ${context.today}).` },
        { zh: '核对出版日期：档案里的文章不会晚于今天。', en: 'Check the issue date: archived articles cannot be from the future.' },
      ),
    );
  }

  if (isEmptyBody(split.body)) {
    const draft = raw.draft === true;
    problems.push(
      problem(
        file,
        { line: split.bodyLine, column: 1 },
        draft ? 'warning' : 'error',
        'empty-body',
        { zh: '正文是空的。', en: 'The article body is empty.' },
        {
          zh: '在 frontmatter 结尾的 --- 下面空一行，写入正文。',
          en: 'Write the body below the closing --- line, after a blank line.',
        },
      ),
    );
  }

  const articleDir = path.dirname(context.absolutePath);
  const images = findImageRefs(split.body, split.bodyLine);
  // cover is { src, alt, caption, credit } (src/lib/articleSchema.ts).
  const cover = doc.getIn(['cover', 'src'], true) as { value?: unknown; range?: [number, number, number] } | undefined;
  if (typeof cover?.value === 'string' && isLocalPath(cover.value)) {
    images.push({ src: cover.value, at: cover.range ? positionOf(cover.range[0]) : TOP, html: false });
  }
  for (const image of images) {
    const target = path.resolve(articleDir, imageFilePath(image.src));
    if (context.exists(target)) continue;
    problems.push(
      problem(
        file,
        image.at,
        image.html ? 'warning' : 'error',
        'missing-image',
        { zh: `找不到图片文件 ${image.src}。`, en: `The image file ${image.src} does not exist.` },
        {
          zh: '把图片放在文章旁边的这个位置，或改正路径（注意大小写和扩展名）。',
          en: 'Put the image at that path next to the article, or correct the path (mind case and extension).',
        },
      ),
    );
  }

  problems.push(...proofread(file, split.body, split.bodyLine));

  // The schema keeps a repeated name or tag once; the editor still hears of it.
  for (const field of ['reporters', 'tags'] as const) {
    const list = doc.get(field, true);
    if (!isSeq(list)) continue;
    const seen = new Set<string>();
    for (const item of list.items) {
      if (!isScalar(item) || typeof item.value !== 'string' || !item.range) continue;
      const value = item.value.trim();
      if (!seen.has(value)) {
        seen.add(value);
        continue;
      }
      problems.push(
        problem(
          file,
          positionOf(item.range[0]),
          'warning',
          'repeated-item',
          { zh: `${fieldName(field)}里“${value}”出现了两次。`, en: `"${value}" is listed twice in ${field}.` },
          { zh: '删去重复的一项（网站上只显示一次）。', en: 'Delete the repeated entry (the site shows it once).' },
        ),
      );
    }
  }

  const tags: TagUse[] = [];
  const tagNode = doc.get('tags', true);
  if (data && isSeq(tagNode)) {
    for (const item of tagNode.items) {
      if (isScalar(item) && typeof item.value === 'string' && item.range) {
        tags.push({ tag: item.value.trim(), file, ...positionOf(item.range[0]) });
      }
    }
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { problems, data, tags };
}
