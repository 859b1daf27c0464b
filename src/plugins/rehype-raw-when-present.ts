/**
 * rehype-raw for trees that hold raw HTML, and nothing for the rest.
 * rehype-raw re-parses the whole tree with parse5 so the sanitiser sees the
 * author's HTML as real elements. A tree without raw nodes comes out of that
 * parse as it went in, and most articles are plain text: skipping it saved
 * about 0.15 ms an article, 3 s of the content sync at 20,000 (issue #8).
 * tests/plugins/rawWhenPresent.test.ts renders every Markdown file of the
 * project both ways and compares the HTML.
 */
import type { Nodes, Root } from 'hast';
import rehypeRaw, { type Options } from 'rehype-raw';
import type { VFile } from 'vfile';

/** True when the tree has a raw node anywhere; stops at the first. */
function hasRaw(node: Nodes): boolean {
  if (node.type === 'raw') return true;
  return 'children' in node && node.children.some((child) => hasRaw(child as Nodes));
}

export default function rehypeRawWhenPresent(options?: Options) {
  const transform = rehypeRaw(options);
  return (tree: Root, file: VFile): Root => (hasRaw(tree) ? transform(tree, file) : tree);
}
