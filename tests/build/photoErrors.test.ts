/**
 * A photo that cannot be published stops the build with a message naming the
 * article, the photo and the fix. One build holds one broken article per
 * problem, since the check reports every problem at once. A missing file is
 * found by the content check (the build's first stage), so that case calls
 * the check itself instead of a second build.
 */
import { closeSync, openSync, ftruncateSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContentDir } from '../../src/lib/contentCheck/checkContent-fs.ts';
import { formatProblems } from '../../src/lib/contentCheck/formatReport.ts';
import { hasErrors } from '../../src/lib/contentCheck/problem.ts';
import { runBuild, TMP_ROOT, type BuildResult } from '../support/buildSite.ts';
import { article, cameraJpeg, writeTree } from '../support/photoFixtures.ts';

const day = '2024/06-01';
const withPhoto = (slug: string, src: string) =>
  article(`title: ${slug}\ndate: 2024-06-01`, `正文。\n\n![照片](${src} "说明")`);

let build: BuildResult;
/** The same archive with missing files too: what the check, which stops the build first, reports. */
let withMissing: { failed: boolean; output: string };

beforeAll(async () => {
  const root = path.join(TMP_ROOT, 'photo-errors-content');
  const good = await cameraJpeg(800, 600);
  writeTree(root, {
    [`${day}/not-image.md`]: withPhoto('not-image', './images/notes.jpg'),
    [`${day}/images/notes.jpg`]: '这不是照片，是一份文字稿。\n',
    [`${day}/truncated.md`]: withPhoto('truncated', './images/truncated.jpg'),
    [`${day}/images/truncated.jpg`]: good.subarray(0, Math.floor(good.length * 0.6)),
    [`${day}/too-wide.md`]: withPhoto('too-wide', './images/panorama.png'),
    [`${day}/images/panorama.png`]: await sharp({
      create: { width: 16_001, height: 8, channels: 3, background: '#888' },
    })
      .png()
      .toBuffer(),
    [`${day}/too-heavy.md`]: withPhoto('too-heavy', './images/huge.jpg'),
    [`${day}/heic.md`]: withPhoto('heic', './images/phone.heic'),
    [`${day}/images/phone.heic`]: good,
  });
  // A sparse 41 MB file: over the limit without writing 41 MB to disk.
  const huge = openSync(path.join(root, day, 'images/huge.jpg'), 'w');
  ftruncateSync(huge, 41 * 1024 * 1024);
  closeSync(huge);
  build = runBuild({ key: 'photo-errors', contentDir: root });
  writeTree(root, {
    [`${day}/missing.md`]: withPhoto('missing', './images/not-there.jpg'),
    [`${day}/bad-cover.md`]: article(
      'title: bad-cover\ndate: 2024-06-01\ncover:\n  src: ./images/no-cover.jpg\n  alt: 题图',
      '正文。',
    ),
  });
  const report = checkContentDir(root);
  withMissing = { failed: hasErrors(report.problems), output: formatProblems(report.problems) };
});

describe('a build with missing photo files', () => {
  it('stops before Astro runs, naming each article, the missing file and the fix', () => {
    expect(withMissing.failed).toBe(true);
    for (const [file, src] of [['missing.md', './images/not-there.jpg'], ['bad-cover.md', './images/no-cover.jpg']]) {
      const block = withMissing.output.split(/\n\n(?=\S)/).find((text) => text.includes(`/${file}\n`));
      expect(block, `no message for ${file} in:\n${withMissing.output}`).toContain(`找不到图片文件 ${src}`);
      expect(block).toContain('Fix: Put the image at that path next to the article');
    }
  });
});

describe('a build with broken photos', () => {
  it('fails', () => {
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('图片有问题，构建已停止');
  });

  const cases: [string, string, RegExp][] = [
    ['not-image.md', './images/notes.jpg', /不是图片，或文件已损坏[\s\S]*重新导出 JPEG/],
    ['truncated.md', './images/truncated.jpg', /不是图片，或文件已损坏[\s\S]*重新导出 JPEG/],
    ['too-wide.md', './images/panorama.png', /尺寸 16001×8 像素，长边超过 16000 像素的上限[\s\S]*把照片缩小/],
    ['too-heavy.md', './images/huge.jpg', /文件有 41\.0 MB，超过 40\.0 MB 的上限[\s\S]*把照片缩小/],
    ['heic.md', './images/phone.heic', /不是可发布的图片格式（\.heic）[\s\S]*导出为 JPEG/],
  ];
  for (const [file, src, message] of cases) {
    it(`names ${file}, ${src} and the fix`, () => {
      const block = build.output
        .split(/\n(?=文章 )/)
        .find((text) => text.startsWith(`文章 `) && text.includes(`${file} 中的图片 ${src}：`));
      expect(block, `no message for ${file} in:\n${build.output}`).toBeDefined();
      expect(block).toMatch(message);
    });
  }
});
