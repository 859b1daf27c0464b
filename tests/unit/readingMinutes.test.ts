import { describe, expect, it } from 'vitest';
import { countReadingUnits, readingMinutes } from '../../src/lib/readingMinutes.ts';

describe('reading time for Chinese', () => {
  it('counts Han characters one by one and Latin or digit runs as one', () => {
    expect(countReadingUnits('茂名晚报')).toBe(4);
    expect(countReadingUnits('到 2025年底，建设 5G 基站')).toBe(7 + 2);
    expect(countReadingUnits('“十四五”，。！')).toBe(3);
  });

  it('ignores Markdown link targets and HTML tags', () => {
    expect(countReadingUnits('![云海](photos/yun-hai.jpg)看[云](https://example.org/abc)<br>')).toBe(2);
  });

  it('counts rendered HTML like its Markdown: tags, attributes and character references are not read', () => {
    expect(countReadingUnits('<p>云海 &amp; 茂名<img alt="云海" src="a.jpg"></p><p>&#x26;&quot;</p>')).toBe(4);
  });

  it('reads about 400 characters a minute, at least one minute', () => {
    expect(readingMinutes('字'.repeat(400))).toBe(1);
    expect(readingMinutes('字'.repeat(1000))).toBe(3);
    expect(readingMinutes('字'.repeat(2200))).toBe(6);
    expect(readingMinutes('短文')).toBe(1);
    expect(readingMinutes('  \n ')).toBe(0);
  });
});
