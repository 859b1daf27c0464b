/**
 * Issue dates are calendar days, kept as "YYYY-MM-DD" strings so that no
 * time zone can shift an article to the day before.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export interface DayParts {
  year: number;
  month: number;
  day: number;
}

/** Splits "2022-02-24" into numbers, or returns undefined for an impossible day. */
export function parseIssueDate(value: string): DayParts | undefined {
  const match = ISO_DAY.exec(value);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return undefined;
  }
  return { year, month, day };
}

function partsOf(value: string): DayParts {
  const parts = parseIssueDate(value);
  if (!parts) throw new Error(`不是有效日期：${value}`);
  return parts;
}

/** "2022年2月24日" */
export function formatChineseDate(value: string): string {
  const { year, month, day } = partsOf(value);
  return `${year}年${month}月${day}日`;
}

/** "星期四" */
export function chineseWeekday(value: string): string {
  const { year, month, day } = partsOf(value);
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
}

/** "2022年2月24日 星期四" */
export function formatChineseDateWithWeekday(value: string): string {
  return `${formatChineseDate(value)} ${chineseWeekday(value)}`;
}

/** "/2022/02/24/" */
export function issuePath(value: string): string {
  partsOf(value);
  return `/${value.replaceAll('-', '/')}/`;
}

/**
 * An issue day as an instant with the paper's time zone (Beijing, +08:00),
 * for feeds, JSON-LD and Open Graph, which want a date-time with an offset.
 * Noon in Beijing (04:00 UTC) keeps the printed day in every time zone from
 * UTC−4 to UTC+12, and for readers that ignore time zones altogether.
 * "2022-02-24" → "2022-02-24T12:00:00+08:00"
 */
export function issueDateTime(value: string): string {
  partsOf(value);
  return `${value}T12:00:00+08:00`;
}
