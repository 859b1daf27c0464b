/**
 * Benchmark: what rendering the archive's Markdown bodies costs, one thread,
 * with three renderers in turn on the same N corpus stories:
 *
 * - the site's own pipeline (`unified` with src/plugins/markdownOptions.ts),
 *   as the content loader runs it;
 * - Astro's unified pipeline with none of our plugins;
 * - Astro 7's default processor, Sätteri (Rust), which the build
 *   benchmark's baseline uses (bench/baseline keeps Astro's defaults).
 *
 * It prints each renderer's time per round and per story, so that the part of
 * a cold build that the choice of renderer decides can be read off directly.
 *
 *   node bench/markdown-renderers.ts --corpus <folder> --articles 13000 [--rounds 2]
 */
import { parseArgs } from 'node:util';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { markdownOptions } from '../src/plugins/markdownOptions.ts';
import { readArticle } from '../src/lib/readArticle.ts';
import { storyToMarkdown } from '../src/lib/corpus/storyToMarkdown.ts';
import { corpusDirOrExit, loadCorpusStories, sampleArchive } from './lib/corpusArchive.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    articles: { type: 'string', default: '13000' },
    rounds: { type: 'string', default: '2' },
  },
});
const count = Number(values.articles);
const rounds = Number(values.rounds);
const stories = sampleArchive(loadCorpusStories(corpusDirOrExit(values.corpus)), count);
// The bodies exactly as the loader sees them: the article file, then its reading.
const bodies = stories.map(({ story, slug }) => readArticle(Buffer.from(storyToMarkdown(story)), `${slug}.md`).body);
const characters = bodies.reduce((sum, body) => sum + body.length, 0);

const renderers: Array<{ name: string; render: (markdown: string) => Promise<unknown> }> = [];
const ours = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
renderers.push({ name: "unified, the site's plugins", render: (markdown) => ours.render(markdown) });
const plain = await createMarkdownProcessor({ syntaxHighlight: false });
renderers.push({ name: 'unified, no plugins of ours', render: (markdown) => plain.render(markdown) });
const satteri = await createSatteriMarkdownProcessor({ syntaxHighlight: false });
renderers.push({ name: "Sätteri (Astro 7's default)", render: (markdown) => satteri.render(markdown) });

console.log(`${count.toLocaleString('en')} stories, ${(characters / 1e6).toFixed(1)} M characters of Markdown; ${rounds} rounds, renderers in turn`);
const seconds = new Map(renderers.map(({ name }) => [name, [] as number[]]));
for (let round = 0; round < rounds; round++) {
  for (const { name, render } of renderers) {
    const started = performance.now();
    for (const body of bodies) await render(body);
    seconds.get(name)!.push((performance.now() - started) / 1000);
  }
}
for (const [name, runs] of seconds) {
  const best = Math.min(...runs);
  console.log(`${name.padEnd(30)} ${runs.map((s) => `${s.toFixed(2)} s`).join('  ')}   best ${((best * 1000) / count).toFixed(3)} ms a story`);
}
