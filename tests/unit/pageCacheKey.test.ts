import { describe, expect, it } from 'vitest';
import { pageCacheKey } from '../../src/lib/pageCacheKey.ts';

const article = (digest: string, title = '标题', rendered = '<p>正文</p>') => ({
  id: '2022/02-24/yunhai',
  permalink: '/2022/02/24/yunhai/',
  data: { title, date: '2022-02-24', tags: ['天气'] },
  entry: { id: '2022/02-24/yunhai', digest, rendered: { html: rendered } },
});

describe('page cache keys for incremental builds', () => {
  it('is stable for the same props', () => {
    expect(pageCacheKey({ article: article('d1') })).toBe(pageCacheKey({ article: article('d1') }));
    expect(pageCacheKey({ article: article('d1') })).toMatch(/^[\w-]{22}$/);
  });

  it('changes when the source file (digest) or any other prop changes', () => {
    const key = pageCacheKey({ article: article('d1') });
    expect(pageCacheKey({ article: article('d2') })).not.toBe(key);
    expect(pageCacheKey({ article: article('d1'), next: { title: '下一篇', permalink: '/2022/02/25/x/' } })).not.toBe(key);
  });

  it('never reads frontmatter data (the digest covers it; reading a cover image would publish its original)', () => {
    // JSON.stringify looks up toJSON on every value; any other read is a field read.
    const data = new Proxy({}, {
      get: (_, key) => {
        if (key === 'toJSON') return undefined;
        throw new Error(`data.${String(key)} was read`);
      },
      ownKeys: () => {
        throw new Error('data was enumerated');
      },
    });
    expect(() => pageCacheKey({ article: { ...article('d1'), data } })).not.toThrow();
  });

  it('hashes entries by digest, not by their rendered HTML', () => {
    expect(pageCacheKey({ article: article('d1', '标题', '<p>另一种渲染</p>') })).toBe(pageCacheKey({ article: article('d1') }));
  });
});
