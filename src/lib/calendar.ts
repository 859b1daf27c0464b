/**
 * Calendar arithmetic for the year and month pages. Weeks start on Monday,
 * as Chinese calendars print them. Days are plain numbers: no time zones.
 */

/** Column headings, Monday first. */
export const WEEKDAY_HEADINGS = ['一', '二', '三', '四', '五', '六', '日'] as const;

/** Days in a month (month is 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 for Monday … 6 for Sunday. */
export function mondayIndex(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/** The month as weeks of seven cells; null fills the days of other months. */
export function monthWeeks(year: number, month: number): (number | null)[][] {
  const cells: (number | null)[] = Array.from({ length: mondayIndex(year, month, 1) }, () => null);
  for (let day = 1; day <= daysInMonth(year, month); day += 1) cells.push(day);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (number | null)[][] = [];
  for (let start = 0; start < cells.length; start += 7) weeks.push(cells.slice(start, start + 7));
  return weeks;
}

/** "2022-02-24" from numbers. */
export function isoDay(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
