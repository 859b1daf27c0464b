/**
 * Issue 16: no stack trace for any content error, ever. Frontmatter drawn
 * from the schema's own shape (each field missing, valid, wrong, empty or
 * huge) goes through the content check and through the build's loader
 * (where `astro build` decides), and through the command editors run. Every
 * refusal must be a message that names the file and the field, never a
 * crash, and the check and the build must refuse the same files.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { articleSchema } from '../../src/lib/articleSchema.ts';
import { loadArticleSources } from '../../src/lib/articleSources-fs.ts';
import { checkContentDir } from '../../src/lib/contentCheck/checkContent-fs.ts';
import { ContentError } from '../../src/lib/contentCheck/contentError.ts';
import { hasErrors } from '../../src/lib/contentCheck/problem.ts';
import { frontmatterArbitrary } from '../support/frontmatterArbitrary.ts';
import { loadWithArticleLoader } from '../support/loaderContext.ts';

const ROOT = path.resolve('tests/.tmp/frontmatter-properties');
const ARTICLE = '2022/02-24/drawn.md';
const SHOWN = `content/${ARTICLE}`;
const STACK_LINE = /^\s+at .+[:(]/m;

/** Writes one article with this frontmatter into a fresh content folder. */
function writeArticle(run: string, frontmatter: Record<string, unknown>): string {
  const folder = path.join(ROOT, run);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(path.join(folder, 'content', path.dirname(ARTICLE)), { recursive: true });
  writeFileSync(path.join(folder, 'content', ARTICLE), `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n冷雨后转晴，浮山岭顶出现云海。\n`);
  return folder;
}

/** The fields the schema refuses in this frontmatter. */
const refusedFields = (frontmatter: Record<string, unknown>) => {
  const result = articleSchema.safeParse(frontmatter);
  return result.success ? [] : [...new Set(result.error.issues.map((issue) => String(issue.path[0])))];
};

afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

describe('frontmatter drawn from the schema', () => {
  it('is refused by the check with the file and the field, and by the loader alike, never with a crash', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(frontmatterArbitrary, async (frontmatter) => {
        const folder = writeArticle(String(run++ % 4), frontmatter);
        const report = checkContentDir(path.join(folder, 'content'), { root: folder, today: '2026-01-01' });
        const errors = report.problems.filter((item) => item.severity === 'error');
        for (const item of errors) {
          expect(item.file).toBe(SHOWN);
          expect(item.message.zh + item.message.en + item.fix.zh + item.fix.en).not.toMatch(/undefined|\[object Object\]/);
        }
        for (const field of refusedFields(frontmatter)) {
          expect(errors.some((item) => item.message.en.includes(`"${field}`)), `no message names ${field}`).toBe(true);
        }

        // The index reads text only: it refuses what the schema refuses, not a missing photo.
        const sources = () => loadArticleSources(path.join(folder, 'content'), { includeDrafts: true });
        if (refusedFields(frontmatter).length === 0) expect(sources()).toHaveLength(1);
        // The index names files inside the content folder.
        else expect(sources).toThrow(ARTICLE);

        const loaded = loadWithArticleLoader(folder, 'content');
        if (!hasErrors(report.problems)) {
          expect((await loaded).size).toBe(1);
          return;
        }
        const error = await loaded.then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(ContentError);
        expect((error as ContentError).stack).toBe('');
        expect((error as ContentError).message).toContain(SHOWN);
        expect((error as ContentError).message).not.toMatch(STACK_LINE);
      }),
      { numRuns: 80 },
    );
  });

  it('makes check:content exit 1 with a message, not a stack trace', () => {
    const samples = fc.sample(frontmatterArbitrary.filter((frontmatter) => refusedFields(frontmatter).length > 0), { numRuns: 3, seed: 16 });
    for (const [index, frontmatter] of samples.entries()) {
      const folder = writeArticle(`cli-${index}`, frontmatter);
      const result = spawnSync(process.execPath, ['scripts/check-content.ts', '--dir', path.join(folder, 'content')], { encoding: 'utf8' });
      const output = result.stdout + result.stderr;
      expect(result.status, output).toBe(1);
      expect(output).toContain(`${path.relative(process.cwd(), folder)}/content/${ARTICLE}`);
      for (const field of refusedFields(frontmatter)) expect(output).toContain(`"${field}`);
      expect(output).not.toMatch(STACK_LINE);
    }
  });
});

describe('the loader, for astro build alone', () => {
  it('names every broken article at once, in file order, as check:content does', async () => {
    const folder = path.join(ROOT, 'several');
    rmSync(folder, { recursive: true, force: true });
    for (const [name, text] of [['b.md', '---\ntitle: 乙\n---\n\n正文。\n'], ['a.md', '---\ndate: 2022-02-24\n---\n\n正文。\n'], ['c.md', '---\ntitle: 丙\ndate: 2022-02-24\n---\n\n正文。\n']]) {
      mkdirSync(path.join(folder, 'content'), { recursive: true });
      writeFileSync(path.join(folder, 'content', name), text);
    }
    const error = (await loadWithArticleLoader(folder, 'content').catch((thrown: unknown) => thrown)) as ContentError;
    expect(error).toBeInstanceOf(ContentError);
    expect(error.problems.map((item) => [item.file, item.code])).toEqual([
      ['content/a.md', 'missing-field'],
      ['content/b.md', 'missing-field'],
    ]);
  });
});
