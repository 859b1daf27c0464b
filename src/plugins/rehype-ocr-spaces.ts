/**
 * rehype plugin: removes the spaces the OCR typed between a Han character and
 * a digit or Latin letter ("到 2025年底" reads "到2025年底"), as print sets
 * them; CSS `text-autospace` draws the proper gap. Only the rendered page
 * changes: the Markdown source keeps every character of the scan, and the
 * search text, taken from this same tree, matches what the page shows.
 * Code keeps its spaces.
 */
import type { Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { withoutOcrSpaces } from '../lib/cjkText.ts';

const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp']);

export default function rehypeOcrSpaces() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type === 'element' && VERBATIM.has(node.tagName)) return SKIP;
      if (node.type === 'text') node.value = withoutOcrSpaces(node.value);
      return undefined;
    });
  };
}
