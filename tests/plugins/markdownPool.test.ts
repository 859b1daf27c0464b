/**
 * The loader renders a cold sync's bodies in worker threads
 * (src/lib/markdownPool-fs.ts). A body rendered there must be what Astro's
 * render function stores in this thread: the same HTML, search text,
 * headings and image paths, for every plugin fixture and seed article.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import { afterAll, describe, expect, it } from 'vitest';
import { listArticleFiles } from '../../src/lib/articleFiles-fs.ts';
import { parallelRenderer, type RenderEntry, type RendererSettings } from '../../src/lib/markdownPool-fs.ts';
import { readArticle } from '../../src/lib/readArticle.ts';
import { markdownOptions } from '../../src/plugins/markdownOptions.ts';

const settings: RendererSettings = { image: { domains: [], remotePatterns: [] }, syntaxHighlight: false, gfm: true, smartypants: false };
// What Astro's Markdown entry type does with the same settings (content-entry-type.js).
const here = await unified(markdownOptions).createRenderer(settings);
const renderHere = async (entry: RenderEntry) => {
  const result = await here.render(entry.body, { frontmatter: entry.data, fileURL: pathToFileURL(entry.filePath) });
  return { html: result.code, metadata: { ...result.metadata, imagePaths: result.metadata.localImagePaths.concat(result.metadata.remoteImagePaths) } };
};

const fixtures = path.resolve('tests/plugins/fixtures');
const entries: RenderEntry[] = [
  ...readdirSync(fixtures).flatMap((plugin) =>
    readdirSync(path.join(fixtures, plugin)).map((name) => {
      const filePath = path.join(fixtures, plugin, name, 'input.md');
      return { id: `${plugin}/${name}`, data: {}, body: readFileSync(filePath, 'utf8'), filePath, digest: '' };
    }),
  ),
  ...listArticleFiles('content/articles').map((file) => {
    const filePath = path.resolve('content/articles', file);
    const reading = readArticle(readFileSync(filePath), file);
    return { id: file, data: reading.frontmatter ?? {}, body: reading.body, filePath, digest: '' };
  }),
];

describe('parallelRenderer', () => {
  let renderedHere = 0;
  const counted = (entry: RenderEntry) => {
    renderedHere++;
    return renderHere(entry);
  };
  const inWorkers = parallelRenderer(counted, () => settings, { threshold: 0, workers: 1 });
  afterAll(() => inWorkers.close());

  it('renders in a worker what Astro renders here: HTML, search text, headings, image paths', async () => {
    expect(entries.length).toBeGreaterThan(20);
    // One at a time, so the worker's queue never fills and this thread renders none.
    for (const entry of entries) {
      const copy = { ...entry, data: structuredClone(entry.data) };
      expect(await inWorkers.render(entry), entry.id).toEqual(await renderHere(copy));
    }
    expect(renderedHere).toBe(0);
  });

  it('renders a few bodies in this thread, without starting a worker', async () => {
    let calls = 0;
    const few = parallelRenderer(async (entry) => (calls++, renderHere(entry)), () => settings, { threshold: 2 });
    await few.render(entries[0]!);
    await few.render(entries[1]!);
    await few.close();
    expect(calls).toBe(2);
  });
});
