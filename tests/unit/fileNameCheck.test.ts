/**
 * An article's file name becomes the last part of its address; a name an
 * address cannot hold as written is an error of the content check (so of the
 * build and the dev server too), naming the file and the name to use instead.
 */
import { describe, expect, it } from 'vitest';
import { checkArticle } from '../../src/lib/contentCheck/checkArticle.ts';
import { formatProblems } from '../../src/lib/contentCheck/formatReport.ts';

const GOOD = new TextEncoder().encode('---\ntitle: 冷雨后转晴\ndate: 2022-02-24\n---\n\n冷雨后转晴。\n');

function problemsOf(name: string, bytes = GOOD) {
  const file = `content/articles/2022/02-24/${name}`;
  return checkArticle(bytes, { file, absolutePath: `/archive/${file}`, exists: () => false, today: '2026-12-07' }).problems;
}

describe('the file name check', () => {
  it('accepts letters, digits, hyphens and Chinese', () => {
    for (const name of ['fu-shan-ling-yun-hai.md', '冷雨后转晴.md', '𠮷野家.md', '2022_report.markdown']) expect(problemsOf(name), name).toEqual([]);
  });

  it('refuses a space, with the file, the reason and the name to use', () => {
    expect(formatProblems(problemsOf('fu shan ling.md'))).toMatchInlineSnapshot(`
      "content/articles/2022/02-24/fu shan ling.md
        第 1 行，第 1 列 · line 1, column 1 · 错误 error [unsafe-file-name]
          问题：文件名“fu shan ling.md”含有空格：文件名就是文章网址的最后一段，网址里不能这样写，链接和引用会断开。
          Problem: The file name "fu shan ling.md" contains a space: the file name is the last part of the article's address, which cannot hold it as written, so links and citations would break.
          修改：把文件改名为 fu-shan-ling.md（汉字和字母都可以用，词之间用连字符 -）。
          Fix: Rename the file to fu-shan-ling.md (letters and Chinese are fine; join words with -)."
    `);
  });

  it('refuses # and ? (a link would lead to another address) and %, naming each', () => {
    for (const [name, char, renamed] of [
      ['a#b.md', '“#”', 'a-b.md'],
      ['问?号.md', '“?”', '问-号.md'],
      ['百分%号.md', '“%”', '百分-号.md'],
    ]) {
      const [found, ...rest] = problemsOf(name!);
      expect(rest).toEqual([]);
      expect(found).toMatchObject({ severity: 'error', code: 'unsafe-file-name', line: 1, column: 1 });
      expect(found!.message.zh).toContain(char);
      expect(found!.fix.zh).toContain(renamed);
    }
  });

  it('is reported beside the other problems of a file that has no frontmatter', () => {
    expect(problemsOf('x y.md', new TextEncoder().encode('正文。\n')).map((item) => item.code)).toEqual(['unsafe-file-name', 'frontmatter-missing']);
  });
});
