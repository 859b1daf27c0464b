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

/** Han, kana, Hangul, CJK and full-width punctuation, curly quotes, dashes, ellipses. */
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2014\u2026\u00b7`;
const INNER_BREAK = new RegExp(`([${CJK}])[ \\t]*\\r?\\n[ \\t]*(?=[${CJK}])`, 'gu');
const IS_CJK = new RegExp(`^[${CJK}]$`, 'u');

const isCjk = (char: string | undefined) => char !== undefined && IS_CJK.test(char);
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
