import { describe, expect, it } from 'vitest';
import { onThisDayData } from '../../src/lib/onThisDay.ts';
import { earlierYears, monthDayOf } from '../../src/components/onThisDayClient.ts';

const issue = (date: string, titles: string[]) => ({
  date,
  articles: titles.map((title, i) => ({ permalink: `/${date.replaceAll('-', '/')}/a${i}/`, data: { title } })),
});

describe('往年今日 data', () => {
  const data = onThisDayData('03-15', [issue('2023-03-15', ['甲', '乙', '丙', '丁']), issue('2020-03-15', ['戊'])]);

  it('labels each earlier issue with its date and size, and keeps its first three headlines', () => {
    expect(data.heading).toBe('往年今日（3月15日）');
    expect(data.issues[0]).toEqual({
      date: '2023-03-15',
      label: '2023年3月15日 · 4 篇',
      href: '/2023/03/15/',
      articles: [
        { title: '甲', href: '/2023/03/15/a0/' },
        { title: '乙', href: '/2023/03/15/a1/' },
        { title: '丙', href: '/2023/03/15/a2/' },
      ],
    });
  });

  it('keeps only years before the reader\'s own', () => {
    expect(earlierYears(data, 2026).map((i) => i.date)).toEqual(['2023-03-15', '2020-03-15']);
    expect(earlierYears(data, 2023).map((i) => i.date)).toEqual(['2020-03-15']);
    expect(earlierYears(data, 2020)).toEqual([]);
  });

  it('reads the month and day from the reader\'s local calendar', () => {
    expect(monthDayOf(new Date(2026, 2, 5, 23, 59))).toBe('03-05');
    expect(monthDayOf(new Date(2024, 1, 29))).toBe('02-29');
  });
});
