/** ARCHIVE_CONTENT_DIR points the build at another folder of articles. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildSite } from '../support/buildSite.ts';

it('builds the folder named by ARCHIVE_CONTENT_DIR instead of content/articles', () => {
  const dist = buildSite({ key: 'other-archive', contentDir: 'tests/fixtures/other-archive' });
  const article = path.join(dist, '2023/05/01/huo-ju/index.html');
  expect(existsSync(article)).toBe(true);
  expect(readFileSync(article, 'utf8')).toContain('测试档案里的一篇文章');
  expect(existsSync(path.join(dist, '2022/02/24/fu-shan-ling-yun-hai/index.html'))).toBe(false);
});
