/**
 * Reads the pages folder (content/pages/YYYY/MM-DD/NN.yml): each printed
 * page's metadata, validated, with the paths of its scan and OCR text.
 * Node-only. Problems are returned, never thrown, so `check:content`, the
 * build and the dev server report them the same way (checkPages-fs.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Problem } from '../contentCheck/problem.ts';
import { pageFromPath } from './pagePath.ts';
import { pageSchema, type PageData } from './pageSchema.ts';
import { pageProblem } from './pageProblem.ts';

export interface PageSource {
  /** Path shown in messages, relative to the project root. */
  file: string;
  date: string;
  page: number;
  data: PageData;
  /** Absolute paths of the files the metadata names. */
  scanFile?: string;
  ocrFile?: string;
}

export interface PagesRead {
  pages: PageSource[];
  problems: Problem[];
}

/** Every page metadata file under the folder (YYYY/MM-DD/NN.yml), sorted. */
export function listPageFiles(pagesDir: string): string[] {
  if (!existsSync(pagesDir)) return [];
  return readdirSync(pagesDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Reads one page file; a page with problems is still returned when its metadata parsed. */
export function readPageFile(absolutePath: string, pagesDir: string, root: string): { page?: PageSource; problems: Problem[] } {
  const file = path.relative(root, absolutePath) || absolutePath;
  const where = pageFromPath(path.relative(pagesDir, absolutePath));
  if (!where) {
    return {
      problems: [
        pageProblem(file, '', 'page-file-name', {
          zh: '版面文件的位置或名字不对，无法得知日期和版次。',
          en: 'The page file is not at YYYY/MM-DD/NN.yml, so its date and page number are unknown.',
        }, {
          zh: '放到 页面文件夹/年/月-日/版次.yml，例如 content/pages/2022/02-24/01.yml。',
          en: 'Put it at <pages>/YYYY/MM-DD/NN.yml, e.g. content/pages/2022/02-24/01.yml.',
        }),
      ],
    };
  }
  const text = readFileSync(absolutePath, 'utf8');
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      problems: [
        pageProblem(file, '', 'page-yaml', { zh: `YAML 写法有误：${detail}`, en: `Invalid YAML: ${detail}` }, {
          zh: '每行写成“字段: 值”，冒号用半角并在后面空一格。',
          en: 'Write each line as "field: value" with an ASCII colon and a space.',
        }, text),
      ],
    };
  }
  const parsed = pageSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => {
        const field = issue.path.map(String).join('.');
        const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
        return pageProblem(file, field, 'page-schema', {
          zh: missing ? `缺少必填字段 ${field}。` : `字段 ${field || '（整个文件）'}：${issue.message}`,
          en: missing ? `The required field ${field} is missing.` : `Field ${field || '(whole file)'}: ${issue.message}`,
        }, PAGE_FIELD_FIXES[field.split('.')[0] ?? ''] ?? PAGE_FIELD_FIXES[''], text);
      }),
    };
  }
  const data = parsed.data;
  const problems: Problem[] = [];
  if (data.page !== where.page) {
    problems.push(
      pageProblem(file, 'page', 'page-number-mismatch', {
        zh: `版次 page: ${data.page} 与文件名（第 ${where.page} 版）不一致。`,
        en: `page: ${data.page} does not match the file name (page ${where.page}).`,
      }, { zh: `改成 page: ${where.page}，或把文件改名为 ${String(data.page).padStart(2, '0')}.yml。`, en: `Write page: ${where.page}, or rename the file.` }, text),
    );
  }
  const beside = (name?: string) => (name ? path.join(path.dirname(absolutePath), name) : undefined);
  return { page: { file, ...where, data, scanFile: beside(data.scan), ocrFile: beside(data.ocr) }, problems };
}

/** What to write for each field when it is wrong. */
const PAGE_FIELD_FIXES: Record<string, { zh: string; en: string }> = {
  '': {
    zh: '版面文件至少要有 page（版次）和 source（来源），例如：\npage: 1\nsource: 报社资料室藏纸本，2023年扫描',
    en: 'A page file needs at least page and source, e.g.\npage: 1\nsource: scanned from the paper copy, 2023',
  },
  page: { zh: '写版次的数字，例如 page: 1。', en: 'Write the page number, e.g. page: 1.' },
  section: { zh: '写版面名，例如 section: 要闻。', en: 'Write the section name, e.g. section: 要闻.' },
  source: { zh: '写明扫描件的来历，例如 source: 报社资料室藏纸本，2023年扫描。', en: 'Say where the scan came from.' },
  scan: { zh: '写扫描图的文件名（与本文件同一文件夹），例如 scan: 01.jpg。', en: 'Write the scan file name beside this file, e.g. scan: 01.jpg.' },
  ocr: { zh: '写 OCR 文本的文件名（与本文件同一文件夹），例如 ocr: 01.txt。', en: 'Write the OCR text file name beside this file, e.g. ocr: 01.txt.' },
  reconstruction: {
    zh: '没有扫描件时才写示意版面的尺寸，例如\nreconstruction:\n  width: 2400\n  height: 3400',
    en: 'Only for pages without a scan: reconstruction: { width: 2400, height: 3400 }.',
  },
  publishScan: { zh: '写 publishScan: true 或删掉这一行。', en: 'Write publishScan: true or remove the line.' },
};

/** Every page under the folder. */
export function readPages(pagesDir: string, root = process.cwd()): PagesRead {
  const absoluteDir = path.resolve(root, pagesDir);
  const results = listPageFiles(absoluteDir).map((file) => readPageFile(file, absoluteDir, root));
  return {
    pages: results.flatMap((result) => (result.page ? [result.page] : [])),
    problems: results.flatMap((result) => result.problems),
  };
}

/** The page's OCR text as stored (a BOM dropped), or undefined without one. */
export function readOcrText(page: PageSource): string | undefined {
  if (!page.ocrFile || !existsSync(page.ocrFile)) return undefined;
  return readFileSync(page.ocrFile, 'utf8').replace(/^\uFEFF/, '');
}
