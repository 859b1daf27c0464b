import { describe, expect, it } from 'vitest';
import { articlePermalink, slugFromFile } from '../../src/lib/permalink.ts';
import { findPermalinkClashes, permalinkClashProblems } from '../../src/lib/findPermalinkClashes.ts';

describe('permalinks', () => {
  it('is /YYYY/MM/DD/<file name without .md>/', () => {
    expect(articlePermalink('2022-02-24', 'content/articles/2022/02-24/fu-shan-ling-yun-hai.md')).toBe(
      '/2022/02/24/fu-shan-ling-yun-hai/',
    );
    expect(slugFromFile('a\\b\\云海.markdown')).toBe('云海');
  });

  it('names both files of a clash', () => {
    const clashes = findPermalinkClashes([
      { file: 'a/yunhai.md', permalink: '/2022/02/24/yunhai/' },
      { file: 'b/yunhai.md', permalink: '/2022/02/24/yunhai/' },
      { file: 'c/other.md', permalink: '/2022/02/24/other/' },
    ]);
    expect(clashes).toEqual([{ permalink: '/2022/02/24/yunhai/', files: ['a/yunhai.md', 'b/yunhai.md'] }]);
    const problems = permalinkClashProblems(clashes);
    expect(problems.map((item) => [item.file, item.code])).toEqual([
      ['a/yunhai.md', 'duplicate-permalink'],
      ['b/yunhai.md', 'duplicate-permalink'],
    ]);
    expect(problems[0]!.message.zh).toBe('永久链接 /2022/02/24/yunhai/ 重复：b/yunhai.md 也发布在这个地址。');
  });
});
