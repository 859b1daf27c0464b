import { describe, expect, it } from 'vitest';
import { expectedPages, formatDuration, formatProgress, isPagesHeading, parseGeneratedPage } from '../../src/build/buildProgress.ts';

describe('build progress line', () => {
  it("recognises Astro's page lines, with or without colours, and nothing else", () => {
    expect(parseGeneratedPage('13:13:38   ├─ /2022/09/24/xwlb-09/index.html (+9ms) ')).toBe('/2022/09/24/xwlb-09/index.html');
    expect(parseGeneratedPage('\x1b[2m13:13:38\x1b[22m   \x1b[34m└─\x1b[39m /search/index.html \x1b[2m(+1ms)\x1b[22m')).toBe('/search/index.html');
    expect(parseGeneratedPage('13:20:01   ├─ /2022/09/24/xwlb-09/index.html (cached)')).toBe('/2022/09/24/xwlb-09/index.html');
    expect(parseGeneratedPage('13:13:39 [build] 1000 page(s) built in 2.87s')).toBeUndefined();
    expect(parseGeneratedPage('▶ src/pages/[year]/[month]/[day]/[slug].astro')).toBeUndefined();
  });

  it("recognises the heading of Astro's page phase, which starts the index", () => {
    // As Astro 7.3.5 prints it, colours and all (astro/dist/core/build/generate.js).
    expect(isPagesHeading('\x1b[42m\x1b[30m generating static routes \x1b[39m\x1b[49m')).toBe(true);
    expect(isPagesHeading(' generating static routes ')).toBe(true);
    expect(isPagesHeading('13:13:39 [build] Building static entrypoints...')).toBe(false);
    expect(isPagesHeading('13:13:38   ├─ /generating static routes/index.html (+9ms)')).toBe(false);
  });

  it('says durations the way a reader would', () => {
    expect(formatDuration(0.2)).toBe('不到 1 秒');
    expect(formatDuration(45)).toBe('45 秒');
    expect(formatDuration(192)).toBe('3 分 12 秒');
    expect(formatDuration(3900)).toBe('1 小时 5 分');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('shows counts, speed and time left', () => {
    expect(formatProgress({ done: 1234, expected: 20_000, elapsedMs: 20_000 })).toBe(
      '页面 1,234 / 约 20,000（6%）· 62 页/秒 · 预计还需 5 分 4 秒',
    );
    expect(formatProgress({ done: 20_000, expected: 20_000, elapsedMs: 300_000 })).toBe('页面 20,000 / 约 20,000（100%）· 67 页/秒 · 完成');
  });

  it('keeps quiet about speed in the first second, and never shows done above expected', () => {
    expect(formatProgress({ done: 3, expected: 1000, elapsedMs: 5 })).toBe('页面 3 / 约 1,000（0%）');
    expect(formatProgress({ done: 1500, expected: 1000, elapsedMs: 10_000 })).toContain('页面 1,500 / 约 1,500（100%）');
  });

  it('expects last build’s pages moved by the change in articles', () => {
    expect(expectedPages(1000, undefined)).toBe(1000);
    expect(expectedPages(1001, { pages: 1450, articles: 1000 })).toBe(1451);
    expect(expectedPages(0, { pages: 10, articles: 20 })).toBe(0);
  });
});
