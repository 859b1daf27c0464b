import { beforeAll, describe, expect, it } from 'vitest';
import { isTraditional, normalise, normaliseWithMap, prepareNormalise } from '../../../src/lib/search/normalise.ts';
import { findMatches } from '../../../src/lib/search/findMatches.ts';

beforeAll(() => prepareNormalise());

describe('normalise', () => {
  it('folds width, case and traditional characters', () => {
    expect(normalise('ＡＢＣ１２３')).toBe('abc123');
    expect(normalise('COVID-19')).toBe('covid-19');
    expect(normalise('雲海')).toBe('云海');
    expect(normalise('浮山嶺觀雲海')).toBe('浮山岭观云海');
    expect(normalise('云海')).toBe('云海');
  });

  it('makes every kind of whitespace one space', () => {
    expect(normalise('云\u3000海\n山\t水')).toBe('云 海 山 水');
  });

  it('maps normalised offsets back to the original', () => {
    const { text, origin } = normaliseWithMap('Ａ雲㈱海');
    expect(text).toBe('a云(株)海');
    expect([...origin]).toEqual([0, 1, 2, 2, 2, 3]);
  });

  it('knows which characters need the table', () => {
    expect(isTraditional('雲')).toBe(true);
    expect(isTraditional('云')).toBe(false);
    expect(isTraditional('a')).toBe(false);
  });
});

describe('findMatches', () => {
  it('finds traditional text for a simplified term and returns original offsets', () => {
    const text = '今天浮山嶺上雲海翻騰，云海壯觀';
    expect(findMatches(text, ['云海']).map(([s, e]) => text.slice(s, e))).toEqual(['雲海', '云海']);
  });

  it('merges overlapping matches of several terms', () => {
    expect(findMatches('abcdef', ['bcd', 'cde'])).toEqual([[1, 5]]);
  });
});
