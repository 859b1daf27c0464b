import { describe, expect, it } from 'vitest';
import { HEADLINE_MAX_CHARACTERS, jsonLdHeadline } from '../../src/lib/articleJsonLd.ts';
import { issueDateTime } from '../../src/lib/issueDate.ts';

describe('jsonLdHeadline', () => {
  it('keeps a headline of up to 110 characters as printed', () => {
    const title = '茂'.repeat(HEADLINE_MAX_CHARACTERS);
    expect(jsonLdHeadline(title)).toBe(title);
  });

  it('cuts a longer one to 110 characters, the last an ellipsis, never inside a surrogate pair', () => {
    const headline = jsonLdHeadline('𠮷'.repeat(200));
    expect([...headline]).toHaveLength(HEADLINE_MAX_CHARACTERS);
    expect(headline).toBe(`${'𠮷'.repeat(HEADLINE_MAX_CHARACTERS - 1)}…`);
  });
});

describe('issueDateTime', () => {
  it('is noon of the issue day in Beijing, with the offset', () => {
    expect(issueDateTime('2022-02-24')).toBe('2022-02-24T12:00:00+08:00');
    expect(new Date(issueDateTime('2022-02-24')).toISOString()).toBe('2022-02-24T04:00:00.000Z');
  });

  it('refuses an impossible day', () => {
    expect(() => issueDateTime('2022-02-30')).toThrow('不是有效日期');
  });
});
