import { describe, expect, it } from 'vitest';
import { compareHits, smallestSpan, type RankFacts } from '../../../src/search/rankHits.ts';
import { planShards } from '../../../src/lib/search/planShards.ts';
import { headlineBlock, markdownToPlainText } from '../../../src/lib/search/articleText.ts';
import { readState, stateToSearch } from '../../../src/search/searchState.ts';

const hit = (facts: Partial<RankFacts> & { name: string }) => ({ headlineTerms: 0, occurrences: 1, span: 0, datePlace: 0, ...facts });

describe('ranking', () => {
  const hits = [
    hit({ name: 'old body', occurrences: 1, datePlace: 4 }),
    hit({ name: 'headline', headlineTerms: 1, occurrences: 1, datePlace: 0 }),
    hit({ name: 'many', occurrences: 4, datePlace: 2 }),
    hit({ name: 'new body', occurrences: 1, datePlace: 9 }),
    hit({ name: 'close', occurrences: 1, span: 2, datePlace: 1 }),
    hit({ name: 'far', occurrences: 1, span: 90, datePlace: 8 }),
  ];
  it('ranks headline matches, then more occurrences, then closer, then newer', () => {
    expect([...hits].sort(compareHits('relevance')).map((h) => h.name)).toEqual(['headline', 'many', 'new body', 'old body', 'close', 'far']);
  });
  it('sorts by date both ways', () => {
    expect([...hits].sort(compareHits('newest')).map((h) => h.datePlace)).toEqual([9, 8, 4, 2, 1, 0]);
    expect([...hits].sort(compareHits('oldest')).map((h) => h.datePlace)).toEqual([0, 1, 2, 4, 8, 9]);
  });
  it('measures the smallest window holding every term', () => {
    expect(smallestSpan([[1, 50], [48, 200]])).toBe(2);
    expect(smallestSpan([[5]])).toBe(0);
    expect(smallestSpan([[1], []])).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('shard plan', () => {
  const article = (date: string, slug: string) => ({ permalink: `/${date.replaceAll('-', '/')}/${slug}/`, data: { date } });
  it('keeps whole years together and caps the size', () => {
    const articles = [
      ...Array.from({ length: 3 }, (_, i) => article('2020-05-01', `a${i}.md`)),
      ...Array.from({ length: 3 }, (_, i) => article('2021-05-01', `b${i}.md`)),
      ...Array.from({ length: 5 }, (_, i) => article('2022-0' + (i + 1) + '-01', `c${i}.md`)),
    ];
    const shards = planShards(articles, 4);
    expect(shards.map((shard) => shard.articles.length)).toEqual([3, 3, 4, 1]);
    expect(shards.map((shard) => shard.name)).toEqual(['2020-05-01_2020-05-01', '2021-05-01_2021-05-01', '2022-01-01_2022-04-01', '2022-05-01_2022-05-01']);
    expect(planShards(articles, 100)).toHaveLength(1);
  });
});

describe('article text', () => {
  it('renders Markdown to the text a reader sees', () => {
    const text = markdownToPlainText('第一段**重点**文字\n接着写。\n\n## 小标题\n\n- [链接](https://x.org) 与 \\*星号\\*\n\n&amp; AI\nnews');
    expect(text).toBe('第一段重点文字接着写。\n小标题\n链接 与 *星号*\n& AI news');
  });
  it('joins kicker, headline and subtitle', () => {
    expect(headlineBlock({ title: '主题', kicker: '引题', subtitle: '副题' })).toBe('引题\n主题\n副题');
  });
});

describe('search URL state', () => {
  it('round-trips and leaves defaults out', () => {
    const state = readState('?q=云海&sort=oldest&year=2022&tag=天气&bogus=1');
    expect(state).toEqual({ query: '云海', sort: 'oldest', filters: { year: ['2022'], tag: ['天气'] } });
    expect(readState(stateToSearch(state))).toEqual(state);
    expect(stateToSearch(readState('?q=a&sort=nonsense'))).toBe('?q=a');
  });
});
