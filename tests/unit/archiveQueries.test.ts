import { describe, expect, it } from 'vitest';
import {
  compareArticles,
  countsByDay,
  groupByPage,
  groupByReporter,
  groupByTag,
  groupIssues,
  issueNeighbours,
  neighboursInIssue,
  issuesByMonthDay,
  relatedArticles,
  splitIssue,
  type ArticleLike,
} from '../../src/lib/archiveQueries.ts';

function article(id: string, date: string, extra: Partial<ArticleLike['data']> = {}): ArticleLike {
  return { id, permalink: `/${date}/${id}/`, data: { date, title: id, tags: [], reporters: [], ...extra } };
}

// Sorted as articles.ts sorts: newest issue first, then page order.
const a1 = article('a1', '2023-03-15', { page: 1, section: '要闻', tags: ['工会'], reporters: ['梁奈'] });
const a2 = article('a2', '2023-03-15', { page: 2, section: '城事', tags: ['天气'] });
const a3 = article('a3', '2023-03-15', { tags: ['工会'] });
const b1 = article('b1', '2022-03-15', { page: 1, tags: ['工会', '天气'], reporters: ['梁奈'] });
const c1 = article('c1', '2021-07-01', { page: 1, reporters: ['梁奈', '陈明'] });
const d1 = article('d1', '2020-03-15', { page: 1, tags: ['其他'] });
const all = [a1, a2, a3, b1, c1, d1];

describe('archive queries', () => {
  it('groups issues newest first and finds the issue before and after', () => {
    const issues = groupIssues(all);
    expect(issues.map((i) => i.date)).toEqual(['2023-03-15', '2022-03-15', '2021-07-01', '2020-03-15']);
    expect(issueNeighbours(issues, '2022-03-15')).toMatchObject({ earlier: { date: '2021-07-01' }, later: { date: '2023-03-15' } });
    expect(issueNeighbours(issues, '2023-03-15').later).toBeUndefined();
    expect(issueNeighbours(issues, '2020-03-15').earlier).toBeUndefined();
  });

  it('splits a long issue into pages that keep the 版面 order and mark a 版面 carried over', () => {
    // Sections of page 1 interleave in article order; the split follows the grouped order.
    const day = Array.from({ length: 7 }, (_, i) =>
      article(`x${i}`, '2023-03-15', { page: i < 5 ? 1 : 2, section: i < 5 ? (i % 2 ? '城事' : '要闻') : '体育' }),
    );
    const pages = splitIssue(day, 3);
    const shape = pages.map((groups) => groups.map((g) => [g.page, g.section, g.articles.map((a) => a.id), g.continued ?? false]));
    expect(shape).toEqual([
      [[1, '要闻', ['x0', 'x2', 'x4'], false]],
      [[1, '城事', ['x1', 'x3'], false], [2, '体育', ['x5'], false]],
      [[2, '体育', ['x6'], true]],
    ]);
    expect(splitIssue(day, 50)).toHaveLength(1);
    expect(splitIssue([], 50)).toEqual([[]]);
  });

  it('sorts newest issue first, then by page, then by place on the page (order), unordered last', () => {
    const day = [
      article('c-photo', '2022-02-24', { order: 3 }),
      article('a-unordered', '2022-02-24'),
      article('b-lead', '2022-02-24', { order: 1 }),
      article('z-second', '2022-02-24', { order: 2 }),
      article('page2-lead', '2022-02-24', { page: 2, order: 1 }),
      article('page1-third', '2022-02-24', { page: 1, order: 3 }),
      article('older', '2022-02-23', { order: 1 }),
      article('newer', '2022-02-25', { order: 9 }),
    ];
    expect([...day].sort(compareArticles).map((a) => a.id)).toEqual([
      'newer',
      'page1-third',
      'page2-lead',
      'b-lead',
      'z-second',
      'c-photo',
      'a-unordered',
      'older',
    ]);
  });

  it('orders the sections of a page as their first articles are ordered, not by name', () => {
    const day = [
      article('lead', '2022-02-24', { page: 1, section: '要闻', order: 1 }),
      article('second', '2022-02-24', { page: 1, section: '城事', order: 2 }),
      article('third', '2022-02-24', { page: 1, section: '要闻', order: 3 }),
    ];
    expect(groupByPage(day).map((g) => [g.section, g.articles.map((a) => a.id)])).toEqual([
      ['要闻', ['lead', 'third']],
      ['城事', ['second']],
    ]);
  });

  it('groups an issue by printed page, unnumbered pages last', () => {
    const pages = groupByPage([a3, a2, a1]);
    expect(pages.map((p) => [p.page, p.section, p.articles.map((a) => a.id)])).toEqual([
      [1, '要闻', ['a1']],
      [2, '城事', ['a2']],
      [undefined, undefined, ['a3']],
    ]);
  });

  it('finds the previous and next article in the issue', () => {
    expect(neighboursInIssue([a1, a2, a3], a2)).toEqual({ previous: a1, next: a3 });
    expect(neighboursInIssue([a1, a2, a3], a1).previous).toBeUndefined();
  });

  it('groups tags and reporters, busiest first, with path segments', () => {
    expect(groupByTag(all).map((g) => [g.name, g.articles.length])).toEqual([
      ['工会', 3],
      ['天气', 2],
      ['其他', 1],
    ]);
    const reporters = groupByReporter(all);
    expect(reporters[0]).toMatchObject({ name: '梁奈', segment: '梁奈' });
    expect(reporters[0]!.articles.map((a) => a.id)).toEqual(['a1', 'b1', 'c1']);
  });

  it('relates articles by shared tags and reporters, most shared first, at most five', () => {
    expect(relatedArticles(all, a1).map((a) => a.id)).toEqual(['b1', 'a3', 'c1']);
    expect(relatedArticles(all, d1)).toEqual([]);
    const many = Array.from({ length: 9 }, (_, i) => article(`m${i}`, '2022-01-01', { tags: ['工会'] }));
    expect(relatedArticles([a1, ...many], a1)).toHaveLength(5);
  });

  it('groups issues by month and day for 往年今日, newest first', () => {
    const byMonthDay = issuesByMonthDay(groupIssues(all));
    expect(byMonthDay.get('03-15')?.map((i) => i.date)).toEqual(['2023-03-15', '2022-03-15', '2020-03-15']);
    expect([...byMonthDay.keys()]).toEqual(['03-15', '07-01']);
  });

  it('counts articles per day', () => {
    expect(countsByDay(all).get('2023-03-15')).toBe(3);
  });
});
