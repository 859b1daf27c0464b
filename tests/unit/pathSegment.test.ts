import { describe, expect, it } from 'vitest';
import { encodedSegment, pathSegment } from '../../src/lib/pathSegment.ts';

describe('tag and reporter path segments', () => {
  it('keeps Chinese names Chinese, percent-encoded in links', () => {
    expect(pathSegment('梁奈')).toBe('梁奈');
    expect(encodedSegment('梁奈')).toBe('%E6%A2%81%E5%A5%88');
    expect(decodeURIComponent(encodedSegment('十四五规划'))).toBe('十四五规划');
  });

  it('replaces only what would break a path', () => {
    expect(pathSegment('5G / 物联网')).toBe('5G-物联网');
    expect(pathSegment('  天气 ')).toBe('天气');
    expect(pathSegment('a?b#c%d')).toBe('a-b-c-d');
  });

  it('never yields an empty segment or a page number', () => {
    expect(pathSegment('/')).toBe('u2f');
    expect(pathSegment('..')).toMatch(/^u/);
    expect(pathSegment('2022')).toBe('_2022');
    for (const name of ['?', '#', ' / ', '%%']) expect(pathSegment(name).length).toBeGreaterThan(0);
  });
});
