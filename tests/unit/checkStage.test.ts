/**
 * The build's check stage (src/build/checkStage.ts) prints every error, and
 * warnings only for articles that are new or changed since the last build:
 * the rest are counted, so an editor's one new story is not buried under the
 * archive's old warnings.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/build/checkStage.ts';

const root = mkdtempSync(path.join(tmpdir(), 'check-stage-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const contentDir = path.join(root, 'content');
mkdirSync(contentDir);
const input = { contentDir, pagesDir: path.join(root, 'pages'), cacheDir: path.join(root, 'cache') };

/** An article whose body has a space between two Chinese characters: a warning. */
function write(name: string, body = '两个 汉字之间有空格。', frontmatter = `title: ${name}\ndate: 2024-01-02`): void {
  writeFileSync(path.join(contentDir, `${name}.md`), `---\n${frontmatter}\n---\n\n${body}\n`);
}
const listedFiles = (output = '') => [...output.matchAll(/^(\S+\.md)$/gm)].map((match) => path.basename(match[1]!)).sort();

describe('the check stage of the build', () => {
  it('lists every warning on the first build', async () => {
    write('甲');
    write('乙');
    write('坏', '正文。', 'title: 没有日期');
    const first = await runCheck(input);
    expect(first.failed).toBe(true);
    expect(listedFiles(first.output)).toEqual(['乙.md', '坏.md', '甲.md']);
    expect(first.output).toContain('1 error(s), 2 warning(s)');
    expect(first.output).not.toContain('not repeated here');
  });

  it("then only new and edited articles' warnings, with every error, and counts the rest", async () => {
    write('丙');
    const second = await runCheck(input);
    expect(listedFiles(second.output)).toEqual(['丙.md', '坏.md']);
    expect(second.output).toContain('1 error(s), 3 warning(s)');
    expect(second.output).toContain('2 more warning(s) are in articles unchanged since the last build');

    write('甲', '两个 汉字，改过了。');
    const third = await runCheck(input);
    expect(listedFiles(third.output)).toEqual(['坏.md', '甲.md']);
    expect(third.output).toContain('2 more warning(s)');
  });

  it('when no article changed, only the summary and the count', async () => {
    rmSync(path.join(contentDir, '坏.md'));
    const fourth = await runCheck(input);
    expect(fourth.failed).toBe(false);
    expect(listedFiles(fourth.output)).toEqual([]);
    expect(fourth.output).toBe(
      [
        '检查了 3 篇文章：0 个错误，3 个警告。 / Checked 3 articles: 0 error(s), 3 warning(s).',
        '另有 3 个警告出自上次构建以来未改动的文章，此处不再列出；运行 npm run check:content 可查看全部。 / 3 more warning(s) are in articles unchanged since the last build and are not repeated here: npm run check:content lists them all.',
      ].join('\n\n'),
    );
  });
});
