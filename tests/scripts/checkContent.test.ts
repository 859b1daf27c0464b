/**
 * `npm run check:content` as editors run it: one block per file, exit codes,
 * --json, --fix-encoding, and the checks that need the whole archive
 * (duplicate permalinks naming both files, tag variants across files).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it } from 'vitest';

const DIR = path.resolve('tests/.tmp/check-content');
const REL = path.relative(process.cwd(), DIR);

function write(name: string, text: string | Buffer) {
  const file = path.join(DIR, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/check-content.ts', '--dir', DIR, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const article = (title: string, extra = '') => `---\ntitle: ${title}\ndate: 2022-02-24\n${extra}---\n\n正文。\n`;

beforeEach(() => rmSync(DIR, { recursive: true, force: true }));

describe('npm run check:content', () => {
  it('exits 0 on the seed articles, with no warnings', () => {
    const result = spawnSync(process.execPath, ['scripts/check-content.ts'], { encoding: 'utf8' });
    expect(result.stdout.trim()).toBe('检查了 3 篇文章：0 个错误，0 个警告。 / Checked 3 articles: 0 error(s), 0 warning(s).');
    expect(result.status).toBe(0);
  });

  it('exits 0 when there are only warnings', () => {
    write('a.md', article('标题', 'titel: x\n'));
    expect(run().status).toBe(0);
  });

  it('two files with the same permalink: an error that names both files', () => {
    write('a/fu-shan.md', article('甲'));
    write('b/fu-shan.md', article('乙'));
    const { status, stdout } = run();
    expect(status).toBe(1);
    expect(stdout).toBe(
      `${REL}/a/fu-shan.md
  第 1 行，第 1 列 · line 1, column 1 · 错误 error [duplicate-permalink]
    问题：永久链接 /2022/02/24/fu-shan/ 重复：${REL}/b/fu-shan.md 也发布在这个地址。
    Problem: Duplicate permalink /2022/02/24/fu-shan/: ${REL}/b/fu-shan.md is published at the same address.
    修改：改其中一篇的文件名（文件名就是网址的最后一段），或核对两篇的日期。
    Fix: Rename one of the files (the file name is the last part of the address), or check both dates.

${REL}/b/fu-shan.md
  第 1 行，第 1 列 · line 1, column 1 · 错误 error [duplicate-permalink]
    问题：永久链接 /2022/02/24/fu-shan/ 重复：${REL}/a/fu-shan.md 也发布在这个地址。
    Problem: Duplicate permalink /2022/02/24/fu-shan/: ${REL}/a/fu-shan.md is published at the same address.
    修改：改其中一篇的文件名（文件名就是网址的最后一段），或核对两篇的日期。
    Fix: Rename one of the files (the file name is the last part of the address), or check both dates.

检查了 2 篇文章：2 个错误，0 个警告。 / Checked 2 articles: 2 error(s), 0 warning(s).
`,
    );
  });

  it('tags that differ only by traditional/simplified form or width, across files', () => {
    write('a.md', article('甲', 'tags: [工会, C919]\n'));
    write('b.md', article('乙', 'tags: [工會, Ｃ919]\n'));
    const { status, stdout } = run();
    expect(status).toBe(0);
    expect(stdout).toBe(
      `${REL}/b.md
  第 4 行，第 8 列 · line 4, column 8 · 警告 warning [tag-variant]
    问题：标签“工會”与“工会”（${REL}/a.md）只差繁简或全半角，会变成两个标签。
    Problem: The tag "工會" differs from "工会" (${REL}/a.md) only by traditional/simplified form or width; they would become two tags.
    修改：统一写成“工会”。
    Fix: Use "工会" everywhere.

  第 4 行，第 12 列 · line 4, column 12 · 警告 warning [tag-variant]
    问题：标签“Ｃ919”与“C919”（${REL}/a.md）只差繁简或全半角，会变成两个标签。
    Problem: The tag "Ｃ919" differs from "C919" (${REL}/a.md) only by traditional/simplified form or width; they would become two tags.
    修改：统一写成“C919”。
    Fix: Use "C919" everywhere.

检查了 2 篇文章：0 个错误，2 个警告。 / Checked 2 articles: 0 error(s), 2 warning(s).
`,
    );
  });

  it('--json gives machine-readable output', () => {
    write('a.md', article('标题').replace('title: 标题\n', ''));
    const { status, stdout } = run('--json');
    expect(status).toBe(1);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ files: 1, errors: 1, warnings: 0 });
    expect(json.problems[0]).toEqual({
      file: `${REL}/a.md`,
      line: 1,
      column: 1,
      severity: 'error',
      code: 'missing-field',
      message: { zh: '缺少必填字段 标题（title）。', en: 'The required field "title" is missing.' },
      fix: { zh: '在 frontmatter 里加一行：title: 冷雨后转晴 浮山岭顶观云海', en: 'Add a line to the frontmatter: title: 冷雨后转晴 浮山岭顶观云海' },
    });
  });

  it('--fix-encoding rewrites a GBK file as UTF-8 after keeping a backup', () => {
    const text = article('冷雨后转晴 浮山岭顶观云海');
    const gbk = iconv.encode(text, 'gbk');
    write('gbk.md', gbk);
    expect(run().stdout).toContain('文件不是 UTF-8 编码，看起来是 GB18030（GBK）。');

    const fixed = run('--fix-encoding');
    expect(fixed.stderr).toContain(`已转为 UTF-8 / Converted to UTF-8 from GB18030: ${REL}/gbk.md`);
    expect(fixed.status).toBe(0);
    expect(readFileSync(path.join(DIR, 'gbk.md'), 'utf8')).toBe(text);
    expect(readFileSync(path.join(DIR, 'gbk.md.bak'))).toEqual(gbk);
  });

  // Issue 16: a cover without alt crashed the check, and so stopped --fix-encoding for every other file.
  it('--fix-encoding still converts the other files when one has a cover without alt', () => {
    write('gbk.md', iconv.encode(article('冷雨后转晴'), 'gbk'));
    write('no-alt.md', article('题图', 'cover:\n  src: ./cover.jpg\n'));
    write('cover.jpg', Buffer.from('not a photo'));
    const fixed = run('--fix-encoding');
    expect(fixed.stderr).toContain(`已转为 UTF-8 / Converted to UTF-8 from GB18030: ${REL}/gbk.md`);
    expect(fixed.stdout).toContain('Problem: The required "cover.alt" is missing.');
    expect(fixed.stdout).toContain('[bad-photo]');
    expect(fixed.stdout + fixed.stderr).not.toMatch(/TypeError|\n\s+at /);
    expect(fixed.status).toBe(1);
  });

  it('prints no stack trace for any error', () => {
    write('a.md', '---\ntitle："甲\n');
    write('b.md', Buffer.from([0xff, 0xfe, 0x00]));
    const { stdout, stderr } = run();
    expect(stdout + stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(DIR, 'a.md.bak'))).toBe(false);
  });
});
