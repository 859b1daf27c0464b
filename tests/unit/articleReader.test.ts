/**
 * One reading of each article (issue 17): the same bytes go through the
 * content check, the loader that makes the page, and the search index's
 * sources, and all three must read the same title, date and body. Each case
 * is a way editors' tools save files: a leading blank line, a BOM, CRLF line
 * endings, spaces after a `---` fence.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArticleSources } from '../../src/lib/articleSources-fs.ts';
import { checkContentDir } from '../../src/lib/contentCheck/checkContent-fs.ts';
import { markdownOptions } from '../../src/plugins/markdownOptions.ts';
import { loadWithArticleLoader } from '../support/loaderContext.ts';

const ROOT = path.resolve('tests/.tmp/article-reader');
const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });

const FRONTMATTER = ['title: 冷雨后转晴 浮山岭顶观云海', 'date: 2022-02-24', 'tags: [天气]'];
const BODY = ['冷雨后转晴，这种天气容易出现云海的壮观景象。', '', '第二段：*云海*持续到上午十时。'];
const lines = (...parts: string[][]) => parts.flat();

const cases: Record<string, Uint8Array> = {
  'a blank line before the opening ---': new TextEncoder().encode(['', ...lines(['---'], FRONTMATTER, ['---', ''], BODY)].join('\n')),
  'a UTF-8 byte-order mark': new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(lines(['---'], FRONTMATTER, ['---', ''], BODY).join('\n'))]),
  'CRLF line endings': new TextEncoder().encode(lines(['---'], FRONTMATTER, ['---', ''], BODY).join('\r\n')),
  '--- followed by spaces': new TextEncoder().encode(lines(['---   '], FRONTMATTER, ['--- \t', ''], BODY).join('\n')),
};

afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

describe.each(Object.entries(cases))('a file with %s', (name, bytes) => {
  const folder = path.join(ROOT, name.replace(/\W+/g, '-'));
  const contentDir = path.join(folder, 'content');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(path.join(contentDir, '2022/02-24'), { recursive: true });
  writeFileSync(path.join(contentDir, '2022/02-24/yun-hai.md'), bytes);

  it('is read alike by the check, the page and the index', async () => {
    const check = checkContentDir(contentDir, { root: folder, today: '2026-01-01' });
    expect(check.problems).toEqual([]);
    expect(check.articles.map((article) => article.permalink)).toEqual(['/2022/02/24/yun-hai/']);

    const page = (await loadWithArticleLoader(folder, 'content')).get('2022/02-24/yun-hai');
    expect(page?.data).toMatchObject({ title: '冷雨后转晴 浮山岭顶观云海', date: '2022-02-24', tags: ['天气'] });
    expect(page?.filePath).toBe('content/2022/02-24/yun-hai.md');

    const [source] = loadArticleSources(contentDir);
    expect(source?.data).toEqual(page?.data);
    expect(source?.permalink).toBe('/2022/02/24/yun-hai/');
    expect(source?.body.trim()).toBe(BODY.join('\n'));
    // The page was rendered from exactly the body the index reads.
    expect(page?.rendered?.html).toBe((await processor.render(source!.body)).code);
    expect(page?.rendered?.html).toContain('<em>云海</em>');
    expect(page?.rendered?.html).not.toMatch(/title:|---/);
  });
});
