import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToParagraphs, parseXwlbDay } from '../../src/lib/corpus/parseXwlbDay.ts';
import { escapeMarkdownText } from '../../src/lib/corpus/storyToMarkdown.ts';
import { findCorpusDir, loadCorpusStories, resolveCorpus, sampleArchive } from '../../bench/lib/corpusArchive.ts';
import { CORPUS_SAMPLE } from '../support/corpusSample.ts';

const DAY = `# 《新闻联播》 (20230808)

## 新闻摘要

1.摘要不算新闻；

## 详细新闻

### 【要闻】甲&amp;乙

<p style="text-indent: 2em;"><strong>央视网消息</strong>：第一段&nbsp;文字。</p><p>第二段。</p>

[查看原文](https://example.org/1)

### 空新闻

[查看原文](https://example.org/2)

### 第三条

<p>1. 以数字开头 *星号*</p>
`;

describe('development corpus', () => {
  it('parses stories, skipping the summary and empty stories', () => {
    const stories = parseXwlbDay('20230808.md', DAY);
    expect(stories.map((story) => story.title)).toEqual(['【要闻】甲&乙', '第三条']);
    expect(stories[0]!.paragraphs).toEqual(['央视网消息：第一段 文字。', '第二段。']);
    expect(stories[0]!.date).toBe('2023-08-08');
  });

  it('escapes Markdown syntax in plain text', () => {
    expect(escapeMarkdownText('1. 以数字开头 *星号*')).toBe('1\\. 以数字开头 \\*星号\\*');
    expect(htmlToParagraphs('<p>a</p><p> </p><p>b</p>')).toEqual(['a', 'b']);
  });

  it('samples deterministically and repeats beyond the corpus with new dates and slugs', () => {
    const stories = parseXwlbDay('20230808.md', DAY);
    const archive = sampleArchive(stories, 5, 7);
    expect(sampleArchive(stories, 5, 7)).toEqual(archive);
    const keys = archive.map(({ story, slug }) => `${story.date}/${slug}`);
    expect(new Set(keys).size).toBe(5);
    expect(archive[2]!.story.date).toBe('2021-08-08');
  });
});

describe('corpus sample and benchmark corpus', () => {
  it('the sample that ships with the tests holds real stories', () => {
    const stories = loadCorpusStories(CORPUS_SAMPLE);
    expect(stories.length).toBeGreaterThanOrEqual(100);
    expect(new Set(stories.map((story) => story.date)).size).toBe(8);
  });

  it('finds the day files in a corpus folder or in its news/ folder', () => {
    expect(findCorpusDir(path.dirname(CORPUS_SAMPLE))).toBe(CORPUS_SAMPLE);
    expect(findCorpusDir(CORPUS_SAMPLE)).toBe(CORPUS_SAMPLE);
    expect(findCorpusDir('tests/fixtures/unicode')).toBeUndefined();
  });

  it.each([
    ['no corpus given', undefined, undefined, '未指定语料'],
    ['a folder without day files', 'tests/fixtures', undefined, `No corpus day files (YYYYMMDD.md) in ${path.resolve('tests/fixtures')}`],
    ['ARCHIVE_CORPUS_DIR pointing nowhere', undefined, 'no/such/folder', path.resolve('no/such/folder')],
  ])('with %s, a benchmark says how to get the corpus', (_, flag, fromEnv, names) => {
    const corpus = resolveCorpus(flag, fromEnv);
    expect(corpus).toEqual({ problem: expect.stringContaining(names) });
    expect(corpus).toEqual({ problem: expect.stringContaining('git clone --depth 1 https://github.com/DuckBurnIncense/xin-wen-lian-bo.git') });
    expect(corpus).toEqual({ problem: expect.stringContaining('--corpus tests/fixtures/corpus-sample') });
  });

  it('takes --corpus before ARCHIVE_CORPUS_DIR', () => {
    expect(resolveCorpus('tests/fixtures/corpus-sample', 'no/such/folder')).toEqual({ dir: CORPUS_SAMPLE });
    expect(resolveCorpus(undefined, 'tests/fixtures/corpus-sample')).toEqual({ dir: CORPUS_SAMPLE });
  });

  it('a benchmark command without a corpus prints that and exits 2, no stack trace', () => {
    const { ARCHIVE_CORPUS_DIR: _unset, ...env } = process.env;
    const run = spawnSync(process.execPath, ['bench/corpus-to-articles.ts', '--out', path.join(os.tmpdir(), 'never-written')], { encoding: 'utf8', env });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('git clone --depth 1');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
