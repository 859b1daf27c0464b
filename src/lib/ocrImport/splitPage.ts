/**
 * Rebuilds the articles of one OCR'd newspaper page. The page's text comes
 * in reading order of the scan, not of the articles: bodies, then headline
 * blocks, then more bodies, with column breaks that insert blank lines in
 * the middle of sentences. The rules:
 * - a dateline/byline (茂名晚报讯 记者X) starts a new article;
 * - a blank-line block made only of short unpunctuated lines (and captions),
 *   after a finished sentence, is a headline block; body text after headline
 *   blocks starts a new article (e.g. a photo feature without byline);
 * - a blank line is a paragraph break only after a finished sentence, and a
 *   finished sentence on a clearly short line ends a paragraph too;
 *   otherwise lines are joined (Chinese-aware, see joinBrokenLine).
 */
import { endsSentence, isCaption, isHeadlineLine, joinBrokenLine, parseByline } from './ocrText.ts';

export interface SourceLine {
  /** 1-based line number in the page file. */
  no: number;
  text: string;
}

export interface Piece {
  dateline?: string;
  reporters: string[];
  paragraphs: string[];
  /** First and last source line of the body. */
  firstLine: number;
  lastLine: number;
}

export interface HeadlineBlock {
  /** Headline lines as printed (captions removed). */
  lines: SourceLine[];
  captions: SourceLine[];
}

export interface SplitPage {
  pieces: Piece[];
  headlines: HeadlineBlock[];
}

interface Block {
  lines: SourceLine[];
}

/** Lines shorter than this share of the piece's usual line length end early. */
const SHORT_LINE = 0.75;

function blocksOf(source: string): Block[] {
  const blocks: Block[] = [];
  let current: SourceLine[] = [];
  source.split(/\r?\n/).forEach((raw, index) => {
    const text = raw.replace(/^[\s\u3000\uFEFF]+|[\s\u3000]+$/g, '');
    if (text === '') {
      if (current.length > 0) blocks.push({ lines: current });
      current = [];
    } else {
      current.push({ no: index + 1, text });
    }
  });
  if (current.length > 0) blocks.push({ lines: current });
  return blocks;
}

function isHeadlineBlock(block: Block): boolean {
  const headlineLines = block.lines.filter((line) => !isCaption(line.text));
  return (
    headlineLines.length > 0 &&
    headlineLines.every((line) => isHeadlineLine(line.text)) &&
    parseByline(block.lines[0]!.text) === undefined
  );
}

interface PieceLine extends SourceLine {
  /** True when a blank line stood before this line in the source. */
  afterBlank: boolean;
}

interface OpenPiece {
  dateline?: string;
  reporters: string[];
  lines: PieceLine[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function paragraphsOf(lines: PieceLine[]): string[] {
  const usual = median(lines.map((line) => line.text.length));
  const paragraphs: string[] = [];
  let current = '';
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    const breaks =
      previous !== undefined &&
      endsSentence(previous.text) &&
      (line.afterBlank || previous.text.length < usual * SHORT_LINE);
    if (breaks) {
      paragraphs.push(current);
      current = line.text;
    } else {
      current = joinBrokenLine(current, line.text);
    }
  });
  if (current !== '') paragraphs.push(current);
  return paragraphs;
}

export function splitPage(source: string): SplitPage {
  const pieces: OpenPiece[] = [];
  const headlines: HeadlineBlock[] = [];
  let previousText: string | undefined;
  let afterHeadlines = false;

  for (const block of blocksOf(source)) {
    // Headlines sit between finished articles, never inside a broken sentence.
    const canBeHeadline = previousText === undefined || endsSentence(previousText) || afterHeadlines;
    if (canBeHeadline && isHeadlineBlock(block)) {
      headlines.push({
        lines: block.lines.filter((line) => !isCaption(line.text)),
        captions: block.lines.filter((line) => isCaption(line.text)),
      });
      afterHeadlines = true;
      continue;
    }
    block.lines.forEach((line, index) => {
      const byline = parseByline(line.text);
      const startsPiece = byline !== undefined || pieces.length === 0 || (afterHeadlines && index === 0);
      if (startsPiece) pieces.push({ dateline: byline?.dateline, reporters: byline?.reporters ?? [], lines: [] });
      const text = byline ? byline.rest : line.text;
      if (text !== '') pieces.at(-1)!.lines.push({ no: line.no, text, afterBlank: index === 0 && !startsPiece });
      afterHeadlines = false;
    });
    previousText = block.lines.at(-1)!.text;
  }

  return {
    pieces: pieces
      .filter((piece) => piece.lines.length > 0)
      .map((piece) => ({
        dateline: piece.dateline,
        reporters: piece.reporters,
        paragraphs: paragraphsOf(piece.lines),
        firstLine: piece.lines[0]!.no,
        lastLine: piece.lines.at(-1)!.no,
      })),
    headlines,
  };
}
