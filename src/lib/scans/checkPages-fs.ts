/**
 * The printed pages' part of the content check: each page file (its fields,
 * its scan: there, an image, within the photo limits; its OCR text: there),
 * and each article's page fields (a region needs a page that exists, and
 * must lie on its scan). Every problem names the file, the field and the
 * fix, like the article checks. `check:content` and the build run it after
 * the article check. Node-only.
 */
import { stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { loadArticleSources, type ArticleSource } from '../articleSources-fs.ts';
import type { Problem } from '../contentCheck/problem.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTO_SIDE, PHOTO_EXTENSIONS } from '../photoLimits.ts';
import { pageNumberName } from './pagePath.ts';
import { fieldLine, pageProblem } from './pageProblem.ts';
import { readPages, type PageSource } from './readPages-fs.ts';
import { regionFits } from './region.ts';
import { pageImageSize } from './scanImages-fs.ts';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const FIX_SCAN_SIZE = {
  zh: `把扫描件缩小后另存为 JPEG（长边 ${MAX_PHOTO_SIDE} 像素、${megabytes(MAX_PHOTO_BYTES)}以内；300 dpi 的对开版面约 5000×8000 像素，足够放大阅读）。`,
  en: `Save the scan smaller as JPEG (at most ${MAX_PHOTO_SIDE} px on the long side and ${megabytes(MAX_PHOTO_BYTES)}).`,
};

/** The scan's problems: missing, not an image, or over the photo limits. */
async function scanProblems(page: PageSource, text: string): Promise<Problem[]> {
  if (!page.scanFile) return [];
  const name = page.data.scan!;
  const at = (code: string, message: { zh: string; en: string }, fix: { zh: string; en: string }) => [pageProblem(page.file, 'scan', code, message, fix, text)];
  const info = await stat(page.scanFile).catch(() => undefined);
  if (!info?.isFile()) {
    return at('page-scan-missing', { zh: `找不到扫描件 ${name}（应在 ${path.dirname(page.file)}/ 里）。`, en: `The scan ${name} is not there.` }, {
      zh: '把扫描件放进这个文件夹，或改正 scan: 后的文件名；没有扫描件就删掉 scan: 这一行。',
      en: 'Put the scan beside the page file, correct the name, or remove the scan line.',
    });
  }
  const notImage = {
    zh: `扫描件 ${name} 不是可发布的图片（可用：${PHOTO_EXTENSIONS.map((ext) => `.${ext}`).join(' ')}）。`,
    en: `The scan ${name} is not an image that can be published.`,
  };
  const fixNotImage = { zh: '把扫描件导出为 JPEG（.jpg）或 PNG 后替换；PDF 请先逐页导出为图片。', en: 'Export the scan as JPEG or PNG (PDF pages as images first).' };
  const ext = path.extname(name).slice(1).toLowerCase();
  if (!(PHOTO_EXTENSIONS as readonly string[]).includes(ext)) return at('page-scan-not-image', notImage, fixNotImage);
  if (info.size > MAX_PHOTO_BYTES) {
    return at('page-scan-too-large', { zh: `扫描件 ${name} 有 ${megabytes(info.size)}，超过 ${megabytes(MAX_PHOTO_BYTES)} 的上限。`, en: `The scan is ${megabytes(info.size)}, over the limit.` }, FIX_SCAN_SIZE);
  }
  const meta = await sharp(page.scanFile).metadata().catch(() => undefined);
  if (!meta?.width || !meta.height) return at('page-scan-not-image', { zh: `${notImage.zh.replace(/（.*$/, '')}：文件无法解码，可能已损坏或扩展名不对。`, en: `${notImage.en} It cannot be decoded.` }, fixNotImage);
  if (Math.max(meta.width, meta.height) > MAX_PHOTO_SIDE) {
    return at('page-scan-too-large', { zh: `扫描件 ${name} 为 ${meta.width}×${meta.height} 像素，长边超过 ${MAX_PHOTO_SIDE} 像素的上限。`, en: `The scan is ${meta.width}×${meta.height} px, over ${MAX_PHOTO_SIDE} px.` }, FIX_SCAN_SIZE);
  }
  return [];
}

function ocrProblems(page: PageSource, text: string): Problem[] {
  if (!page.ocrFile || existsSync(page.ocrFile)) return [];
  return [
    pageProblem(page.file, 'ocr', 'page-ocr-missing', { zh: `找不到 OCR 文本 ${page.data.ocr}。`, en: `The OCR text ${page.data.ocr} is not there.` }, {
      zh: '把 OCR 文本（UTF-8 的 .txt）放进这个文件夹，或删掉 ocr: 这一行。',
      en: 'Put the OCR text (UTF-8 .txt) beside the page file, or remove the ocr line.',
    }, text),
  ];
}

/** An article's page fields against the pages that exist. */
function articleProblems(article: ArticleSource, file: string, pages: Map<string, { page: PageSource; size?: { width: number; height: number } }>, pagesDir: string): Problem[] {
  const { regions, page, date } = article.data;
  if (regions.length === 0) return [];
  const at = (code: string, line: number, message: { zh: string; en: string }, fix: { zh: string; en: string }): Problem => ({
    ...pageProblem(file, '', code, message, fix),
    line,
  });
  const regionsLine = fieldLine(article.raw.replace(/^\uFEFF?---\r?\n/, ''), 'regions') + 1;
  if (page === undefined) {
    return [at('regions-without-page', regionsLine, { zh: '写了 regions（版面位置），却没有写 page（版次）。', en: 'regions are given but page is not.' }, {
      zh: '加上文章所在的版次，例如 page: 1。',
      en: 'Add the page the article is printed on, e.g. page: 1.',
    })];
  }
  const expected = path.join(pagesDir, date.slice(0, 4), date.slice(5), `${pageNumberName(page)}.yml`);
  const found = pages.get(`${date}/${page}`);
  if (!found) {
    return [at('page-missing', regionsLine, {
      zh: `文章写在 ${date} 第 ${page} 版的版面上，但没有这一版的版面文件（${expected}）。`,
      en: `The article names page ${page} of ${date}, but there is no page file ${expected}.`,
    }, {
      zh: `新建 ${expected}（至少写 page: ${page} 和 source:），或改正 page: 和 date:。`,
      en: `Create ${expected} (with page and source), or correct page and date.`,
    })];
  }
  if (!found.size) return [];
  const { width, height } = found.size;
  return regions.flatMap((region, index) =>
    regionFits(region, found.size!)
      ? []
      : [at('region-outside-scan', regionsLine + index, {
          zh: `regions 第 ${index + 1} 个区域超出了版面图（${found.page.file}：${width}×${height} 像素）。`,
          en: `Region ${index + 1} lies outside the page image (${width}×${height} px).`,
        }, {
          zh: `按扫描件的像素坐标重写这个区域：x + width 不超过 ${width}，y + height 不超过 ${height}。`,
          en: `Use the scan's pixel coordinates: x + width ≤ ${width}, y + height ≤ ${height}.`,
        })],
  );
}

/** Every problem of the pages folder and of the articles' page fields. */
export async function checkPages(pagesDir: string, contentDir: string, root = process.cwd()): Promise<Problem[]> {
  const { pages, problems } = readPages(pagesDir, root);
  const known = new Map<string, { page: PageSource; size?: { width: number; height: number } }>();
  for (const page of pages) {
    const text = readFileSync(path.resolve(root, page.file), 'utf8');
    problems.push(...(await scanProblems(page, text)), ...ocrProblems(page, text));
    // An undecodable scan has been reported above; its regions cannot be checked.
    known.set(`${page.date}/${page.page}`, { page, size: await pageImageSize(page).catch(() => undefined) });
  }
  const absoluteContent = path.resolve(root, contentDir);
  if (!existsSync(absoluteContent)) return problems;
  for (const article of loadArticleSources(absoluteContent, { includeDrafts: true, skipInvalid: true })) {
    const file = path.relative(root, path.join(absoluteContent, article.file));
    problems.push(...articleProblems(article, file, known, path.relative(root, path.resolve(root, pagesDir)) || pagesDir));
  }
  return problems;
}
