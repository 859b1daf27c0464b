/**
 * `npm run import -- <page.txt>`: turns the OCR text of one printed page into
 * draft articles (`draft: true`) and prints a report of what it found.
 * Headlines are guesses for the editor to confirm; bodies are the page's
 * text with the scan's line breaks removed and paragraphs restored.
 *
 * Options:
 *   --date YYYY-MM-DD   issue date (default: a date in the file name, or the
 *                       pages folder's YYYY/MM-DD/NN.txt)
 *   --out <folder>      where to write (default: <content>/YYYY/MM-DD)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { decodeArticle } from '../src/lib/contentCheck/decodeArticle.ts';
import { parseIssueDate } from '../src/lib/issueDate.ts';
import { pageFromPath } from '../src/lib/scans/pagePath.ts';
import { assignHeadlines } from '../src/lib/ocrImport/assignHeadlines.ts';
import { draftArticle, placeholderTitle } from '../src/lib/ocrImport/draftArticle.ts';
import { findRepeats } from '../src/lib/ocrImport/findRepeats.ts';
import { loadArticleSources } from '../src/lib/articleSources-fs.ts';
import { renderSearchText } from '../src/lib/search/renderSearchText.ts';
import { splitPage, type SourceLine } from '../src/lib/ocrImport/splitPage.ts';
import { articlePermalink } from '../src/lib/permalink.ts';
import { slugFromTitle } from '../src/lib/slugFromTitle.ts';
import { issueFolder, uniqueArticlePath, usedSlugs } from '../src/lib/uniqueArticlePath-fs.ts';

function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

// Imported here so a bad setting (e.g. BASE_PATH) prints its message, not a stack trace.
const { siteConfig } = await import('../src/config.ts').catch((error: Error) => stop(error.message));

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { date: { type: 'string' }, out: { type: 'string' } },
});
const pageFile = positionals[0] ?? stop('用法 / Usage: npm run import -- <page.txt> [--date YYYY-MM-DD] [--out <folder>]');

const decoded = decodeArticle(readFileSync(pageFile));
const source = decoded.ok
  ? decoded.text
  : stop(`${pageFile} 不是 UTF-8 编码${decoded.encoding ? `（看起来是 ${decoded.encoding}）` : ''}，请先另存为 UTF-8。 / The page is not UTF-8.`);

// A date in the name (maoming-2022-02-24.txt), or the pages folder's layout (2022/02-24/01.txt).
const dateInName = /(\d{4}-\d{2}-\d{2})/.exec(path.basename(pageFile))?.[1] ?? pageFromPath(path.resolve(pageFile))?.date;
const date = values.date ?? dateInName ?? stop('文件名里没有日期，请用 --date YYYY-MM-DD 指定出版日期。 / No date in the file name: pass --date YYYY-MM-DD.');
if (!parseIssueDate(date)) stop(`日期 ${date} 不存在或格式不对，应为 YYYY-MM-DD。 / ${date} is not a real YYYY-MM-DD date.`);
const dateSource = values.date ? '由 --date 指定' : '取自文件名，原版面未印日期时请据正文核对并写 sourceNote';

const page = splitPage(source);
const { guesses, unassigned } = assignHeadlines(page.pieces, page.headlines);
const outDir = path.resolve(values.out ?? issueFolder(siteConfig.contentDir, date));
const used = usedSlugs(siteConfig.contentDir);
// The archive's articles of this day, drafts too (a page imported twice), to warn of repeats.
const archived = await Promise.all(
  loadArticleSources(siteConfig.contentDir, { includeDrafts: true, skipInvalid: true })
    .filter((article) => article.data.date === date)
    .map(async (article) => ({
      file: path.relative(process.cwd(), path.join(siteConfig.contentDir, article.file)),
      date,
      text: await renderSearchText(article.body),
    })),
);
mkdirSync(outDir, { recursive: true });

const range = (lines: SourceLine[]) => (lines.length === 1 ? `第 ${lines[0]!.no} 行` : `第 ${lines[0]!.no}–${lines.at(-1)!.no} 行`);
const report: string[] = [
  `导入 / Imported ${path.basename(pageFile)}`,
  `日期 / Date: ${date}（${dateSource}）`,
  `找到 ${page.pieces.length} 篇稿件、${page.headlines.length} 个标题块。 / Found ${page.pieces.length} pieces and ${page.headlines.length} headline blocks.`,
  '',
];

let repeatCount = 0;
page.pieces.forEach((piece, index) => {
  const guess = guesses[index]!;
  const title = guess.title?.text ?? placeholderTitle(piece);
  const file = uniqueArticlePath(outDir, slugFromTitle(title), used);
  const repeats = findRepeats({ date, text: piece.paragraphs.join('\n') }, archived);
  if (repeats.length > 0) repeatCount++;
  const order = index + 1;
  writeFileSync(file, draftArticle({ piece, guess, date, order, repeats: repeats.map((r) => r.file), dateSource, sourceFile: path.basename(pageFile) }));
  const characters = piece.paragraphs.join('').length;
  const credit = [piece.dateline, piece.reporters.length > 0 ? `记者 ${piece.reporters.join('、')}` : '无署名'].filter(Boolean).join(' · ');
  report.push(
    `${index + 1}. ${path.relative(process.cwd(), file)}（草稿 draft）`,
    `   永久链接 / Permalink: ${articlePermalink(date, file)} · 版内顺序 order: ${order}`,
    ...repeats.map(
      (repeat) =>
        `   ⚠ 重复 / Repeat: 与已有文章 ${repeat.file} 同日且正文${repeat.jaccard === 1 ? '相同' : '几乎相同'}（相似度 ${Math.round(repeat.containment * 100)}%，Jaccard ${Math.round(repeat.jaccard * 100)}%）。 / Same date and ${repeat.jaccard === 1 ? 'the same' : 'nearly the same'} body as ${repeat.file}.`,
    ),
    `   ${credit} · 原文第 ${piece.firstLine}–${piece.lastLine} 行 · ${piece.paragraphs.length} 段 · ${characters} 字`,
    guess.title
      ? `   标题（待确认）：${guess.title.text}  ← ${range(guess.title.lines)}`
      : `   标题：版面上没有找到，暂用“${title}”，已标为编者拟题（titleSupplied）。`,
    ...(guess.subtitle ? [`   副题（待确认）：${guess.subtitle.text}  ← ${range(guess.subtitle.lines)}`] : []),
    ...guess.captions.map((caption) => `   说明文字（未收入正文）：${caption.text}  ← 第 ${caption.no} 行`),
    `   开头：${piece.paragraphs[0]!.slice(0, 24)}…`,
    `   结尾：…${piece.paragraphs.at(-1)!.slice(-16)}`,
    '',
  );
});

if (repeatCount > 0) {
  report.push(
    `⚠ ${repeatCount} 篇草稿与档案中已有的文章重复（见上）。这个版面可能已经导入过：核对后删除多余的草稿，不要重复发布。`,
    `⚠ ${repeatCount} draft(s) repeat articles already in the archive (see above): this page may have been imported before.`,
    '',
  );
}
for (const block of unassigned) {
  report.push(`未能归属的标题块 / Unassigned headline block: ${block.lines.map((line) => line.text).join(' / ')}  ← ${range(block.lines)}`);
}
report.push(
  '下一步：逐篇核对标题、副题和正文（正文照录原文，疑误处在 notes 里加编者注，不要直接改），',
  '确认后删除 draft: true，再运行 npm run check:content。',
  'Next: confirm each headline and body, then remove draft: true and run npm run check:content.',
);
console.log(report.join('\n'));
