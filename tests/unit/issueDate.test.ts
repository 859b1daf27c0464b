import { describe, expect, it } from 'vitest';
import {
  formatChineseDate,
  formatChineseDateWithWeekday,
  issuePath,
  parseIssueDate,
} from '../../src/lib/issueDate.ts';

describe('issue dates', () => {
  it('formats in Chinese with the weekday', () => {
    expect(formatChineseDate('2022-02-24')).toBe('2022年2月24日');
    expect(formatChineseDateWithWeekday('2022-02-24')).toBe('2022年2月24日 星期四');
    expect(formatChineseDateWithWeekday('2024-02-29')).toBe('2024年2月29日 星期四');
  });

  it('rejects impossible and malformed days', () => {
    expect(parseIssueDate('2022-02-30')).toBeUndefined();
    expect(parseIssueDate('2023-02-29')).toBeUndefined();
    expect(parseIssueDate('2022-2-4')).toBeUndefined();
    expect(parseIssueDate('2022-13-01')).toBeUndefined();
    expect(parseIssueDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('gives the issue path', () => {
    expect(issuePath('2022-02-24')).toBe('/2022/02/24/');
    expect(() => issuePath('2022-02-30')).toThrow('2022-02-30');
  });
});
