import { describe, expect, it } from 'vitest';
import { parseProcStat, parseVmRssBytes, peakUntil, treePids, treeRssBytes } from '../../bench/lib/processTreeMemory.ts';

describe('process tree memory', () => {
  it('reads pid and parent from /proc/<pid>/stat, even when the name has spaces and parentheses', () => {
    expect(parseProcStat('4242 (node) S 4200 4242 4200 0 -1 4194560 1234')).toEqual({ pid: 4242, ppid: 4200 });
    expect(parseProcStat('77 (Web Content (x)) R 1 77 77 0 -1')).toEqual({ pid: 77, ppid: 1 });
    expect(parseProcStat('')).toBeUndefined();
    expect(parseProcStat('12 (broken')).toBeUndefined();
  });

  it('reads VmRSS in bytes, and 0 where the kernel gives none', () => {
    const status = 'Name:\tnode\nVmPeak:\t  999999 kB\nVmRSS:\t  204800 kB\nRssAnon:\t 1000 kB\n';
    expect(parseVmRssBytes(status)).toBe(204800 * 1024);
    expect(parseVmRssBytes('Name:\tkthreadd\nThreads:\t1\n')).toBe(0);
  });

  it('finds every descendant, not siblings or ancestors', () => {
    const parents = new Map([
      [1, 0],
      [10, 1],
      [11, 10],
      [12, 11],
      [13, 10],
      [20, 1],
      [21, 20],
    ]);
    expect([...treePids(10, parents)].sort()).toEqual([10, 11, 12, 13]);
    expect([...treePids(21, parents)]).toEqual([21]);
  });

  it('measures this very process from /proc', () => {
    const bytes = treeRssBytes(process.pid);
    expect(bytes).toBeGreaterThan(10 * 1024 * 1024);
    expect(bytes).toBeLessThan(64 * 1024 ** 3);
  });
});

describe('peak of a phase', () => {
  it('takes the largest sample up to a moment, none after it', () => {
    const samples = [
      { at: 1000, bytes: 5 },
      { at: 2000, bytes: 9 },
      { at: 3000, bytes: 40 },
    ];
    expect(peakUntil(samples, 2500)).toBe(9);
    expect(peakUntil(samples, 3000)).toBe(40);
    expect(peakUntil(samples, 500)).toBe(0);
  });
});
