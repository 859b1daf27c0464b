/**
 * The visible text of a hast tree, as a browser lays it out for innerText:
 * text of elements that are not rendered (scripts, styles, templates,
 * `hidden`) and image alt text are left out, whitespace runs collapse to one
 * space, and block elements (paragraphs, headings, list items, table rows,
 * captions…) are lines of their own, a <br> a line break. Lines are trimmed
 * and empty ones dropped, so the result is one line per block of text.
 */
import type { Element, Root, RootContent } from 'hast';

const NOT_RENDERED = new Set(['script', 'style', 'template', 'noscript', 'img', 'picture', 'source', 'video', 'audio', 'iframe', 'object', 'svg', 'math']);

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'ul',
]);
/** Table cells sit on one line, apart (innerText puts a tab between them). */
const CELLS = new Set(['td', 'th']);

export function visibleText(tree: Root | Element): string {
  const lines: string[] = [];
  let line = '';
  const endLine = () => {
    const text = line.replace(/[ \t\n\r\f]+/g, ' ').trim();
    if (text) lines.push(text);
    line = '';
  };
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        line += node.value;
      } else if (node.type === 'element') {
        if (NOT_RENDERED.has(node.tagName) || node.properties.hidden) {
          // <picture> only holds images; an <img> adds no text.
          continue;
        }
        if (node.tagName === 'br') {
          endLine();
          continue;
        }
        const block = BLOCKS.has(node.tagName);
        if (block) endLine();
        if (CELLS.has(node.tagName)) line += ' ';
        walk(node.children);
        if (CELLS.has(node.tagName)) line += ' ';
        if (block) endLine();
      }
    }
  };
  walk(tree.children);
  endLine();
  return lines.join('\n');
}
