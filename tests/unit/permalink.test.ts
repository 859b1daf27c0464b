import { describe, expect, it } from 'vitest';
import { articlePermalink, slugFromFile } from '../../src/lib/permalink.ts';
import { describePermalinkClashes, findPermalinkClashes } from '../../src/lib/findPermalinkClashes.ts';

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
    const message = describePermalinkClashes(clashes);
    expect(message).toContain('a/yunhai.md');
    expect(message).toContain('b/yunhai.md');
    expect(message).toContain('/2022/02/24/yunhai/');
  });
});
