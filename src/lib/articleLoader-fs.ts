/**
 * The article collection's loader. Astro's glob loader lists files with its
 * own pattern and splits frontmatter with its own parser; this one lists
 * them with listArticleFiles and reads each with readArticle, the functions
 * the content check and the search index use, so the page, the check and
 * the index can never read one file three ways (docs/architecture.md).
 * Rendering stays Astro's: the Markdown entry type's render function, with
 * the site's unified pipeline.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { ARTICLE_FILE, isArticleFile, listArticleFiles } from './articleFiles-fs.ts';
import type { PhotoUse } from './checkPhotos-fs.ts';
import { ContentError } from './contentCheck/contentError.ts';
import { articleImages } from './contentCheck/imageRefs.ts';
import { hasErrors, type Problem } from './contentCheck/problem.ts';
import { readArticle } from './readArticle.ts';

/** What the loader needs of an entry's render result (Astro's RenderedContent). */
type Rendered = Parameters<LoaderContext['store']['set']>[0]['rendered'];

/** Astro's Markdown entry type, as it hands it to loaders (internal: not declared in LoaderContext). */
interface MarkdownEntryType {
  getRenderFunction?: (config: LoaderContext['config']) => Promise<
    (entry: { id: string; data: Record<string, unknown>; body: string; filePath: string; digest: string }) => Promise<Rendered>
  >;
}
type AssetStore = LoaderContext['store'] & { addAssetImports(assets: string[], filePath: string): void };
type ContextWithEntryTypes = LoaderContext & { entryTypes: Map<string, MarkdownEntryType> };

export interface ArticleLoaderOptions {
  /** The content folder (ARCHIVE_CONTENT_DIR), relative to the project root or absolute. */
  base: string;
  /**
   * In `npm run dev`, a broken article must not stop the server: its data
   * goes on to parseData (which src/lib/contentCheck/devTolerantLoader.ts
   * holds back until it is fixed) and the content check shows the message.
   * Elsewhere the first broken article stops the sync with the check's text.
   */
  tolerant: boolean;
}

/** The collection id: the path inside the content folder, without extension. */
export const articleId = (file: string) => file.replace(ARTICLE_FILE, '');

/** Where an article's local images are kept in the collection's meta store, for entries not read again. */
const imagesKey = (id: string) => `images:${id}`;

/** The local images of one article the loader read (the one list of image references, src/lib/contentCheck/imageRefs.ts). */
export function photoUsesOf(context: LoaderContext, id: string): PhotoUse[] {
  return JSON.parse(context.meta.get(imagesKey(id)) ?? '[]') as PhotoUse[];
}

/** The local images of every loaded article. */
export function loadedPhotoUses(context: LoaderContext): PhotoUse[] {
  return [...context.store.keys()].flatMap((id) => photoUsesOf(context, id));
}

export function articleLoader(options: ArticleLoaderOptions): Loader {
  return {
    name: 'article-loader',
    async load(context) {
      const { store, config, logger, parseData, generateDigest, watcher } = context;
      const root = fileURLToPath(config.root);
      const base = path.resolve(root, options.base);
      const entryType = (context as ContextWithEntryTypes).entryTypes.get('.md');
      const render = await entryType?.getRenderFunction?.(config);
      const idOfFile = new Map<string, string>();
      const refused: Problem[] = [];

      async function sync(file: string): Promise<void> {
        const absolutePath = path.join(base, file);
        // Read at once: an article is a few KB in the page cache, and
        // fs.promises.readFile's four thread-pool round trips cost more (docs/performance.md).
        const bytes = readFileSync(absolutePath);
        const id = articleId(file);
        idOfFile.set(file, id);
        const digest = generateDigest(bytes.toString('latin1'));
        const existing = store.get(id);
        if (existing?.digest === digest && existing.filePath) {
          // Unchanged since the last build: keep the stored entry and its images.
          // addAssetImports is how Astro's glob loader re-registers them; it is not in DataStore's type.
          if (existing.assetImports?.length) (store as AssetStore).addAssetImports(existing.assetImports, existing.filePath);
          return;
        }
        const shown = path.relative(root, absolutePath).split(path.sep).join('/');
        const reading = readArticle(bytes, shown);
        if (hasErrors(reading.problems) && !options.tolerant) {
          // Every broken article is named at once, as check:content does.
          refused.push(...reading.problems);
          return;
        }
        // Raw HTML <img> is not imported by Astro, so only Markdown images and the cover are decoded.
        const images: PhotoUse[] = articleImages(reading, absolutePath)
          .filter((image) => !image.html)
          .map(({ src, file: photo, at }) => ({ article: shown, at, src, file: photo }));
        context.meta.set(imagesKey(id), JSON.stringify(images));
        const frontmatter = reading.frontmatter ?? {};
        const data = await parseData({ id, data: frontmatter, filePath: absolutePath });
        let rendered: Rendered;
        try {
          rendered = await render?.({ id, data: frontmatter, body: reading.body, filePath: absolutePath, digest });
        } catch (error) {
          logger.error(`Error rendering ${file}: ${(error as Error).message}`);
        }
        // The Markdown source is not kept: pages use the rendered HTML only,
        // which saves memory on large archives (docs: large archives).
        store.set({ id, data, filePath: shown, digest, rendered, assetImports: rendered?.metadata?.imagePaths });
      }

      if (!existsSync(base)) logger.warn(`The content folder "${base}" does not exist.`);
      const files = listArticleFiles(base);
      const untouched = new Set(store.keys());
      // Ten at a time, as Astro's glob loader: enough to overlap reads, few open files.
      for (let start = 0; start < files.length; start += 10) {
        const batch = files.slice(start, start + 10);
        await Promise.all(batch.map(sync));
        for (const file of batch) untouched.delete(articleId(file));
      }
      for (const id of untouched) {
        store.delete(id);
        context.meta.delete(imagesKey(id));
      }
      // Files are read ten at a time; report them in file order, as the check does.
      refused.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
      if (refused.length > 0) throw new ContentError(refused);

      if (!watcher) return;
      watcher.add(base);
      const inContent = (changed: string) => {
        const file = path.relative(base, changed).split(path.sep).join('/');
        return !file.startsWith('../') && isArticleFile(file) ? file : undefined;
      };
      const onChange = async (changed: string) => {
        const file = inContent(changed);
        if (!file) return;
        try {
          await sync(file);
          logger.info(`Reloaded data from ${file}`);
        } catch (error) {
          logger.error(`Failed to reload ${file}: ${(error as Error).message}`);
        }
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', (changed) => {
        const file = inContent(changed);
        const id = file && idOfFile.get(file);
        if (id) store.delete(id);
      });
    },
  };
}
