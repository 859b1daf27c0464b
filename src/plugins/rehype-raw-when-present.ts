/**
 * rehype-raw for trees that hold raw HTML, and nothing for the rest.
 * rehype-raw re-parses the whole tree with parse5 so the sanitiser sees the
 * author's HTML as real elements. A tree without raw nodes comes out of that
 * parse as it went in, and most articles are plain text: skipping it saved
 * about 0.15 ms an article, 3 s of the content sync at 20,000 (issue #8).
 * tests/plugins/rawWhenPresent.test.ts renders every Markdown file of the
 * project both ways and compares the HTML.
 */
import type { Root } from 'hast';
import rehypeRaw, { type Options } from 'rehype-raw';
import type { VFile } from 'vfile';

/** A hast node as remark-rehype leaves it: `raw` is its type for HTML kept as text, not in hast's own types. */
type Node = { type: string; children?: Node[] };

/** True when the tree has a raw node anywhere; stops at the first. */
function hasRaw(node: Node): boolean {
  return node.type === 'raw' || (node.children?.some(hasRaw) ?? false);
}

export default function rehypeRawWhenPresent(options?: Options) {
  const transform = rehypeRaw(options);
  return (tree: Root, file: VFile): Root => (hasRaw(tree) ? transform(tree, file) : tree);
}
