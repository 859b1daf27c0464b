/**
 * Writes one imported piece as a draft article: frontmatter with the
 * importer's guesses marked in YAML comments for the editor to confirm,
 * then the body, one paragraph per block, text exactly as reconstructed.
 */
import { Document, isSeq } from 'yaml';
import type { HeadlineGuess } from './assignHeadlines.ts';
import type { Piece, SourceLine } from './splitPage.ts';

export interface DraftInput {
  piece: Piece;
  guess: HeadlineGuess;
  date: string;
  /** The piece's place on the scanned page, 1 for the first (frontmatter `order`). */
  order: number;
  /** Archived articles this draft repeats (src/lib/ocrImport/findRepeats.ts), named in a comment. */
  repeats?: string[];
  /** Where the date came from, for the editor, e.g. "取自文件名". */
  dateSource: string;
  sourceFile: string;
}

const lineRange = (lines: SourceLine[]) =>
  lines.length === 1 ? `第 ${lines[0]!.no} 行` : `第 ${lines[0]!.no}–${lines.at(-1)!.no} 行`;

/** The headline used when the page printed none: the body's first phrase. */
export function placeholderTitle(piece: Piece): string {
  return (piece.paragraphs[0] ?? '').split(/[，。！？；：,.!?;:]/u)[0]!.slice(0, 20);
}

/**
 * Markdown would read some paragraph openings as syntax (a heading, a list,
 * a quote); a backslash keeps them text without changing what readers see.
 */
export function escapeParagraph(text: string): string {
  return text.replace(/^([#>+*-]|\d+[.)](?=\s))/, '\\$1');
}

export function draftArticle({ piece, guess, date, order, repeats = [], dateSource, sourceFile }: DraftInput): string {
  const comments = [
    `# 由 npm run import 从 ${sourceFile}（第 ${piece.firstLine}–${piece.lastLine} 行）导入的草稿。`,
    '# 核对标题与正文后删除 draft: true 即可发布；可删除这些注释。',
    guess.title
      ? `# 标题待确认：取自版面${lineRange(guess.title.lines)}的标题块。`
      : '# 标题待确认：版面上没有找到这篇的标题，下面是用正文开头临时拟的，已标为编者拟题（titleSupplied）。',
    ...(guess.subtitle ? [`# 副题待确认：取自版面${lineRange(guess.subtitle.lines)}（可能是副题或引题）。`] : []),
    ...guess.captions.map((caption) => `# 版面上的说明文字“${caption.text}”（第 ${caption.no} 行）未收入正文。`),
    `# 日期 ${date}：${dateSource}。`,
    `# 版内顺序 order: ${order}：按扫描版面上的先后，头条为 1，请对照版面核对。`,
    ...repeats.map((file) => `# 注意：本篇与档案中已有的 ${file} 同日且正文几乎相同，可能是重复导入；确认后删除其中一篇。`),
  ];
  const data: Record<string, unknown> = {
    title: guess.title?.text ?? placeholderTitle(piece),
    ...(guess.title ? {} : { titleSupplied: true }),
    ...(guess.subtitle ? { subtitle: guess.subtitle.text } : {}),
    date,
    order,
    ...(piece.dateline ? { dateline: piece.dateline } : {}),
    ...(piece.reporters.length > 0 ? { reporters: piece.reporters } : {}),
    draft: true,
  };
  const doc = new Document(data);
  // reporters: [梁奈] reads better than a one-item block list.
  const reporters = doc.get('reporters', true);
  if (isSeq(reporters)) reporters.flow = true;
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `---\n${comments.join('\n')}\n${yaml}---\n\n${piece.paragraphs.map(escapeParagraph).join('\n\n')}\n`;
}
