import { describe, expect, it } from 'vitest';
import { formatBytes, formatSeconds, mergeResults, pagesPhaseSeconds, resultsTable, sideBySide, wasContended, type BenchResult } from '../../bench/lib/benchReport.ts';

const GB = 1024 ** 3;
const figures = { pages: 1000, distBytes: 8 * 1024 ** 2, distFiles: 2000, indexBytes: 3 * 1024 ** 2, indexFiles: 900 };
const run = (articles: number, load = 1): BenchResult => ({
  articles,
  startedAt: '2026-01-01T00:00:00Z',
  cpus: 2,
  loadStart: load,
  loadEnd: load,
  project: { ...figures, wallSeconds: 60, peakBytes: 1.5 * GB, rebuildSeconds: 12, firstRebuildSeconds: 30 },
  baseline: { ...figures, wallSeconds: 120, peakBytes: 3 * GB, pagefindSeconds: 70, pagefindPeakBytes: 3 * GB },
});

describe('benchmark report', () => {
  it('formats sizes and times', () => {
    expect(formatBytes(500 * 1024)).toBe('500 KB');
    expect(formatBytes(41.25 * 1024 ** 2)).toBe('41.3 MB');
    expect(formatBytes(3.6 * GB)).toBe('3.60 GB');
    expect(formatSeconds(9.84)).toBe('9.8 s');
    expect(formatSeconds(132)).toBe('2 min 12 s');
  });

  it('puts project and baseline side by side with their ratio and the rebuild share', () => {
    const text = sideBySide(run(20_000));
    expect(text).toMatch(/wall time\s+1 min 0 s\s+2 min 0 s\s+0\.50×/);
    expect(text).toMatch(/peak memory \(process tree\)\s+1\.50 GB\s+3\.00 GB\s+0\.50×/);
    expect(text).toContain('12.0 s (0.20× full)');
    expect(text).toMatch(/first rebuild after the cold build, \+1 article\s+30\.0 s \(0\.50× full\)/);
    expect(text).toContain('of which Pagefind CLI');
  });

  it('flags runs that shared the CPU', () => {
    expect(wasContended(run(1000, 1.5))).toBe(false);
    expect(wasContended(run(1000, 7))).toBe(true);
    expect(sideBySide(run(1000, 7))).toContain('CPU shared with other work');
  });

  it('keeps one run per size, sorted, and tables them for docs/performance.md', () => {
    const merged = mergeResults([run(20_000), run(1000)], { ...run(1000), loadStart: 9 });
    expect(merged.map((r) => [r.articles, r.loadStart])).toEqual([
      [1000, 9],
      [20_000, 1],
    ]);
    const table = resultsTable(merged).split('\n');
    expect(table).toHaveLength(2 + 2 * 3);
    expect(table[2]).toContain('| 1,000 | this project | 1 min 0 s | 1.50 GB |');
    expect(table[2]).toContain('| 12.0 s (0.20×); first after the cold build 30.0 s (0.50×) |');
    expect(table[4]).toContain('| 1,000 | project ÷ baseline | 0.50× | 0.50× |');
  });
});

describe('pages phase from a build log', () => {
  const log = [
    '13:30:08 [vite] Re-optimizing dependencies because vite config has changed',
    '13:30:09 [content] Syncing content',
    ' generating static routes ',
    '页面 6,003 / 约 6,003（100%）· 545 页/秒 · 完成',
    '13:30:49 ✓ Completed in 14.84s.',
    '13:30:49 [build] ✓ Completed in 27.52s.',
    '13:32:09 [archive-pagefind] 检索索引：6003 篇文章',
  ].join('\n');

  it('runs from the first timestamp to the end of page generation', () => {
    expect(pagesPhaseSeconds(log)).toBe(41);
  });

  it('is undefined when Astro never generated pages', () => {
    expect(pagesPhaseSeconds('13:30:08 [content] Syncing content\n13:30:09 error')).toBeUndefined();
  });
});

describe('a run without the baseline', () => {
  it('keeps the earlier baseline of the same size and says when it was measured', () => {
    const earlier = run(20_000);
    const projectOnly: BenchResult = { ...run(20_000), startedAt: '2026-01-02T10:00:00Z', baseline: undefined };
    const [merged] = mergeResults([earlier], projectOnly);
    expect(merged!.baseline).toEqual(earlier.baseline);
    expect(merged!.baselineFrom).toBe('2026-01-01T00:00:00Z');
    expect(resultsTable([merged!])).toContain('| baseline (run of 2026-01-01 00:00) |');
  });
});
