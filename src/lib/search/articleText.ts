/**
 * The plain text a reader sees in an article, derived from its Markdown, for
 * the search index and for excerpts. It follows what the site's Markdown
 * pipeline shows: markup and escapes disappear, a line break between two
 * Chinese characters disappears (remark-cjk-linebreak), other line breaks
 * become a space, and blocks (paragraphs, headings, list items) become lines.
 */
import { decodeHTML } from 'entities';
import type { ArticleData } from '../articleSchema.ts';

// The same characters as src/plugins/remark-cjk-linebreak.ts, so index text and pages agree.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2014\u2026\u00b7]/u;

function joinLines(lines: string[]): string {
  let text = '';
  for (const line of lines) {
    if (text === '') text = line;
    else if (CJK.test(text.slice(-1)) && CJK.test(line.charAt(0))) text += line;
    else text += ` ${line}`;
  }
  return text;
}

function inlineText(block: string): string {
  return decodeHTML(
    block
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, '')
      .replace(/(?<!\\)(\*\*|__|\*|_|~~|`)/g, '')
      .replace(/\\([\\`*_{}[\]()#+\-.!<>|~&=])/g, '$1'),
  );
}

/** Markdown body → plain text, one line per block. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) =>
      joinLines(
        block
          .split('\n')
          .map((line) => line.trim().replace(/^(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/, '').trim())
          .filter((line) => line.length > 0),
      ),
    )
    .map(inlineText)
    .filter((text) => text.trim().length > 0)
    .join('\n');
}

/** The headline block: kicker, headline and subtitle, one per line, as printed. */
export function headlineBlock(data: Pick<ArticleData, 'title' | 'kicker' | 'subtitle'>): string {
  return [data.kicker, data.title, data.subtitle].filter(Boolean).join('\n');
}
