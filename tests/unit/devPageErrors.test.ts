/**
 * In `npm run dev` only a broken article's own page shows its error: the
 * content-check report and the articles the loader held back are matched to
 * a page by the address's last part (the file name), under any base path.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentReport } from '../../src/lib/contentCheck/checkContent-fs.ts';
import { overlayErrorForPage, setDevReport, setHeldBack } from '../../src/lib/contentCheck/devState.ts';
import { problem } from '../../src/lib/contentCheck/problem.ts';

const ROOT = '/site';
const BROKEN = problem(
  'content/articles/2022/02-24/yun-hai.md',
  { line: 3, column: 1 },
  'error',
  'invalid-date',
  { zh: '日期不对。', en: 'Bad date.' },
  { zh: '写成 2022-02-24。', en: 'Write 2022-02-24.' },
);
const WARNING = { ...BROKEN, file: 'content/articles/2022/02-24/jing-gao.md', severity: 'warning' as const };
const report: ContentReport = { files: 3, problems: [BROKEN, WARNING], articles: [], photos: [], unchanged: [] };
const PHOTO_MESSAGE = '文章 content/articles/tu.md 中的图片 ./a.jpg：不是图片，或文件已损坏。\n  修改方法：从原始照片重新导出 JPEG 文件替换它。';

afterEach(() => {
  setDevReport({ files: 0, problems: [], articles: [], photos: [], unchanged: [] });
  setHeldBack(path.join(ROOT, 'content/articles/tu.md'), undefined);
});

describe('overlayErrorForPage', () => {
  it('answers the broken article\'s page, whatever its date or base path, with the check:content text', () => {
    setDevReport(report);
    for (const pathname of ['/2022/02/24/yun-hai/', '/1970/01/01/yun-hai/', '/archive/2022/02/24/yun-hai/']) {
      const error = overlayErrorForPage(pathname, ROOT);
      expect(error?.title, pathname).toBe('文章检查未通过 / Content check failed');
      expect(error?.message).toContain('content/articles/2022/02-24/yun-hai.md');
      expect(error?.message).toContain('日期不对。');
      expect(error?.hint).toBe('写成 2022-02-24。\nWrite 2022-02-24.');
      expect(error?.loc).toEqual({ file: path.resolve(ROOT, BROKEN.file), line: 3, column: 1 });
    }
  });

  it('leaves every other page alone: lists, other articles, an article with only warnings', () => {
    setDevReport(report);
    for (const pathname of ['/', '/search/', '/tags/', '/2022/02/24/', '/2022/02/24/page/2/', '/2022/02/24/other/', '/2022/02/24/jing-gao/', '/yun-hai/']) {
      expect(overlayErrorForPage(pathname, ROOT), pathname).toBeUndefined();
    }
  });

  it('matches an escaped Chinese file name, and survives a malformed escape', () => {
    setDevReport({ ...report, problems: [{ ...BROKEN, file: 'content/articles/云海.md' }] });
    expect(overlayErrorForPage(`/2022/02/24/${encodeURIComponent('云海')}/`, ROOT)).toBeDefined();
    expect(overlayErrorForPage('/2022/02/24/%E4%/', ROOT)).toBeUndefined();
  });

  it('shows a held-back article\'s photo problem with the build\'s message, until it is cleared', () => {
    setHeldBack(path.join(ROOT, 'content/articles/tu.md'), PHOTO_MESSAGE);
    const error = overlayErrorForPage('/2022/02/25/tu/', ROOT);
    expect(error?.message).toBe(PHOTO_MESSAGE);
    expect(error?.hint).toBe('修改方法：从原始照片重新导出 JPEG 文件替换它。');
    setHeldBack(path.join(ROOT, 'content/articles/tu.md'), undefined);
    expect(overlayErrorForPage('/2022/02/25/tu/', ROOT)).toBeUndefined();
  });
});
