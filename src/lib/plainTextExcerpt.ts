/**
 * A plain-text excerpt of rendered (already sanitised) article HTML, for
 * feed descriptions when the editor wrote no summary.
 */
import { decodeHTML } from 'entities';

/** A tag with its attributes; quoted values may contain ">" (hast-util-to-html quotes with "). */
const TAG = /<(?:[^>"']|"[^"]*"|'[^']*')*>/g;

/** The text of the first paragraphs, at most `length` characters (code points), with "…" when cut. */
export function plainTextExcerpt(html: string, length = 120): string {
  const text = decodeHTML(html.replace(TAG, ' ')).replace(/\s+/g, ' ').trim();
  const characters = Array.from(text);
  return characters.length <= length ? text : `${characters.slice(0, length).join('').trimEnd()}…`;
}
