/**
 * In `npm run dev`, one broken article must not stop the server: Astro's
 * glob loader throws on the first YAML or schema error while it syncs, and
 * the dev server exits with a stack trace. This wrapper lets the sync go on
 * with a placeholder entry; the content-check integration meanwhile shows
 * the real message in the browser overlay, and the fixed file replaces the
 * placeholder on the next sync. Production builds use the loader as it is
 * (scripts/build.ts has already refused broken content by then).
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import type { ArticleData } from '../articleSchema.ts';

/** Stands in for a broken article until it is fixed; never rendered (the overlay blocks pages). */
const PLACEHOLDER: ArticleData = {
  layout: 'article',
  title: '（这篇文章有错误，见错误提示）',
  date: '1970-01-01',
  reporters: [],
  regions: [],
  tags: [],
  notes: [],
  titleSupplied: false,
  draft: true,
};

/** The part of Astro's (internal, untyped) entry type the glob loader calls. */
interface EntryType {
  getEntryInfo: (params: { contents: string; fileUrl: URL }) => Promise<Record<string, unknown>>;
}

/** Astro passes entry types to loaders without declaring them in LoaderContext. */
type GlobLoaderContext = LoaderContext & { entryTypes: Map<string, EntryType> };

function tolerantEntryType(entryType: EntryType): EntryType {
  return {
    ...entryType,
    getEntryInfo: async (params) => {
      try {
        return await entryType.getEntryInfo(params);
      } catch {
        return { data: {}, body: '', slug: '', rawData: '' };
      }
    },
  };
}

/** Wraps a loader so that, in dev only, one invalid entry cannot stop the sync. */
export function devTolerant(isDev: boolean, loader: Loader): Loader {
  if (!isDev) return loader;
  return {
    ...loader,
    load: (context) =>
      loader.load({
        ...(context as GlobLoaderContext),
        entryTypes: new Map([...(context as GlobLoaderContext).entryTypes].map(([ext, type]) => [ext, tolerantEntryType(type)])),
        parseData: async (props) => {
          try {
            return await context.parseData(props);
          } catch {
            return PLACEHOLDER as unknown as typeof props.data;
          }
        },
      } as GlobLoaderContext),
  };
}
