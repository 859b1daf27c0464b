/**
 * Builds an archive of N articles from the development corpus, for benchmarks
 * (never into content/).
 *
 *   node bench/corpus-to-articles.ts --out <folder> [--corpus <folder>] [--articles N] [--seed 42]
 *
 * The corpus is --corpus or ARCHIVE_CORPUS_DIR (bench/lib/corpusArchive.ts
 * says how to get it). N defaults to every story. For N above the corpus
 * size, stories repeat under earlier dates and new slugs; the choice of
 * stories is random with a fixed seed, so the same N always gives the same archive.
 */
import { parseArgs } from 'node:util';
import { corpusDirOrExit, loadCorpusStories, writeArchive } from './lib/corpusArchive.ts';

const { values } = parseArgs({
  options: { out: { type: 'string' }, corpus: { type: 'string' }, articles: { type: 'string' }, seed: { type: 'string' } },
});
if (!values.out) {
  console.error('用法 / usage: node bench/corpus-to-articles.ts --out <folder> [--corpus <folder>] [--articles N] [--seed 42]');
  process.exit(2);
}
const stories = loadCorpusStories(corpusDirOrExit(values.corpus));
const count = values.articles ? Number(values.articles.replace(/[,_]/g, '')) : stories.length;
const archive = writeArchive(stories, values.out, count, Number(values.seed ?? 42));
console.log(`写入 ${archive.length} 篇文章到 ${values.out}（语料共 ${stories.length} 篇）`);
