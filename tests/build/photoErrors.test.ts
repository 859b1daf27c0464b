/**
 * Issue 16, through the build people run: photos that cannot be published, a
 * cover without alt, and frontmatter drawn from the schema stop `npm run
 * build` with check:content's messages (file, line, field, fix), never a
 * stack trace, and the site built before stays as it was. Each message is
 * decided, and tested case by case, in the check (tests/unit/photoChecks.test.ts,
 * tests/scripts/frontmatterProperties.test.ts); this runs the plumbing once.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { articleSchema } from '../../src/lib/articleSchema.ts';
import { runBuild, TMP_ROOT, type BuildResult } from '../support/buildSite.ts';
import { frontmatterArbitrary } from '../support/frontmatterArbitrary.ts';
import { article, cameraJpeg, writeTree } from '../support/photoFixtures.ts';

const day = '2024/06-01';
const root = path.join(TMP_ROOT, 'photo-errors-content');
const shown = (file: string) => `${path.relative(process.cwd(), root)}/${day}/${file}`;
const withPhoto = (slug: string, src: string) => article(`title: ${slug}\ndate: 2024-06-01`, `正文。\n\n![照片](${src} "说明")`);

/** Two frontmatters the schema refuses, drawn from its own shape (fixed seed: the same every run). */
const drawn = fc.sample(frontmatterArbitrary.filter((data) => !articleSchema.safeParse(data).success), { numRuns: 2, seed: 17 });

let dist: string;
let before: { html: string; mtime: number; files: string[] };
let failed: BuildResult;

beforeAll(async () => {
  writeTree(root, {
    [`${day}/good.md`]: withPhoto('good', './images/good.jpg'),
    [`${day}/images/good.jpg`]: await cameraJpeg(800, 600),
  });
  const first = runBuild({ key: 'photo-errors', contentDir: root });
  expect(first.status, first.output).toBe(0);
  dist = first.outDir;
  const index = path.join(dist, 'index.html');
  before = { html: readFileSync(index, 'utf8'), mtime: statSync(index).mtimeMs, files: readdirSync(dist).sort() };

  const broken: Record<string, string> = {
    'fake.md': withPhoto('fake', './images/fake.jpg'),
    'images/fake.jpg': '这不是照片，是一份文字稿。\n',
    'no-alt.md': article('title: no-alt\ndate: 2024-06-01\ncover:\n  src: ./images/good.jpg', '正文。'),
    'missing.md': withPhoto('missing', './images/not-there.jpg'),
  };
  drawn.forEach((data, index) => (broken[`drawn-${index}.md`] = `---\n${stringify(data, { lineWidth: 0 })}---\n\n正文。\n`));
  for (const [file, text] of Object.entries(broken)) writeFileSync(path.join(root, day, file), text);
  failed = runBuild({ key: 'photo-errors', contentDir: root });
});

/** The block of the build's output about one file. */
const blockOf = (file: string) => failed.output.split(/\n(?=\S)/).find((text) => text.startsWith(`${shown(file)}\n`));

describe('a build with content errors', () => {
  it('fails, prints no stack trace, and keeps the site built before', () => {
    expect(failed.status).toBe(1);
    expect(failed.output).toContain('构建失败，已保留原有的');
    expect(failed.output).not.toMatch(/^\s+at |Stack trace|TypeError/m);
    const index = path.join(dist, 'index.html');
    expect(readFileSync(index, 'utf8')).toBe(before.html);
    expect(statSync(index).mtimeMs).toBe(before.mtime);
    expect(readdirSync(dist).sort()).toEqual(before.files);
  });

  it('names a text file posing as a photo (the check let it through before)', () => {
    expect(blockOf('fake.md'), failed.output).toMatch(/\[bad-photo\]\n\s+问题：图片 \.\/images\/fake\.jpg：不是图片，或文件已损坏[\s\S]*Fix: Export a JPEG again/);
  });

  it('names a cover without alt (the check crashed on it before)', () => {
    expect(blockOf('no-alt.md'), failed.output).toContain('Problem: The required "cover.alt" is missing.');
  });

  it('names a missing photo', () => {
    expect(blockOf('missing.md'), failed.output).toContain('找不到图片文件 ./images/not-there.jpg');
  });

  it('names every field the schema refuses in drawn frontmatter', () => {
    drawn.forEach((data, index) => {
      const result = articleSchema.safeParse(data);
      const fields = result.success ? [] : [...new Set(result.error.issues.map((issue) => String(issue.path[0])))];
      for (const field of fields) expect(blockOf(`drawn-${index}.md`), failed.output).toContain(`"${field}`);
    });
  });
});
