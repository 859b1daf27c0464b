/**
 * rehype plugin, run right after the sanitiser: an <img> whose source the
 * sanitiser removed (a data:, javascript: or http: URL) or that never had one
 * is invalid HTML and shows a broken-image icon. It becomes its alt text,
 * so the reader still learns what was there.
 */
import type { Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

export default function rehypeImageAltFallback() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img' || node.properties.src || !parent || index === undefined) return;
      const alt = typeof node.properties.alt === 'string' ? node.properties.alt : '';
      parent.children.splice(index, 1, ...(alt ? [{ type: 'text' as const, value: alt }] : []));
      return [SKIP, index];
    });
  };
}
