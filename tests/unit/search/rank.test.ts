import { describe, expect, it } from 'vitest';
import { compareHits, smallestSpan, type RankFacts } from '../../../src/search/rankHits.ts';
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

describe('search URL state', () => {
  it('round-trips and leaves defaults out', () => {
    const state = readState('?q=云海&sort=oldest&year=2022&tag=天气&bogus=1');
    expect(state).toEqual({ query: '云海', sort: 'oldest', filters: { year: ['2022'], tag: ['天气'] } });
    expect(readState(stateToSearch(state))).toEqual(state);
    expect(stateToSearch(readState('?q=a&sort=nonsense'))).toBe('?q=a');
  });
});
