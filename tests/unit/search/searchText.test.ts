/**
 * The search text is the visible text of the tree the page is rendered from
 * (src/plugins/rehype-search-text.ts), taken through the site's own Markdown
 * pipeline: what the sanitiser removes cannot be found, and nothing the
 * reader sees is lost.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headlineBlock } from '../../../src/lib/search/searchRecord.ts';
import { renderSearchText as searchText } from '../../../src/lib/search/renderSearchText.ts';
const body = (file: string) => readFileSync(file, 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');

describe('search text', () => {
  it('is the text a reader sees, one line per block', async () => {
    const text = await searchText('第一段**重点**文字\n接着写。\n\n## 小标题\n\n- [链接](https://x.org) 与 \\*星号\\*\n- 第二项\n\n&amp; AI\nnews');
    expect(text).toBe('第一段重点文字接着写。\n小标题\n链接 与 *星号*\n第二项\n& AI news');
  });

  it('keeps _ and * inside words, as the page shows them', async () => {
    // The OCR spaces between Han and Latin go, as on the page (rehype-ocr-spaces.ts); _ and * stay.
    expect(await searchText('变量 snake_case_name 与 2*3 的写法')).toBe('变量snake_case_name与2*3的写法');
    // A pair of them is emphasis: the page shows the text without them.
    expect(await searchText('2*3*4')).toBe('234');
  });

  it('leaves out what the sanitiser removed: scripts, styles, event handlers', async () => {
    const text = await searchText(body('tests/fixtures/hostile/raw-html-body.md'));
    expect(text).toContain('旧稿正文，检索词：毒饵稿件。');
    expect(text).not.toContain("window.__pwned = 'script'");
    expect(text).not.toContain('display: none');
    expect(text).not.toMatch(/__pwned='(svg|md|onerror)'/);
    // Escaped markup is text on the page, so it is text for search too.
    expect(text).toContain(`<img src=x onerror="window.__pwned='excerpt'">`);
    expect(text).toContain('带样式的段落');
  });

  it('leaves out image alt text, which Ctrl+F does not find either, but keeps captions', async () => {
    const text = await searchText('![山顶的云海](photo.jpg "清晨的云海")\n\n正文');
    expect(text).not.toContain('山顶的云海');
    expect(text).toContain('正文');
  });

  it('puts table cells apart and footnotes in', async () => {
    const text = await searchText('| 甲 | 乙 |\n|---|---|\n| 一 | 二 |\n\n正文[^1]\n\n[^1]: 注释内容');
    expect(text.split('\n')).toEqual(expect.arrayContaining(['甲 乙', '一 二']));
    expect(text).toContain('注释内容');
  });

  it('joins kicker, headline and subtitle', () => {
    expect(headlineBlock({ title: '主题', kicker: '引题', subtitle: '副题' })).toBe('引题\n主题\n副题');
  });
});
