/**
 * Parses one day file of the development corpus (../shared/corpus/xwlb-2022-2023,
 * see its SOURCE.md) into stories: headline and plain-text paragraphs.
 * Used only by benchmarks and large-archive tests, never for content/.
 */
import { decodeHTML } from 'entities';

export interface CorpusStory {
  /** Issue day, YYYY-MM-DD. */
  date: string;
  /** Position within the day, from 1. */
  index: number;
  title: string;
  paragraphs: string[];
}

/** Turns one raw-HTML body into plain paragraphs: tags dropped, entities decoded. */
export function htmlToParagraphs(html: string): string[] {
  return html
    .split(/<\/p>|<br\s*\/?>|\n{2,}/i)
    .map((chunk) => decodeHTML(chunk.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph.length > 0);
}

export function parseXwlbDay(fileName: string, text: string): CorpusStory[] {
  const day = /(\d{4})(\d{2})(\d{2})/.exec(fileName);
  if (!day) throw new Error(`Corpus file name has no date: ${fileName}`);
  const date = `${day[1]}-${day[2]}-${day[3]}`;
  const details = text.split(/^## 详细新闻\s*$/m)[1] ?? '';
  const stories: CorpusStory[] = [];
  for (const block of details.split(/^### /m).slice(1)) {
    const newline = block.indexOf('\n');
    const title = decodeHTML(block.slice(0, newline < 0 ? undefined : newline)).trim();
    const body = (newline < 0 ? '' : block.slice(newline + 1)).replace(/^\[查看原文\]\(.*\)\s*$/gm, '');
    const paragraphs = htmlToParagraphs(body);
    // The corpus has empty stories on purpose; an article needs a body.
    if (title && paragraphs.length > 0) stories.push({ date, index: stories.length + 1, title, paragraphs });
  }
  return stories;
}
