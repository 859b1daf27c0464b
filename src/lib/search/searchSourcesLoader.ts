/**
 * Wraps the article loader so that, once Astro's content store holds every
 * article, each one's data and visible text (rehype-search-text.ts) are
 * written for the search index (searchSources-fs.ts). Unchanged articles are
 * not rendered again (Astro keeps their rendered HTML, and with it their
 * text, in its store), so the text is computed once per content change. In
 * `npm run dev` the file is written again shortly after an article changes.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { articlePermalink } from '../permalink.ts';
import { SEARCH_TEXT_KEY } from '../../plugins/rehype-search-text.ts';
import type { SearchData, SearchSource } from './searchRecord.ts';
import { SEARCH_SOURCES_FILE, writeSearchSources } from './searchSources-fs.ts';

/** After a change in dev: the glob loader updates entries one by one. */
const REWRITE_DELAY_MS = 200;

function searchSources(context: LoaderContext, contentDir: string): SearchSource[] {
  const root = fileURLToPath(context.config.root);
  const sources: SearchSource[] = [];
  for (const entry of context.store.values()) {
    if (!entry.filePath) continue;
    const file = path.relative(contentDir, path.resolve(root, entry.filePath)).split(path.sep).join('/');
    const data = entry.data as unknown as SearchData;
    const text = entry.rendered?.metadata?.frontmatter?.[SEARCH_TEXT_KEY];
    if (typeof text !== 'string') {
      throw new Error(`${file}：内容缓存中缺少检索文本，请用 npm run build -- --full 重建 / no search text in Astro's content store; rebuild with --full`);
    }
    const { title, date, kicker, subtitle, section, reporters, tags, draft, page, regions } = data;
    sources.push({ file, permalink: articlePermalink(date, file), data: { title, date, kicker, subtitle, section, reporters, tags, draft, page, regions }, text });
  }
  return sources;
}

export function withSearchSources(loader: Loader, contentDir: string): Loader {
  return {
    ...loader,
    name: `${loader.name}-with-search-sources`,
    async load(context) {
      const file = fileURLToPath(new URL(SEARCH_SOURCES_FILE, context.config.cacheDir));
      const write = () => writeSearchSources(file, searchSources(context, path.resolve(contentDir)));
      let loaded = false;
      let timer: NodeJS.Timeout | undefined;
      const changed = () => {
        if (!loaded) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          try {
            write();
          } catch (error) {
            context.logger.error(String(error));
          }
        }, REWRITE_DELAY_MS);
      };
      // The same store (Astro's scoped store is a plain object of functions),
      // telling us when an entry changes after the first sync (dev).
      const store: LoaderContext['store'] = {
        ...context.store,
        set: (entry) => {
          const result = context.store.set(entry);
          changed();
          return result;
        },
        delete: (id) => {
          context.store.delete(id);
          changed();
        },
      };
      await loader.load({ ...context, store });
      write();
      loaded = true;
    },
  };
}
