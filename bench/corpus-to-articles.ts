/**
 * Builds an archive of N articles from the development corpus, for benchmarks
 * and large-archive tests (never into content/).
 *
 *   node bench/corpus-to-articles.ts --out <folder> [--articles N] [--seed 42]
 *
 * N defaults to every story (~6,000). For N above the corpus size, stories
 * repeat under earlier dates and new slugs; the choice of stories is random
 * with a fixed seed, so the same N always gives the same archive.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpusStories, sampleArchive } from './lib/corpusArchive.ts';
import { storyToMarkdown } from '../src/lib/corpus/storyToMarkdown.ts';

const { values } = parseArgs({
  options: { out: { type: 'string' }, articles: { type: 'string' }, seed: { type: 'string' } },
});
if (!values.out) {
  console.error('用法 / usage: node bench/corpus-to-articles.ts --out <folder> [--articles N] [--seed 42]');
  process.exit(2);
}
const stories = loadCorpusStories();
const count = values.articles ? Number(values.articles.replace(/[,_]/g, '')) : stories.length;
const archive = sampleArchive(stories, count, Number(values.seed ?? 42));
rmSync(values.out, { recursive: true, force: true });
for (const { story, slug } of archive) {
  const folder = path.join(values.out, story.date.slice(0, 4), story.date.slice(5));
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, `${slug}.md`), storyToMarkdown(story));
}
console.log(`写入 ${archive.length} 篇文章到 ${values.out}（语料共 ${stories.length} 篇）`);
