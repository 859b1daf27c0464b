import { describe, expect, it } from 'vitest';
import { decodeFacets, encodeFacets, type FacetSource } from '../../../src/lib/search/facetFile.ts';

const article = (date: string, section: string | undefined, reporters: string[], tags: string[]): FacetSource => ({
  data: { date, section, reporters, tags },
});

describe('facet file', () => {
  const newestFirst = [
    article('2023-06-03', '要闻', ['梁奈'], ['天气']),
    article('2023-01-02', undefined, [], []),
    article('2022-12-31', '要闻', ['梁奈', '王创'], ['天气', '天气']),
    article('2021-03-10', '城事', ['王创'], []),
  ];

  // The places of the index's page ids (src/lib/search/pageIds.ts).
  it('names articles by date place (0 = oldest) and round-trips', () => {
    const index = decodeFacets(JSON.parse(JSON.stringify(encodeFacets([...newestFirst].reverse()))));
    expect([...index.keys()]).toEqual(['year', 'section', 'reporter', 'tag']);
    expect(index.get('year')).toEqual(new Map([['2021', new Set([0])], ['2022', new Set([1])], ['2023', new Set([2, 3])]]));
    expect(index.get('section')).toEqual(new Map([['城事', new Set([0])], ['要闻', new Set([1, 3])]]));
    expect(index.get('reporter')).toEqual(new Map([['王创', new Set([0, 1])], ['梁奈', new Set([1, 3])]]));
    expect(index.get('tag')).toEqual(new Map([['天气', new Set([1, 3])]]));
  });

  it('writes places as gaps', () => {
    expect(encodeFacets([...newestFirst].reverse()).reporter).toEqual({ 王创: [0, 1], 梁奈: [1, 2] });
  });
});
