import { describe, expect, it } from 'vitest';
import { buildRelatedIndex, type RelatableArticle } from '../../src/lib/relatedIndex.ts';

/** The full scan the index replaces: every article against every other. */
function fullScan(articles: RelatableArticle[], article: RelatableArticle, limit = 5) {
  const tags = new Set(article.data.tags);
  const reporters = new Set(article.data.reporters);
  const distance = (other: RelatableArticle) => Math.abs(Date.parse(other.data.date) - Date.parse(article.data.date));
  return articles
    .filter((other) => other.id !== article.id)
    .map((other) => ({
      other,
      score: other.data.tags.filter((t) => tags.has(t)).length + other.data.reporters.filter((r) => reporters.has(r)).length,
    }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || distance(a.other) - distance(b.other) || a.other.id.localeCompare(b.other.id))
    .slice(0, limit)
    .map(({ other }) => other);
}

/** A small deterministic archive with overlapping tags and reporters. */
function archive(count: number): RelatableArticle[] {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const tags = ['天气', '交通', '教育', '工会', '农业', '城建'];
  const reporters = ['李明', '王芳', '陈刚', '林丽'];
  return Array.from({ length: count }, (_, i) => ({
    id: `a${String(i).padStart(4, '0')}`,
    data: {
      date: `2022-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`,
      tags: tags.filter(() => next() < 0.25),
      reporters: reporters.filter(() => next() < 0.2),
    },
  }));
}

describe('related articles from an inverted index', () => {
  it('gives the same articles in the same order as a full scan', () => {
    const articles = archive(200);
    const related = buildRelatedIndex(articles);
    for (const article of articles) {
      expect(related(article).map((a) => a.id), article.id).toEqual(fullScan(articles, article).map((a) => a.id));
      expect(related(article, 2).map((a) => a.id)).toEqual(fullScan(articles, article, 2).map((a) => a.id));
    }
  });

  it('returns nothing for an article that shares no tag or reporter, and never the article itself', () => {
    const lonely = { id: 'x', data: { date: '2022-01-01', tags: ['孤'], reporters: [] } };
    const twin = { id: 'y', data: { date: '2022-01-02', tags: ['双'], reporters: [] } };
    const twin2 = { id: 'z', data: { date: '2022-01-03', tags: ['双'], reporters: [] } };
    const related = buildRelatedIndex([lonely, twin, twin2]);
    expect(related(lonely)).toEqual([]);
    expect(related(twin)).toEqual([twin2]);
  });
});
