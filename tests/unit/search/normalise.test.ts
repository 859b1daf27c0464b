import { beforeAll, describe, expect, it } from 'vitest';
import { isTraditional, normalise, normaliseChar, normaliseWithMap, prepareNormalise } from '../../../src/lib/search/normalise.ts';
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

  it('copies runs of unchanged characters yet folds exactly as one character at a time', () => {
    // The definition: every character on its own (normaliseChar), in order.
    const reference = (text: string) => {
      let folded = '';
      const origin: number[] = [];
      let offset = 0;
      for (const char of text) {
        const one = normaliseChar(char);
        folded += one;
        for (let i = 0; i < one.length; i += 1) origin.push(offset);
        offset += char.length;
      }
      return { text: folded, origin };
    };
    const alphabet = [...'aZ09 \t\n\u3000中國国雲云浮山嶺，。！Ａ１㈱ﬁ\u200B𠀀😀ſK'].concat(['\uD800', '\uDC00', 'é', 'e\u0301', '\u4DFF', '\u9FFF', '\uA000']);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 500; round += 1) {
      const text = Array.from({ length: Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const expected = reference(text);
      expect(normalise(text)).toBe(expected.text);
      const mapped = normaliseWithMap(text);
      expect(mapped.text).toBe(expected.text);
      expect([...mapped.origin]).toEqual(expected.origin);
    }
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
