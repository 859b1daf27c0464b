/**
 * Issue 16: check:content catches every photo the build refuses, decoding
 * each with sharp as the build does. Before, a text file named fake.jpg
 * passed the check (0 errors) and then stopped the build. Each case here is
 * decided by the check in milliseconds; tests/build/photoErrors.test.ts runs
 * the build once to show the same messages stop it.
 */
import { closeSync, ftruncateSync, openSync, rmSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, type ContentReport } from '../../src/lib/contentCheck/checkContent-fs.ts';
import { formatProblems } from '../../src/lib/contentCheck/formatReport.ts';
import { article, cameraJpeg, writeTree } from '../support/photoFixtures.ts';

const ROOT = path.resolve('tests/.tmp/photo-checks');
const day = '2024/06-01';
const withPhoto = (slug: string, src: string) => article(`title: ${slug}\ndate: 2024-06-01`, `正文。\n\n![照片](${src} "说明")`);

let report: ContentReport;

beforeAll(async () => {
  const good = await cameraJpeg(800, 600);
  writeTree(ROOT, {
    [`${day}/good.md`]: withPhoto('good', './images/good.jpg'),
    [`${day}/images/good.jpg`]: good,
    [`${day}/fake.md`]: withPhoto('fake', './images/fake.jpg'),
    [`${day}/images/fake.jpg`]: '这不是照片，是一份文字稿。\n',
    [`${day}/truncated.md`]: withPhoto('truncated', './images/truncated.jpg'),
    [`${day}/images/truncated.jpg`]: good.subarray(0, Math.floor(good.length * 0.6)),
    [`${day}/too-wide.md`]: withPhoto('too-wide', './images/panorama.png'),
    [`${day}/images/panorama.png`]: await sharp({ create: { width: 16_001, height: 8, channels: 3, background: '#888' } }).png().toBuffer(),
    [`${day}/too-heavy.md`]: withPhoto('too-heavy', './images/huge.jpg'),
    [`${day}/heic.md`]: withPhoto('heic', './images/phone.heic'),
    [`${day}/images/phone.heic`]: good,
    [`${day}/fake-cover.md`]: article('title: fake-cover\ndate: 2024-06-01\ncover:\n  src: ./images/fake.jpg\n  alt: 题图', '正文。'),
    // Raw HTML is passed through, not imported by Astro: not decoded.
    [`${day}/raw-html.md`]: article('title: raw-html\ndate: 2024-06-01', '正文。\n\n<img src="./images/fake.jpg" alt="旧图">'),
  });
  // A sparse 41 MB file: over the limit without writing 41 MB to disk.
  const huge = openSync(path.join(ROOT, day, 'images/huge.jpg'), 'w');
  ftruncateSync(huge, 41 * 1024 * 1024);
  closeSync(huge);
  report = await checkContent(ROOT, { root: ROOT, today: '2026-01-01', photoCache: path.join(ROOT, '.cache/photo-checks.json') });
});

afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

const problemsOf = (file: string) => report.problems.filter((item) => item.file === `${day}/${file}`);

describe('check:content decodes photos as the build does', () => {
  const cases: [string, RegExp][] = [
    ['fake.md', /^图片 \.\/images\/fake\.jpg：不是图片，或文件已损坏/],
    ['truncated.md', /^图片 \.\/images\/truncated\.jpg：不是图片，或文件已损坏/],
    ['too-wide.md', /^图片 \.\/images\/panorama\.png：尺寸 16001×8 像素，长边超过 16000 像素的上限/],
    ['too-heavy.md', /^图片 \.\/images\/huge\.jpg：文件有 41\.0 MB，超过 40\.0 MB 的上限/],
    ['heic.md', /^图片 \.\/images\/phone\.heic：不是可发布的图片格式（\.heic）/],
    ['fake-cover.md', /^图片 \.\/images\/fake\.jpg：不是图片，或文件已损坏/],
  ];
  for (const [file, message] of cases) {
    it(`refuses ${file} with the line of the photo and the fix`, () => {
      const [only, ...others] = problemsOf(file);
      expect(others).toEqual([]);
      expect(only).toMatchObject({ severity: 'error', code: 'bad-photo' });
      expect(only!.message.zh).toMatch(message);
      expect(only!.fix.zh).toMatch(/JPEG/);
      expect(only!.line).toBe(file === 'fake-cover.md' ? 5 : 8);
    });
  }

  it('accepts a good photo and leaves raw HTML images alone', () => {
    expect(problemsOf('good.md')).toEqual([]);
    expect(problemsOf('raw-html.md')).toEqual([]);
  });

  it('prints the block editors read', () => {
    expect(formatProblems(problemsOf('fake.md'))).toMatchInlineSnapshot(`
      "2024/06-01/fake.md
        第 8 行，第 7 列 · line 8, column 7 · 错误 error [bad-photo]
          问题：图片 ./images/fake.jpg：不是图片，或文件已损坏（Input file contains unsupported image format）。
          Problem: The photo ./images/fake.jpg: Not an image, or a damaged file (Input file contains unsupported image format).
          修改：从原始照片重新导出 JPEG 文件替换它；若是从网页或聊天软件保存的，请找原图。
          Fix: Export a JPEG again from the original photo and replace the file; if it was saved from a web page or a chat app, find the original."
    `);
  });
});
