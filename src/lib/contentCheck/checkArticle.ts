/**
 * Checks one article file from its bytes: encoding, frontmatter, schema,
 * body, images, proofreading. Pure apart from the `exists` callback, so tests
 * can feed it strings and the dev server can reuse it.
 */
import { isScalar, isSeq, type Document } from 'yaml';
import { knownFields, type ArticleData } from '../articleSchema.ts';
import { readArticle } from '../readArticle.ts';
import { fieldName } from './fieldLabels.ts';
import { fileNameProblems } from './fileName.ts';
import { articleImages, type ArticleImage } from './imageRefs.ts';
import { problem, type Position, type Problem } from './problem.ts';
import { proofread } from './proofread.ts';
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
  /** Local Markdown images and the cover that exist, for the photo check that decodes them (checkContent-fs.ts). */
  images: ArticleImage[];
}

const TOP: Position = { line: 1, column: 1 };

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
  const reading = readArticle(bytes, file);
  const { frontmatter: raw, doc, positionOf } = reading;
  if (!raw || !doc) return { tags: [], images: [], problems: [...fileNameProblems(file), ...reading.problems] };
  const problems: Problem[] = fileNameProblems(file);
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

  problems.push(...reading.problems);
  const { data, body, bodyLine } = reading;

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

  if (isEmptyBody(body)) {
    const draft = raw.draft === true;
    problems.push(
      problem(
        file,
        { line: bodyLine, column: 1 },
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

  const images = articleImages(reading, context.absolutePath);
  const found: ArticleImage[] = [];
  for (const image of images) {
    if (context.exists(image.file)) {
      // Raw HTML <img> is passed through, not imported: only the others are decoded.
      if (!image.html) found.push(image);
      continue;
    }
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

  problems.push(...proofread(file, body, bodyLine));

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
  return { problems, data, tags, images: found };
}
