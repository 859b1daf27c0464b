/**
 * Lines and paragraphs join as a Chinese reader expects: solid between CJK
 * characters (no stray space after “。”), one space where Latin words meet.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isCjk, joinCjkAware, withoutOcrSpaces } from '../../src/lib/cjkText.ts';
import { renderExcerpt } from '../../src/search/excerpt.ts';

describe('joinCjkAware', () => {
  it('joins Chinese lines solid and keeps one space next to Latin words', () => {
    expect(joinCjkAware(['当时云海仍厚。', '经历了前天壮观云海的李生'])).toBe('当时云海仍厚。经历了前天壮观云海的李生');
    expect(joinCjkAware(['发布了 iPhone', 'Pro 新机'])).toBe('发布了 iPhone Pro 新机');
    expect(joinCjkAware(['版本 5G', '基站'])).toBe('版本 5G 基站');
    expect(joinCjkAware(['𠮷野家', '开业'])).toBe('𠮷野家开业');
  });

  it('knows CJK punctuation and rare characters', () => {
    for (const char of ['云', '。', '“', '》', '𠮷', '…']) expect(isCjk(char), char).toBe(true);
    for (const char of ['a', '5', ' ', undefined]) expect(isCjk(char), String(char)).toBe(false);
  });
});

describe('withoutOcrSpaces', () => {
  it('removes the OCR space between Han and a digit or Latin letter, either way round', () => {
    expect(withoutOcrSpaces('到 2025年底，达到 800万家')).toBe('到2025年底，达到800万家');
    expect(withoutOcrSpaces('2月 24日上午，托管班 10 个')).toBe('2月24日上午，托管班10个');
    expect(withoutOcrSpaces('使用 App 下载')).toBe('使用App下载');
  });

  it('keeps spaces between Han characters, between Latin words and beside punctuation', () => {
    for (const text of ['冷雨后转晴 浮山岭顶观云海', 'Astro 7 and Pagefind', '他说： 2025', '1500 200']) {
      expect(withoutOcrSpaces(text)).toBe(text);
    }
  });
});

describe('search excerpts', () => {
  it('typeset the OCR spaces as the page does, marks and all', () => {
    const { document } = parseHTML('<p></p>');
    (globalThis as { document?: unknown }).document = document;
    const target = document.createElement('p');
    renderExcerpt(target as unknown as HTMLElement, '在素质提升方面，到 2025年底，带动书屋达到 800万家。', ['书屋']);
    expect(target.textContent).toBe('在素质提升方面，到2025年底，带动书屋达到800万家。');
    expect(target.querySelector('mark')?.textContent).toBe('书屋');
  });

  it('show paragraphs run on, with no space between them', () => {
    const { document } = parseHTML('<p></p>');
    (globalThis as { document?: unknown }).document = document;
    const target = document.createElement('p');
    renderExcerpt(target as unknown as HTMLElement, '他们在近11时离开，当时云海仍厚。\n经历了前天壮观云海的李生昨天又来了。', ['云海']);
    expect(target.textContent).toBe('他们在近11时离开，当时云海仍厚。经历了前天壮观云海的李生昨天又来了。');
    expect([...target.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['云海', '云海']);
  });
});
