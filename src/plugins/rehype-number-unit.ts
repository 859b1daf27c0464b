/**
 * rehype plugin: a number and its unit ("1万项", "2025年", "80%") become one
 * `<span class="num">`, which CSS keeps on one line (white-space: nowrap), so
 * a line never ends "革新1" with "万项" on the next. The text is unchanged.
 * Runs after rehype-ocr-spaces, so "到 2025年" is already "到2025年".
 */
import type { ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { NUMBER_WITH_UNIT } from '../lib/cjkText.ts';

const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp']);

function split(text: Text): ElementContent[] {
  const parts: ElementContent[] = [];
  let at = 0;
  for (const match of text.value.matchAll(NUMBER_WITH_UNIT)) {
    // A bare number breaks nowhere anyway; only a number with a unit needs holding together.
    if (!/[^0-9０-９.]/u.test(match[0])) continue;
    if (match.index > at) parts.push({ type: 'text', value: text.value.slice(at, match.index) });
    parts.push({ type: 'element', tagName: 'span', properties: { className: ['num'] }, children: [{ type: 'text', value: match[0] }] });
    at = match.index + match[0].length;
  }
  if (at < text.value.length) parts.push({ type: 'text', value: text.value.slice(at) });
  return parts;
}

export default function rehypeNumberUnit() {
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'element' && VERBATIM.has(node.tagName)) return SKIP;
      if (node.type !== 'text' || !parent || index === undefined) return undefined;
      const parts = split(node);
      if (parts.length === 1 && parts[0]!.type === 'text') return undefined;
      parent.children.splice(index, 1, ...parts);
      return [SKIP, index + parts.length];
    });
  };
}
