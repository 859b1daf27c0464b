/**
 * Reads the development corpus and picks a deterministic archive of N stories.
 * Node-only (file system); shared by benchmarks and large-archive tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseXwlbDay, type CorpusStory } from '../../src/lib/corpus/parseXwlbDay.ts';

/** ../shared beside the repository (CI), or ARCHIVE_SHARED_DIR. */
export const SHARED_DIR = process.env.ARCHIVE_SHARED_DIR ?? path.resolve('../shared');
export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus/xwlb-2022-2023/news');

export function loadCorpusStories(dir = CORPUS_DIR): CorpusStory[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
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
