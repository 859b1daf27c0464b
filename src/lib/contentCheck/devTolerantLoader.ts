/**
 * In `npm run dev`, one broken article must not stop the server or break the
 * other pages. Astro's glob loader throws on the first YAML or schema error
 * while it syncs, and withPhotoChecks stops the sync on a missing photo: the
 * dev server exits. And a photo that cannot be imported, once it is in the
 * data store, breaks the module of all content images, so every page answers
 * 500. This wrapper holds such an article back: it is left out of the store
 * (so out of every list and route) until the file is fixed, while the
 * content-check integration shows the check:content message on the article's
 * own page and in the overlay. Production builds use the loader as it is
 * (scripts/build.ts has already refused broken content by then).
 * docs/_incoming/dev.md has the whole picture.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { checkPhotoFile } from '../checkPhotoFile-fs.ts';
import { checkedFilesCache, entryPhotoReferences } from '../photoCheckedLoader.ts';
import { setHeldBack } from './devState.ts';

/** What parseData answers for an invalid entry; such an entry is held back, never stored. */
const INVALID = Object.freeze({ invalid: true });

/** The part of Astro's (internal, untyped) entry type the glob loader calls. */
interface EntryType {
  getEntryInfo: (params: { contents: string; fileUrl: URL }) => Promise<Record<string, unknown>>;
}

/** What the loader writes to the store. */
type DataEntry = Parameters<LoaderContext['store']['set']>[0];

/** Astro passes entry types to loaders without declaring them in LoaderContext. */
type GlobLoaderContext = LoaderContext & { entryTypes: Map<string, EntryType> };

function tolerantEntryType(entryType: EntryType): EntryType {
  return {
    ...entryType,
    getEntryInfo: async (params) => {
      try {
        return await entryType.getEntryInfo(params);
      } catch {
        // Unreadable frontmatter: parseData then rejects the empty data.
        return { data: {}, body: '', slug: '', rawData: '' };
      }
    },
  };
}

/** Photos decoded in this session (`has`), and in earlier ones (`before`: the build's cache). */
interface PhotoChecks {
  has(key: string): boolean;
  add(key: string): void;
  before(key: string): boolean;
}

/**
 * Undefined when the entry can be shown; otherwise it is held back, with the
 * build's message for a photo problem. Frontmatter problems need no message
 * here: the content check reports them (it uses the same schema).
 */
async function holdBack(entry: DataEntry, root: string, checked: PhotoChecks): Promise<{ message?: string } | undefined> {
  if (entry.data === INVALID) return {};
  for (const ref of entryPhotoReferences(entry, root)) {
    const result = await checkPhotoFile(ref, (key) => checked.has(key) || checked.before(key));
    if (result.problem) return { message: result.problem };
    if (result.fileKey) checked.add(result.fileKey);
  }
  return undefined;
}

/**
 * The store the wrapped loader writes to: each entry is stored once its
 * photos are checked, or deleted (held back) when it cannot be shown.
 * Returns the store and a promise for every write still being checked.
 */
function checkingStore(context: LoaderContext, checked: PhotoChecks) {
  const root = fileURLToPath(context.config.root);
  const pending = new Set<Promise<void>>();
  // Two quick saves of one file: only the newest write may land.
  const latest = new Map<string, number>();
  const files = new Map<string, string>();
  let writes = 0;
  const store: LoaderContext['store'] = {
    ...context.store,
    set(entry) {
      const write = ++writes;
      latest.set(entry.id, write);
      files.set(entry.id, path.resolve(root, entry.filePath ?? entry.id));
      const settled = holdBack(entry, root, checked).then((reason) => {
        if (latest.get(entry.id) !== write) return;
        setHeldBack(files.get(entry.id)!, reason?.message);
        if (reason === undefined) {
          context.store.set(entry);
          return;
        }
        context.store.delete(entry.id);
        context.logger.warn(`${entry.filePath ?? entry.id}: 修好之前不显示，错误信息见这篇文章的页面 / held back until fixed; its page shows why`);
      });
      const tracked = settled.finally(() => pending.delete(tracked));
      pending.add(tracked);
      return true;
    },
    // A deleted (or renamed) file: drop its pending write and what was held back.
    delete(id) {
      latest.set(id, ++writes);
      const file = files.get(id);
      if (file) setHeldBack(file, undefined);
      context.store.delete(id);
    },
  };
  return { store, allWritten: () => Promise.all(pending) };
}

/** Wraps a loader so that, in dev, an invalid entry is held back instead of stopping the sync. */
export function devTolerant(loader: Loader): Loader {
  return {
    ...loader,
    name: `${loader.name}-dev-tolerant`,
    async load(context) {
      const cache = checkedFilesCache(context);
      const session = new Set<string>();
      const checked: PhotoChecks = { has: (key) => session.has(key), add: (key) => session.add(key), before: cache.has };
      const { store, allWritten } = checkingStore(context, checked);
      const globContext = context as GlobLoaderContext;
      await loader.load({
        ...globContext,
        store,
        entryTypes: new Map([...globContext.entryTypes].map(([ext, type]) => [ext, tolerantEntryType(type)])),
        parseData: async (props) => {
          try {
            return await context.parseData(props);
          } catch {
            return INVALID as unknown as typeof props.data;
          }
        },
      } as GlobLoaderContext);
      // The first sync is done only once every entry is stored or held back.
      await allWritten();
      cache.save([...session]);
    },
  };
}
