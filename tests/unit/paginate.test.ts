import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, pageParam, pagePath, pageWindow, paginate } from '../../src/lib/paginate.ts';

describe('pagination', () => {
  it('splits lists longer than 50 into pages with stable first addresses', () => {
    const pages = paginate(Array.from({ length: 120 }, (_, i) => i), '/tags/x/');
    expect(PAGE_SIZE).toBe(50);
    expect(pages.map((p) => p.items.length)).toEqual([50, 50, 20]);
    expect(pages.map((p) => p.path)).toEqual(['/tags/x/', '/tags/x/2/', '/tags/x/3/']);
    expect(pages[0]!.prevPath).toBeUndefined();
    expect(pages[1]).toMatchObject({ prevPath: '/tags/x/', nextPath: '/tags/x/3/', total: 3 });
    expect(pages[2]!.nextPath).toBeUndefined();
  });

  it('keeps a list of exactly 50 on one page, and an empty list has one empty page', () => {
    expect(paginate(Array.from({ length: 50 }), '/a/')).toHaveLength(1);
    expect(paginate([], '/a/')).toEqual([expect.objectContaining({ number: 1, total: 1, items: [] })]);
  });

  it('uses no page parameter for page 1', () => {
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(2)).toBe('2');
    expect(pagePath('/r/', 1)).toBe('/r/');
  });

  it('puts a prefix before the number where a bare number would clash (a day\'s issue)', () => {
    const pages = paginate(Array.from({ length: 51 }), '/2022/02/24/', 50, 'page/');
    expect(pages.map((p) => p.path)).toEqual(['/2022/02/24/', '/2022/02/24/page/2/']);
    expect(pages[1]!.prevPath).toBe('/2022/02/24/');
    expect(pageParam(2, 'page/')).toBe('page/2');
    expect(pageParam(1, 'page/')).toBeUndefined();
  });

  it('links the first, the last and two pages either side of the current one', () => {
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(1, 40)).toEqual([1, 2, 3, null, 40]);
    expect(pageWindow(20, 40)).toEqual([1, null, 18, 19, 20, 21, 22, null, 40]);
    expect(pageWindow(4, 40)).toEqual([1, 2, 3, 4, 5, 6, null, 40]);
    expect(pageWindow(1, 1)).toEqual([1]);
  });
});
