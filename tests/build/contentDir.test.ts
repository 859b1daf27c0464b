/** ARCHIVE_CONTENT_DIR points the build at another folder of articles. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { fixtureSite } from '../support/fixtureSites.ts';

it('builds the folder named by ARCHIVE_CONTENT_DIR instead of content/articles', async () => {
  const dist = await fixtureSite('otherArchive');
  const article = path.join(dist, '2023/05/01/huo-ju/index.html');
  expect(existsSync(article)).toBe(true);
  expect(readFileSync(article, 'utf8')).toContain('测试档案里的一篇文章');
  expect(existsSync(path.join(dist, '2022/02/24/fu-shan-ling-yun-hai/index.html'))).toBe(false);
  // Its one article names no page and no section: the day page labels nothing (no "其他").
  const day = readFileSync(path.join(dist, '2023/05/01/index.html'), 'utf8');
  const dayText = day.replace(/<[^>]+>/g, '');
  expect(dayText).toContain('测试档案里的一篇文章');
  expect(day).not.toContain('class="page-heading');
  expect(dayText).not.toContain('其他');
});
