/**
 * remark plugin: editors hard-wrap Chinese lines, and a browser shows every
 * line break inside a paragraph as a space. Between two Chinese characters
 * (or full-width punctuation) that space is wrong, so the break is removed.
 * Spaces typed on purpose (“茂名晚报讯 记者梁奈”) and breaks next to Latin
 * words are left alone.
 */
import type { Root, RootContent, Parent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { CJK_CHARS, isCjk } from '../lib/cjkText.ts';

const INNER_BREAK = new RegExp(`([${CJK_CHARS}])[ \\t]*\\r?\\n[ \\t]*(?=[${CJK_CHARS}])`, 'gu');
const lastChar = (node: RootContent | undefined) => (node ? [...toString(node)].at(-1) : undefined);
const firstChar = (node: RootContent | undefined) => (node ? [...toString(node)][0] : undefined);

export default function remarkCjkLinebreak() {
  return (tree: Root) => {
    visit(tree, 'text', (node, index, parent: Parent | undefined) => {
      let value = node.value.replace(INNER_BREAK, '$1');
      const siblings = parent?.children ?? [];
      const before = index === undefined ? undefined : siblings[index - 1];
      const after = index === undefined ? undefined : siblings[index + 1];
      // A break at the edge of this text node, next to **emphasis** or a link.
      if (/^[ \t]*\r?\n[ \t]*/.test(value) && isCjk(lastChar(before)) && isCjk([...value.trimStart()][0])) {
        value = value.replace(/^[ \t]*\r?\n[ \t]*/, '');
      }
      if (/[ \t]*\r?\n[ \t]*$/.test(value) && isCjk(firstChar(after)) && isCjk([...value.trimEnd()].at(-1))) {
        value = value.replace(/[ \t]*\r?\n[ \t]*$/, '');
      }
      node.value = value;
    });
  };
}
