/** Where a headline may break: BudouX's phrases, kept only at ICU word ends, quotations and numbers whole. */
import { describe, expect, it } from 'vitest';
import { headlinePhrases } from '../../src/lib/headlinePhrases.ts';

describe('headlinePhrases', () => {
  it('keeps words, short quotations and brackets whole (BudouX alone cuts 茂|名 and 十四|五)', () => {
    expect(headlinePhrases('茂名工运事业和工会工作“十四五”发展规划将出炉')).toEqual([
      '茂名', '工运', '事业', '和', '工会', '工作', '“十四五”', '发展', '规划', '将', '出炉',
    ]);
    expect(headlinePhrases('市总工会召开十三届三次全委（扩大）会议')).toContain('（扩大）');
    expect(headlinePhrases('四大方面指标 与我市广大职工息息相关')).toContain('广大职工');
  });

  it('keeps a number with its unit, and a date', () => {
    expect(headlinePhrases('通过活动实现技术革新1万项').at(-1)).toBe('1万项');
    expect(headlinePhrases('2020年2月24日 星期一')[0]).toBe('2020年2月24日');
    expect(headlinePhrases('2月24日召开会议')[0]).toBe('2月24日');
  });

  it('loses and adds no character', () => {
    for (const text of ['冷雨后转晴 浮山岭顶观云海', 'Pagefind 1.6 检索', '“一个很长很长很长的引语不必整行”']) {
      expect(headlinePhrases(text).join('')).toBe(text);
    }
  });

  it('cuts a text once per process: every page that shows the headline gets the same frozen phrases', () => {
    const text = '茂名市召开2022年安全生产工作会议';
    const first = headlinePhrases(text);
    expect(headlinePhrases(text)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });
});
