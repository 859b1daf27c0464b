/** The offline page's sizes: decimal units, one decimal, the number held to its unit. */
import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/offline/formatBytes.ts';

describe('formatBytes', () => {
  it('reads as readers read sizes', () => {
    expect(formatBytes(0)).toBe('0\u00a0B');
    expect(formatBytes(820_000)).toBe('820.0\u00a0KB');
    expect(formatBytes(1_400_000)).toBe('1.4\u00a0MB');
    expect(formatBytes(10_700_000_000)).toBe('10.7\u00a0GB');
  });

  it('joins number and unit with a no-break space, so a line never ends between them (10.7 / GB at 390 px before)', () => {
    for (const bytes of [5, 12_345, 9_876_543, 10_700_000_000]) expect(formatBytes(bytes)).toMatch(/^[\d.]+\u00a0(B|KB|MB|GB)$/);
  });
});
