/**
 * `npm run import` on the source page yields the three pieces as drafts:
 * the plan's and the plenary session's bodies character for character (line
 * breaks aside), the sea of clouds as a third draft, and the same paragraphs
 * as the hand-checked articles in content/articles.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_FILE, SEED_PIECES, expectedBody } from '../support/seedSource.ts';

const OUT = path.resolve('tests/.tmp/import-seed');

interface Draft {
  file: string;
  data: Record<string, unknown>;
  paragraphs: string[];
}

function readArticle(file: string): Draft {
  const text = readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file} has no frontmatter`);
  const paragraphs = match[2]!.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
  return { file, data: parse(match[1]!) as Record<string, unknown>, paragraphs };
}

let drafts: Draft[] = [];
let output = '';

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  const result = spawnSync(process.execPath, ['scripts/import.ts', SEED_FILE, '--out', OUT], { encoding: 'utf8' });
  output = result.stdout + result.stderr;
  expect(result.status, output).toBe(0);
  drafts = readdirSync(OUT)
    .sort()
    .map((name) => readArticle(path.join(OUT, name)));
});

/** The draft whose body starts with the piece's first words. */
function draftFor(first: string): Draft {
  const found = drafts.filter((draft) => draft.paragraphs.join('').startsWith(first));
  expect(found, `one draft starting with ${first}`).toHaveLength(1);
  return found[0]!;
}

describe('npm run import on the source page', () => {
  it('writes exactly three drafts', () => {
    expect(drafts).toHaveLength(3);
    for (const draft of drafts) {
      expect(draft.data.draft).toBe(true);
      expect(draft.data.date).toBe('2022-02-24');
    }
  });

  for (const piece of SEED_PIECES) {
    it(`${piece.file}: body is the source's text, character for character`, () => {
      expect(draftFor(piece.first).paragraphs.join('')).toBe(expectedBody(piece));
    });

    it(`${piece.file}: paragraphs are those of the checked article`, () => {
      const checked = readArticle(path.resolve('content/articles/2022/02-24', `${piece.file}.md`));
      expect(draftFor(piece.first).paragraphs).toEqual(checked.paragraphs);
    });
  }

  it('reads datelines and bylines into the frontmatter, not the body', () => {
    for (const piece of SEED_PIECES.slice(0, 2)) {
      const draft = draftFor(piece.first);
      expect(draft.data.dateline).toBe('茂名晚报讯');
      expect(draft.data.reporters).toEqual(['梁奈']);
    }
    const clouds = draftFor(SEED_PIECES[2]!.first);
    expect(clouds.data.reporters).toBeUndefined();
  });

  it('proposes the printed headlines and subtitle, and marks a missing headline as supplied', () => {
    expect(draftFor(SEED_PIECES[0]!.first).data).toMatchObject({
      title: SEED_PIECES[0]!.title,
      subtitle: '四大方面指标 与我市广大职工息息相关',
    });
    expect(draftFor(SEED_PIECES[1]!.first).data.title).toBe(SEED_PIECES[1]!.title);
    expect(draftFor(SEED_PIECES[2]!.first).data).toMatchObject({ title: '冷雨后转晴', titleSupplied: true });
  });

  it('leaves headlines for the editor to confirm and prints a report', () => {
    expect(output).toContain('找到 3 篇稿件、3 个标题块。');
    expect(output).toContain('标题（待确认）：茂名工运事业和工会工作“十四五”发展规划将出炉  ← 第 98 行');
    expect(output).toContain('副题（待确认）：四大方面指标 与我市广大职工息息相关  ← 第 100–101 行');
    expect(output).toContain('标题（待确认）：市总工会召开十三届三次全委（扩大）会议  ← 第 103–104 行');
    expect(output).toContain('说明文字（未收入正文）：扫一扫，看视频  ← 第 105 行');
    expect(output).toContain('标题：版面上没有找到，暂用“冷雨后转晴”');
    for (const draft of drafts) expect(readFileSync(draft.file, 'utf8')).toContain('# 标题待确认');
  });

  it('sets order in the order of the scanned page', () => {
    expect(SEED_PIECES.map((piece) => draftFor(piece.first).data.order)).toEqual([1, 2, 3]);
    expect(output).toContain('版内顺序 order: 1');
  });

  it('warns that each draft repeats the article the archive already holds, and names it', () => {
    for (const piece of SEED_PIECES) {
      const file = path.join('content/articles/2022/02-24', `${piece.file}.md`);
      expect(output).toContain(`⚠ 重复 / Repeat: 与已有文章 ${file} 同日且正文`);
      expect(readFileSync(draftFor(piece.first).file, 'utf8')).toContain(`# 注意：本篇与档案中已有的 ${file} 同日且正文几乎相同`);
    }
    expect(output).toContain('⚠ 3 篇草稿与档案中已有的文章重复');
    // Each draft is named against its own article only, not against the other two of that day.
    expect(output.match(/⚠ 重复/g)).toHaveLength(3);
  });

  it('does not warn when the archive does not hold the page', () => {
    const empty = path.resolve('tests/.tmp/import-empty-archive');
    rmSync(empty, { recursive: true, force: true });
    mkdirSync(empty, { recursive: true });
    const result = spawnSync(process.execPath, ['scripts/import.ts', SEED_FILE, '--out', path.join(empty, 'out')], {
      encoding: 'utf8',
      env: { ...process.env, ARCHIVE_CONTENT_DIR: empty },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('找到 3 篇稿件');
    expect(result.stdout).not.toContain('重复');
  });

  it('writes drafts that pass check:content', () => {
    const result = spawnSync(process.execPath, ['scripts/check-content.ts', '--dir', OUT], { encoding: 'utf8' });
    expect(result.stdout).toContain('0 个错误');
    expect(result.status).toBe(0);
  });
});
