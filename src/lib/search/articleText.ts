/**
 * The plain text a reader sees in an article, derived from its Markdown, for
 * the search index and for excerpts. It follows what the site's Markdown
 * pipeline shows: markup and escapes disappear, a line break between two
 * Chinese characters disappears (remark-cjk-linebreak), other line breaks
 * become a space, and blocks (paragraphs, headings, list items) become lines.
 */
import { decodeHTML } from 'entities';
import type { ArticleData } from '../articleSchema.ts';
import { joinCjkAware } from '../cjkText.ts';


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
      joinCjkAware(
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
