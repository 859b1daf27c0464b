/**
 * Lines and paragraphs join as a Chinese reader expects: solid between CJK
 * characters (no stray space after “。”), one space where Latin words meet.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isCjk, joinCjkAware } from '../../src/lib/cjkText.ts';
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

describe('search excerpts', () => {
  it('show paragraphs run on, with no space between them', () => {
    const { document } = parseHTML('<p></p>');
    (globalThis as { document?: unknown }).document = document;
    const target = document.createElement('p');
    renderExcerpt(target as unknown as HTMLElement, '他们在近11时离开，当时云海仍厚。\n经历了前天壮观云海的李生昨天又来了。', ['云海']);
    expect(target.textContent).toBe('他们在近11时离开，当时云海仍厚。经历了前天壮观云海的李生昨天又来了。');
    expect([...target.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['云海', '云海']);
  });
});
