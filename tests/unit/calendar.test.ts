import { describe, expect, it } from 'vitest';
import { daysInMonth, isoDay, mondayIndex, monthWeeks } from '../../src/lib/calendar.ts';

describe('calendar', () => {
  it('knows month lengths and leap years', () => {
    expect(daysInMonth(2022, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2022, 12)).toBe(31);
  });

  it('starts weeks on Monday', () => {
    expect(mondayIndex(2022, 2, 24)).toBe(3); // a Thursday
    const weeks = monthWeeks(2022, 2); // 1 February 2022 was a Tuesday
    expect(weeks[0]).toEqual([null, 1, 2, 3, 4, 5, 6]);
    expect(weeks.at(-1)).toEqual([28, null, null, null, null, null, null]);
    expect(weeks.flat().filter((d) => d !== null)).toHaveLength(28);
    for (const week of weeks) expect(week).toHaveLength(7);
  });

  it('formats ISO days', () => {
    expect(isoDay(2022, 2, 4)).toBe('2022-02-04');
  });
});
