/**
 * The index words and the query plans must agree exactly with substring
 * search. This test indexes random texts the way Pagefind stores them (word →
 * positions), runs each plan the way src/search/engine.ts does, and compares
 * with String.includes over many random terms.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_POSITION, HEADLINE_SLOTS, encodeChar, indexWords, queryTerms, recordWords, termPlan } from '../../../src/lib/search/tokens.ts';
import { seededRandom } from '../../../bench/lib/corpusArchive.ts';

/** word → sorted positions, with Pagefind's prefix matching. */
function postings(words: string[]) {
  return (lookup: string) =>
    words.flatMap((word, position) => (word.startsWith(lookup) ? [position] : [])).sort((a, b) => a - b);
}

function occurs(words: string[], term: string): number[] {
  const plan = termPlan(term);
  const find = postings(words);
  const [first, ...rest] = plan.words;
  const others = rest.map(({ word, offset }) => ({ present: new Set(find(word)), offset }));
  return find(first!.word).filter((start) => others.every(({ present, offset }) => present.has(start + offset)));
}

describe('tokens', () => {
  it('encodes a character as four letters', () => {
    expect(encodeChar('云')).toMatch(/^[a-z]{4}$/);
    expect(encodeChar('云')).not.toBe(encodeChar('海'));
    expect(encodeChar('\u0000')).toBe('aaaa');
  });

  it('indexes bigrams, a run end and a break per run', () => {
    const words = indexWords('云海 山');
    const [yun, hai, shan] = ['云', '海', '山'].map(encodeChar);
    expect(words).toEqual([yun! + hai!, `${hai}aaaa`, EMPTY_POSITION, `${shan}aaaa`, EMPTY_POSITION]);
  });

  it('plans every other bigram, plus the last for odd lengths', () => {
    expect(termPlan('经济发展').words.map((word) => word.offset)).toEqual([0, 2]);
    expect(termPlan('经济发展了').words.map((word) => word.offset)).toEqual([0, 2, 3]);
    expect(termPlan('云').words).toEqual([{ word: encodeChar('云'), offset: 0 }]);
  });

  it('splits queries on spaces and drops repeats', () => {
    expect(queryTerms('云海  浮山岭 云海')).toEqual(['云海', '浮山岭']);
  });

  it('agrees with substring search on random text, across runs and punctuation', () => {
    const random = seededRandom(3);
    const alphabet = [...'云海山水，。ab1 '];
    for (let round = 0; round < 200; round += 1) {
      const text = Array.from({ length: 60 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const words = indexWords(text);
      for (let trial = 0; trial < 20; trial += 1) {
        const length = 1 + Math.floor(random() * 5);
        const term = Array.from({ length }, () => alphabet[Math.floor(random() * (alphabet.length - 1))]).join('');
        const expected = text.split(' ').some((run) => run.includes(term));
        expect(occurs(words, term).length > 0, `${term} in ${text}`).toBe(expected);
      }
    }
  });

  it('counts every occurrence once', () => {
    expect(occurs(indexWords('云海云海 云海。云'), '云海')).toHaveLength(3);
    expect(occurs(indexWords('云海云海 云海。云'), '云')).toHaveLength(4);
    expect(occurs(indexWords('哈哈哈哈'), '哈哈哈')).toHaveLength(2);
  });

  it('puts the headline block in the first HEADLINE_SLOTS positions', () => {
    const words = recordWords('云海', '浮山岭云海');
    const starts = occurs(words, '云海');
    expect(starts).toHaveLength(2);
    expect(starts[0]).toBeLessThan(HEADLINE_SLOTS);
    expect(starts[1]).toBeGreaterThanOrEqual(HEADLINE_SLOTS);
  });
});
