/**
 * Draws a reconstructed page (示意版面) as SVG for sharp to render: the
 * masthead, a label that says it is not a scan, and each article's headline
 * and text set inside its region. Used only for pages that have no surviving
 * scan (`reconstruction:` in the page file), so the viewer, the regions and
 * IIIF can be shown and tested with the archive's own text.
 */
import LineBreaker from 'linebreak';
import type { Box } from './region.ts';

export interface ReconstructedArticle {
  title: string;
  subtitle?: string;
  /** The article's paragraphs as its page shows them (the visible text, one block a line). */
  paragraphs: string[];
  box: Box;
}

export interface ReconstructionInput {
  width: number;
  height: number;
  /** Top line, e.g. 茂名晚报. */
  masthead: string;
  /** The line under it: date, page, section. */
  dateline: string;
  /** Printed in red across the top: 示意版面，非原版扫描. */
  label: string;
  articles: ReconstructedArticle[];
}

const FONT = "'Noto Serif CJK SC', 'Noto Sans CJK SC', serif";

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Advance of a character in em: full width for CJK, about half for Latin letters and digits. */
function advance(char: string): number {
  return char.charCodeAt(0) < 0x2e80 ? 0.55 : 1;
}

/** Width in em of a piece of text. */
function widthOf(text: string): number {
  let width = 0;
  for (const char of text) width += advance(char);
  return width;
}

/**
 * Breaks text into lines of at most `width` em, only where the Unicode line
 * breaking algorithm (UAX #14) allows, as the site's pages do with CSS
 * `line-break: strict`: no line starts with 。，、；：？！）》” or the second
 * half of …… and ——, none ends with （《“, and numbers and Latin words stay
 * whole. A piece wider than a whole line is cut character by character.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const put = (piece: string, size: number) => {
    if (used + size > width && line !== '') {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += piece;
    used += size;
  };
  const breaker = new LineBreaker(text);
  let start = 0;
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
    const piece = text.slice(start, next.position);
    start = next.position;
    const size = widthOf(piece);
    if (size <= width) put(piece, size);
    else for (const char of piece) put(char, advance(char));
  }
  if (line !== '') lines.push(line);
  return lines;
}

interface SetText {
  size: number;
  lines: Array<{ text: string; indent: boolean }>;
}

/** Paragraph lines at the largest font size (from 40 px down) whose lines fit the height. */
function fitBody(paragraphs: string[], width: number, height: number): SetText {
  for (let size = 40; ; size -= 1) {
    // One character of slack: digits and Latin letters are narrower than guessed in some fonts, wider in others.
    const perLine = Math.floor(width / size) - 1;
    const lines = paragraphs.filter((paragraph) => paragraph.trim() !== '').flatMap((paragraph) =>
      wrapText(`\u3000\u3000${paragraph}`, perLine).map((text, index) => ({ text, indent: index === 0 })),
    );
    if (lines.length * size * 1.5 <= height || size <= 12) return { size, lines };
  }
}

function articleSvg(article: ReconstructedArticle): string {
  const { x, y, width, height } = article.box;
  const pad = 24;
  const titleSize = Math.min(72, Math.floor((width - 2 * pad) / Math.max(8, [...article.title].length)));
  const titleLines = wrapText(article.title, Math.floor((width - 2 * pad) / titleSize));
  let top = y + pad + titleSize;
  const parts = [`<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="none" stroke="#999" stroke-width="2"/>`];
  for (const line of titleLines) {
    parts.push(`<text x="${x + width / 2}" y="${top}" font-size="${titleSize}" font-weight="bold" text-anchor="middle">${escapeXml(line)}</text>`);
    top += titleSize * 1.3;
  }
  if (article.subtitle) {
    const size = Math.round(titleSize * 0.5);
    parts.push(`<text x="${x + width / 2}" y="${top}" font-size="${size}" text-anchor="middle">${escapeXml(article.subtitle)}</text>`);
    top += size * 1.6;
  }
  const body = fitBody(article.paragraphs, width - 2 * pad, y + height - pad - top);
  for (const line of body.lines) {
    top += body.size * 1.5;
    parts.push(`<text x="${x + pad}" y="${top - body.size * 0.4}" font-size="${body.size}">${escapeXml(line.text)}</text>`);
  }
  return parts.join('\n');
}

/** The whole page as an SVG document. */
export function reconstructionSvg(input: ReconstructionInput): string {
  const { width, height } = input;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xml:space="preserve" font-family="${FONT}" fill="#222">`,
    `<rect width="${width}" height="${height}" fill="#f4efe3"/>`,
    `<text x="${width / 2}" y="150" font-size="140" font-weight="bold" text-anchor="middle">${escapeXml(input.masthead)}</text>`,
    `<text x="80" y="260" font-size="44">${escapeXml(input.dateline)}</text>`,
    `<text x="${width - 80}" y="260" font-size="52" font-weight="bold" fill="#b3261e" text-anchor="end">${escapeXml(input.label)}</text>`,
    `<line x1="60" y1="300" x2="${width - 60}" y2="300" stroke="#222" stroke-width="6"/>`,
    ...input.articles.map(articleSvg),
    '</svg>',
  ].join('\n');
}
