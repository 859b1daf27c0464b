/**
 * Runs the article collection's loader (src/lib/articleLoader-fs.ts) without
 * Astro: an in-memory store and meta store, the one article schema for
 * parseData, and the site's Markdown pipeline for rendering. This is where
 * the build decides what a page holds, so tests of the page side need no
 * build. The cover stays a path string (no image() outside Astro).
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { LoaderContext } from 'astro/loaders';
import { articleLoader } from '../../src/lib/articleLoader-fs.ts';
import { articleSchema } from '../../src/lib/articleSchema.ts';
import { withPhotoChecks } from '../../src/lib/photoCheckedLoader.ts';
import { markdownOptions } from '../../src/plugins/markdownOptions.ts';

export interface LoadedEntry {
  id: string;
  data: Record<string, unknown>;
  filePath?: string;
  digest?: string;
  rendered?: { html: string };
}

const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });

/** Loads every article under `contentDir` (relative to `root`) as the build's loader does. */
export async function loadWithArticleLoader(root: string, contentDir: string, tolerant = false): Promise<Map<string, LoadedEntry>> {
  const entries = new Map<string, LoadedEntry>();
  const meta = new Map<string, string>();
  const quiet = () => {};
  const context = {
    collection: 'articles',
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: LoadedEntry) => (entries.set(entry.id, entry), true),
      delete: (id: string) => void entries.delete(id),
      keys: () => [...entries.keys()],
      values: () => [...entries.values()],
      addAssetImports: quiet,
    },
    meta: { get: (key: string) => meta.get(key), set: (key: string, value: string) => void meta.set(key, value), delete: (key: string) => void meta.delete(key), has: (key: string) => meta.has(key) },
    logger: { info: quiet, warn: quiet, error: quiet, debug: quiet },
    config: { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(`${root}/.cache/`) },
    parseData: async ({ data }: { data: Record<string, unknown> }) => articleSchema.parse(data),
    generateDigest: (value: string) => createHash('sha1').update(value).digest('hex'),
    entryTypes: new Map([
      ['.md', { getRenderFunction: async () => async (entry: { body: string }) => ({ html: (await processor.render(entry.body)).code }) }],
    ]),
  } as unknown as LoaderContext;
  // As src/content.config.ts composes them for the build.
  await withPhotoChecks(articleLoader({ base: contentDir, tolerant })).load(context);
  return entries;
}
