/**
 * Reads the development corpus and picks a deterministic archive of N stories.
 * Node-only (file system); shared by benchmarks and large-archive tests.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseXwlbDay, type CorpusStory } from '../../src/lib/corpus/parseXwlbDay.ts';
import { storyToMarkdown } from '../../src/lib/corpus/storyToMarkdown.ts';
import { toolSettings as settings } from '../../src/config.ts';

const DAY_FILE = /^\d{8}\.md$/;

/** Where to get the corpus; printed whenever a benchmark cannot find it. */
export const CORPUS_HELP = [
  '基准测试需要新闻联播语料（MIT 许可，每天一个 Markdown 文件）。',
  'The benchmarks need the 新闻联播 corpus (MIT licensed, one Markdown file per day). To get it:',
  '',
  '  git clone --depth 1 https://github.com/DuckBurnIncense/xin-wen-lian-bo.git ../xin-wen-lian-bo',
  '  npm run bench:build -- --corpus ../xin-wen-lian-bo/news',
  '(every benchmark takes --corpus <folder>, or ARCHIVE_CORPUS_DIR=<folder>)',
  '',
  'A quick run on the 8-day sample the tests use: --corpus tests/fixtures/corpus-sample',
].join('\n');

/** A corpus folder holds the day files itself or in news/ (the upstream layout). */
export function findCorpusDir(dir: string): string | undefined {
  const hasDays = (folder: string) => existsSync(folder) && readdirSync(folder).some((name) => DAY_FILE.test(name));
  return [path.join(dir, 'news'), dir].map((folder) => path.resolve(folder)).find(hasDays);
}

/**
 * The corpus folder given by --corpus (else ARCHIVE_CORPUS_DIR), or what to
 * tell the user when there is none.
 */
export function resolveCorpus(flag: string | undefined, fromEnv = settings.corpusDir): { dir: string } | { problem: string } {
  const given = flag ?? fromEnv;
  const dir = given ? findCorpusDir(given) : undefined;
  if (dir) return { dir };
  const what = given ? `找不到语料 / No corpus day files (YYYYMMDD.md) in ${path.resolve(given)}` : '未指定语料 / No corpus given.';
  return { problem: `${what}\n\n${CORPUS_HELP}` };
}

/** resolveCorpus for a benchmark's command line: prints the problem and exits 2. */
export function corpusDirOrExit(flag: string | undefined): string {
  const corpus = resolveCorpus(flag);
  if ('dir' in corpus) return corpus.dir;
  console.error(corpus.problem);
  process.exit(2);
}

export function loadCorpusStories(dir: string): CorpusStory[] {
  return readdirSync(dir)
    .filter((name) => DAY_FILE.test(name))
    .sort()
    .flatMap((name) => parseXwlbDay(name, readFileSync(path.join(dir, name), 'utf8')));
}

/** mulberry32: a small, well-known seeded PRNG, so archives are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shiftDate(date: string, days: number): string {
  const shifted = new Date(`${date}T00:00:00Z`);
  shifted.setUTCDate(shifted.getUTCDate() - days);
  return shifted.toISOString().slice(0, 10);
}

export interface ArchiveStory {
  story: CorpusStory;
  slug: string;
}

/**
 * N stories: a seeded sample when N is below the corpus size; otherwise every
 * story, then repeats moved back by whole cycles of 2 years (730 days) with
 * their own slugs, so dates and permalinks never collide.
 */
export function sampleArchive(stories: CorpusStory[], count: number, seed = 42): ArchiveStory[] {
  const random = seededRandom(seed);
  const order = stories.map((_, index) => index);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const result: ArchiveStory[] = [];
  for (let n = 0; n < count; n++) {
    const cycle = Math.floor(n / stories.length);
    const base = stories[order[n % stories.length]!]!;
    const story = cycle === 0 ? base : { ...base, date: shiftDate(base.date, cycle * 730) };
    const slug = `xwlb-${base.date.replaceAll('-', '')}-${String(base.index).padStart(2, '0')}${cycle ? `-r${cycle}` : ''}`;
    result.push({ story, slug });
  }
  return result;
}

/**
 * Writes an archive of N stories as articles into outDir (emptied first),
 * one YYYY/MM/<slug>.md per story, and returns what it wrote.
 */
export function writeArchive(stories: CorpusStory[], outDir: string, count: number, seed = 42): ArchiveStory[] {
  const archive = sampleArchive(stories, count, seed);
  rmSync(outDir, { recursive: true, force: true });
  for (const { story, slug } of archive) {
    const folder = path.join(outDir, story.date.slice(0, 4), story.date.slice(5));
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${slug}.md`), storyToMarkdown(story));
  }
  return archive;
}
