/** `npm run new`: flags for scripts, questions for people, a file that passes the check. */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

const CONTENT = path.resolve('tests/.tmp/new-article');

function runNew(args: string[], input = '', env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['scripts/new.ts', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, ARCHIVE_CONTENT_DIR: CONTENT, ...env },
  });
  return { status: result.status, out: result.stdout + result.stderr };
}

beforeEach(() => rmSync(CONTENT, { recursive: true, force: true }));

describe('npm run new', () => {
  it('writes a ready draft from flags, with a pinyin file name, and prints path and permalink', () => {
    const { status, out } = runNew(['--date', '2022-02-24', '--title', '浮山岭云海', '--reporters', '梁奈、王创', '--section', '城事']);
    expect(status, out).toBe(0);
    const file = path.join(CONTENT, '2022/02-24/fu-shan-ling-yun-hai.md');
    expect(out).toContain(`已创建 / Created: ${path.relative(process.cwd(), file)}`);
    expect(out).toContain('发布后的网址 / Permalink: http://localhost:4321/2022/02/24/fu-shan-ling-yun-hai/');
    expect(readFileSync(file, 'utf8')).toBe(
      '---\ntitle: 浮山岭云海\ndate: 2022-02-24\nreporters: [梁奈, 王创]\nsection: 城事\ndraft: true\n---\n\n' +
        '<!-- 在这里写正文，段落之间空一行。写好并核对后，删除上面的 draft: true 即可发布。 -->\n',
    );
    const check = spawnSync(process.execPath, ['scripts/check-content.ts', '--dir', CONTENT], { encoding: 'utf8' });
    expect(check.status, check.stdout).toBe(0);
  });

  it('prints the permalink under the deployment base path', () => {
    const { out } = runNew(['--date', '2022-02-24', '--title', '浮山岭云海'], '', { BASE_PATH: '/archive/', SITE_URL: 'https://example.org' });
    expect(out).toContain('https://example.org/archive/2022/02/24/fu-shan-ling-yun-hai/');
  });

  it('asks the questions when run without flags, and asks again after an impossible date', () => {
    const { status, out } = runNew([], '2022-02-30\n2022-02-24\n冷雨后转晴 浮山岭顶观云海\n梁奈\n城事\n\n');
    expect(status, out).toBe(0);
    expect(out).toContain('“2022-02-30”不是有效日期');
    const text = readFileSync(path.join(CONTENT, '2022/02-24/leng-yu-hou-zhuan-qing-fu-shan-ling-ding-guan-yun-hai.md'), 'utf8');
    expect(text).toContain('title: 冷雨后转晴 浮山岭顶观云海\n');
    expect(text).toContain('reporters: [梁奈]\nsection: 城事\n');
  });

  it('never overwrites: a taken file name gets a suffix', () => {
    runNew(['--date', '2022-02-24', '--title', '浮山岭云海']);
    const { out } = runNew(['--date', '2022-02-25', '--title', '浮山岭云海']);
    expect(out).toContain('2022/02-25/fu-shan-ling-yun-hai-2.md');
  });

  it('refuses an impossible date given as a flag', () => {
    const { status, out } = runNew(['--date', '2022-02-30', '--title', '浮山岭云海']);
    expect(status).toBe(1);
    expect(out.trim()).toBe('日期 2022-02-30 不存在或格式不对，应为 YYYY-MM-DD，例如 2022-02-24。 / Not a real YYYY-MM-DD date.');
  });
});
