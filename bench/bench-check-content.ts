/**
 * Benchmark: how long `check:content` (and the build's pre-check, and the dev
 * server's re-check) takes on an archive of realistic size. Writes the
 * ~6,000 stories of the 新闻联播 corpus as articles into a temporary
 * folder (never into content/), then times a full check and a re-check with
 * the dev server's cache after one edit.
 *
 *   npm run bench:check-content -- --corpus <folder>   (or ARCHIVE_CORPUS_DIR; it says how to get one)
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkContentDir, type CheckOptions } from '../src/lib/contentCheck/checkContent-fs.ts';
import { corpusDirOrExit } from './lib/corpusArchive.ts';

const { values } = parseArgs({ options: { corpus: { type: 'string' } } });
const corpus = corpusDirOrExit(values.corpus);
const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-check-'));

let count = 0;
for (const name of readdirSync(corpus).filter((file) => /^\d{8}\.md$/.test(file))) {
  const date = `${name.slice(0, 4)}-${name.slice(4, 6)}-${name.slice(6, 8)}`;
  const details = readFileSync(path.join(corpus, name), 'utf8').split('## 详细新闻')[1] ?? '';
  const folder = path.join(dir, date.slice(0, 4), date.slice(5));
  mkdirSync(folder, { recursive: true });
  details.split(/^### /m).slice(1).forEach((story, index) => {
    const [headline = '', ...rest] = story.split('\n');
    const body = rest.join('\n').replace(/\[查看原文\]\([^)]*\)/g, '').trim();
    if (body === '') return;
    writeFileSync(path.join(folder, `story-${index + 1}.md`), `---\ntitle: ${JSON.stringify(headline.trim())}\ndate: ${date}\n---\n\n${body}\n`);
    count++;
  });
}

const time = (label: string, run: () => { problems: unknown[] }) => {
  const started = performance.now();
  const report = run();
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label}: ${seconds.toFixed(2)} s (${report.problems.length} problems)`);
};

console.log(`${count} articles written to ${dir}`);
const cache: NonNullable<CheckOptions['cache']> = new Map();
time('full check (check:content, build pre-check)', () => checkContentDir(dir, { cache }));
const first = path.join(dir, readdirSync(dir)[0]!);
const edited = path.join(first, readdirSync(first)[0]!, 'story-1.md');
writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n编辑新加的一段。\n`);
time('re-check after one edit (dev server, cached)', () => checkContentDir(dir, { cache }));
rmSync(dir, { recursive: true, force: true });
