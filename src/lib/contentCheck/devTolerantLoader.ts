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
 * docs/dev-server.md has the whole picture.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { photoUsesOf } from '../articleLoader-fs.ts';
import { checkPhotos, PHOTO_CACHE_FILE, readPhotoCache } from '../checkPhotos-fs.ts';
import { setHeldBack } from './devState.ts';
import { formatProblems } from './formatReport.ts';

/** What parseData answers for an invalid entry; such an entry is held back, never stored. */
const INVALID = Object.freeze({ invalid: true });

/** What the loader writes to the store. */
type DataEntry = Parameters<LoaderContext['store']['set']>[0];

/**
 * Undefined when the entry can be shown; otherwise it is held back, with the
 * build's message for a photo problem. Frontmatter problems need no message
 * here: the content check reports them (it uses the same reader and schema).
 */
async function holdBack(entry: DataEntry, context: LoaderContext, known: Set<string>): Promise<{ message?: string } | undefined> {
  if (entry.data === INVALID) return {};
  const { problems } = await checkPhotos(photoUsesOf(context, entry.id), undefined, known);
  return problems.length > 0 ? { message: formatProblems(problems) } : undefined;
}

/**
 * The store the wrapped loader writes to: each entry is stored once its
 * photos are checked, or deleted (held back) when it cannot be shown.
 * Returns the store and a promise for every write still being checked.
 */
function checkingStore(context: LoaderContext, known: Set<string>) {
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
      const settled = holdBack(entry, context, known).then((reason) => {
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
      // Photos the last build or an earlier sync decoded cost a stat, not a decode.
      const known = readPhotoCache(fileURLToPath(new URL(PHOTO_CACHE_FILE, context.config.cacheDir)));
      const { store, allWritten } = checkingStore(context, known);
      await loader.load({
        ...context,
        store,
        parseData: async (props) => {
          try {
            return await context.parseData(props);
          } catch {
            return INVALID as unknown as typeof props.data;
          }
        },
      });
      // The first sync is done only once every entry is stored or held back.
      await allWritten();
    },
  };
}
