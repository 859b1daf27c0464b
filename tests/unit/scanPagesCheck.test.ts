/**
 * Bad page input gets the content check's kind of message: the file, the
 * field, the fix. A region outside the scan, a scan that is not an image or
 * is over the photo limits, an article naming a page that does not exist.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPages } from '../../src/lib/scans/checkPages-fs.ts';
import type { Problem } from '../../src/lib/contentCheck/problem.ts';

const ROOT = path.resolve('tests/.tmp/scan-check');
const ARTICLES = path.join(ROOT, 'articles');
const PAGES = path.join(ROOT, 'pages');

function write(file: string, text: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function article(name: string, fields: string): void {
  write(path.join(ARTICLES, '2022/02-24', `${name}.md`), `---\ntitle: ${name}\ndate: 2022-02-24\n${fields}---\n\n正文。\n`);
}

let problems: Problem[] = [];

beforeAll(async () => {
  rmSync(ROOT, { recursive: true, force: true });
  const day = path.join(PAGES, '2022/02-24');
  write(path.join(day, '01.yml'), 'page: 1\nsource: 测试扫描\nscan: 01.png\nocr: 01.txt\n');
  write(path.join(day, '01.png'), await sharp({ create: { width: 400, height: 600, channels: 3, background: '#fff' } }).png().toBuffer());
  write(path.join(day, '01.txt'), '第一版的文字');
  write(path.join(day, '02.yml'), 'page: 2\nsource: 测试扫描\nscan: 02.jpg\n');
  write(path.join(day, '02.jpg'), '这不是图片');
  write(path.join(day, '03.yml'), 'page: 3\nsource: 测试扫描\nscan: 03.png\nocr: 03.txt\n');
  write(path.join(day, '03.png'), await sharp({ create: { width: 16_001, height: 8, channels: 3, background: '#fff' } }).png().toBuffer());
  write(path.join(day, '04.yml'), 'page: 5\nsection: 城事\n');
  article('fits', 'page: 1\nregions:\n  - { x: 0, y: 0, width: 400, height: 600 }\n');
  article('outside', 'page: 1\nregions:\n  - { x: 10, y: 10, width: 100, height: 100 }\n  - { points: [[0, 0], [401, 0], [0, 50]] }\n');
  article('no-such-page', 'page: 9\nregions:\n  - { x: 0, y: 0, width: 10, height: 10 }\n');
  article('no-page', 'regions:\n  - { x: 0, y: 0, width: 10, height: 10 }\n');
  problems = await checkPages(PAGES, ARTICLES, ROOT);
});

const byCode = (code: string) => problems.filter((item) => item.code === code);

describe('the page check', () => {
  it('passes a page whose regions lie on its scan', () => {
    expect(problems.filter((item) => item.file.includes('fits') || item.file.endsWith('01.yml'))).toEqual([]);
  });

  it('names the region outside the scan, its line and the scan size', () => {
    const [found, ...rest] = byCode('region-outside-scan');
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ file: 'articles/2022/02-24/outside.md', line: 6, severity: 'error' });
    expect(found!.message.zh).toContain('第 2 个区域');
    expect(found!.message.zh).toContain('400×600');
    expect(found!.fix.zh).toContain('x + width 不超过 400');
  });

  it('refuses a scan that is not an image, naming the page file and the field', () => {
    const [found] = byCode('page-scan-not-image');
    expect(found).toMatchObject({ file: 'pages/2022/02-24/02.yml', line: 3 });
    expect(found!.message.zh).toContain('02.jpg');
    expect(found!.fix.zh).toContain('JPEG');
  });

  it('refuses a scan over the photo limits', () => {
    const [found] = byCode('page-scan-too-large');
    expect(found).toMatchObject({ file: 'pages/2022/02-24/03.yml', line: 3 });
    expect(found!.message.zh).toContain('16001×8');
  });

  it('reports a missing OCR file, a page number that does not match the file name and a missing source', () => {
    expect(byCode('page-ocr-missing')[0]).toMatchObject({ file: 'pages/2022/02-24/03.yml', line: 4 });
    const schema = byCode('page-schema').find((item) => item.file.endsWith('04.yml'))!;
    expect(schema.message.zh).toBe('缺少必填字段 source。');
    expect(schema.fix.zh).toContain('source:');
  });

  it('names the page that does not exist and the file to create', () => {
    const [found] = byCode('page-missing');
    expect(found).toMatchObject({ file: 'articles/2022/02-24/no-such-page.md', line: 5 });
    expect(found!.message.zh).toContain('第 9 版');
    expect(found!.fix.zh).toContain(path.join('pages', '2022', '02-24', '09.yml'));
    expect(byCode('regions-without-page')[0]).toMatchObject({ file: 'articles/2022/02-24/no-page.md', line: 4 });
  });

  it('is part of check:content, printed without a stack trace', () => {
    const result = spawnSync(process.execPath, ['scripts/check-content.ts', '--dir', path.relative(process.cwd(), ARTICLES)], { encoding: 'utf8' });
    const output = result.stdout + result.stderr;
    expect(result.status).toBe(1);
    expect(output).toContain('超出了版面图');
    expect(output).toContain('不是可发布的图片');
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
