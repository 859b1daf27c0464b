/**
 * The production build and the editors' workflow: drafts are left out (pages,
 * search index), a BOM and CRLF are accepted, and a broken article stops the
 * build with the check:content message (no stack trace) while the previous
 * dist/ stays exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild, TMP_ROOT } from '../support/buildSite.ts';

const CONTENT = path.join(TMP_ROOT, 'editors-build-content');
const DRAFT_WORD = '鹦鹉螺草稿';
const CRLF_WORD = '回车换行测试';
const BLANK_LINE_WORD = '空行开头测试';

/** Every file under a folder, as text (Pagefind's gzipped files decompressed). */
function allText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const bytes = readFileSync(path.join(entry.parentPath, entry.name));
      return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
    })
    .join('\n');
}

let dist = '';

beforeAll(() => {
  rmSync(CONTENT, { recursive: true, force: true });
  mkdirSync(CONTENT, { recursive: true });
  cpSync('content/articles', CONTENT, { recursive: true });
  writeFileSync(path.join(CONTENT, 'cao-gao.md'), `---\ntitle: 草稿文章\ndate: 2022-02-24\ndraft: true\n---\n\n${DRAFT_WORD}只在预览里出现。\n`);
  writeFileSync(
    path.join(CONTENT, 'windows.md'),
    `\uFEFF---\r\ntitle: 用记事本保存的文章\r\ndate: 2022-02-24\r\n---\r\n\r\n${CRLF_WORD}的正文。\r\n`,
  );
  // A blank line before the opening fence and spaces after both fences (issue 17).
  writeFileSync(path.join(CONTENT, 'kong-hang.md'), `\n---  \ntitle: 开头空一行的文章\ndate: 2022-02-24\n--- \t\n\n${BLANK_LINE_WORD}的正文。\n`);
  // The seed articles name their printed page: its page file stays in content/pages.
  const first = runBuild({ key: 'editors-build', contentDir: CONTENT, env: { ARCHIVE_PAGES_DIR: path.resolve('content/pages') } });
  expect(first.status, first.output).toBe(0);
  dist = first.outDir;
});

describe('production build', () => {
  it('leaves drafts out of pages and the search index', () => {
    expect(existsSync(path.join(dist, '2022/02/24/cao-gao/index.html'))).toBe(false);
    expect(allText(dist)).not.toContain(DRAFT_WORD);
    // The search index holds the three seed articles, the CRLF and the blank-line ones, not the draft.
    const entry = JSON.parse(readFileSync(path.join(dist, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.values(entry.languages as Record<string, { page_count: number }>)[0]!.page_count).toBe(5);
  });

  it('accepts a UTF-8 BOM and CRLF line endings silently', () => {
    const html = readFileSync(path.join(dist, '2022/02/24/windows/index.html'), 'utf8');
    expect(html).toContain('用记事本保存的文章');
    expect(html).toContain(`${CRLF_WORD}的正文。`);
  });

  it('accepts a blank line before the frontmatter and spaces after its fences, in the page and the index', () => {
    const html = readFileSync(path.join(dist, '2022/02/24/kong-hang/index.html'), 'utf8');
    expect(html).toContain('开头空一行的文章');
    expect(html).toContain(`${BLANK_LINE_WORD}的正文。`);
    expect(html).not.toContain('title: ');
    expect(allText(path.join(dist, 'pagefind'))).toContain(BLANK_LINE_WORD);
  });

  it('a broken article stops the build with the check:content message and keeps the previous dist/', () => {
    const index = path.join(dist, 'index.html');
    const before = { html: readFileSync(index, 'utf8'), mtime: statSync(index).mtimeMs, files: readdirSync(dist).sort() };
    writeFileSync(path.join(CONTENT, 'broken.md'), '---\ntitle：冷雨后转晴\ndate: 2022-02-30\n---\n\n正文。\n');
    try {
      const failed = runBuild({ key: 'editors-build', contentDir: CONTENT, env: { ARCHIVE_PAGES_DIR: path.resolve('content/pages') } });
      const check = spawnSync(process.execPath, ['scripts/check-content.ts'], {
        encoding: 'utf8',
        env: { ...process.env, ARCHIVE_CONTENT_DIR: CONTENT, ARCHIVE_PAGES_DIR: path.resolve('content/pages') },
      });
      expect(failed.status).toBe(1);
      // The same block as `npm run check:content` prints for the file.
      const block = check.stdout.slice(0, check.stdout.indexOf('\n\n检查了'));
      expect(block).toContain('[yaml-fullwidth-colon]');
      expect(failed.output).toContain(block);
      expect(failed.output).toContain('构建失败，已保留原有的');
      expect(failed.output).not.toMatch(/^\s+at /m);
      expect(readFileSync(index, 'utf8')).toBe(before.html);
      expect(statSync(index).mtimeMs).toBe(before.mtime);
      expect(readdirSync(dist).sort()).toEqual(before.files);
      expect(readdirSync(path.dirname(dist)).filter((name) => name.startsWith('dist.'))).toEqual([]);
    } finally {
      rmSync(path.join(CONTENT, 'broken.md'));
    }
  });
});
