/**
 * Wraps the article loader so every photo an article refers to (its cover
 * and its Markdown images) is checked right after the articles are read, and
 * the build stops with one message listing each problem: which article, which
 * photo, how to fix it. Astro alone would fail later with a bundler error, or
 * not at all for a damaged file.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { checkPhotoFile, type PhotoReference } from './checkPhotoFile-fs.ts';

/** Astro marks image() paths in data with this prefix (see astro/content/consts). */
const IMAGE_IMPORT_PREFIX = '__ASTRO_IMAGE_';

const isLocal = (src: string) => !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('/');

/** The part of a data store entry that refers to photos. */
export interface PhotoEntry {
  filePath?: string | undefined;
  data: Record<string, unknown>;
  assetImports?: string[] | undefined;
}

/** The local photos one article refers to: its cover and its Markdown images. */
export function entryPhotoReferences(entry: PhotoEntry, root: string): PhotoReference[] {
  if (!entry.filePath) return [];
  const cover = (entry.data.cover as { src?: unknown } | undefined)?.src;
  const sources = [...(entry.assetImports ?? [])];
  if (typeof cover === 'string') sources.push(cover.replace(IMAGE_IMPORT_PREFIX, ''));
  const folder = path.resolve(root, path.dirname(entry.filePath));
  return [...new Set(sources)]
    .filter(isLocal)
    .map((src) => ({ article: entry.filePath!, src, file: path.resolve(folder, decodeURI(src)) }));
}

function photoReferences(context: LoaderContext): PhotoReference[] {
  const root = fileURLToPath(context.config.root);
  return [...context.store.values()].flatMap((entry) => entryPhotoReferences(entry, root));
}

/** Remembers fully decoded files between builds so unchanged photos cost a stat, not a decode. */
export function checkedFilesCache(context: LoaderContext) {
  const file = fileURLToPath(new URL('photo-checks.json', context.config.cacheDir));
  let known = new Set<string>();
  try {
    if (existsSync(file)) known = new Set(JSON.parse(readFileSync(file, 'utf8')) as string[]);
  } catch {
    // A damaged cache only costs a re-check.
  }
  return {
    has: (key: string) => known.has(key),
    save(keys: string[]) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(keys));
    },
  };
}

/** Runs `loader`, then checks every referenced photo; throws one message listing all problems. */
export function withPhotoChecks(loader: Loader): Loader {
  return {
    ...loader,
    name: `${loader.name}-with-photo-checks`,
    async load(context) {
      await loader.load(context);
      const started = performance.now();
      const cache = checkedFilesCache(context);
      const problems: string[] = [];
      const checked: string[] = [];
      for (const ref of photoReferences(context)) {
        const result = await checkPhotoFile(ref, cache.has);
        if (result.problem) problems.push(result.problem);
        if (result.fileKey) checked.push(result.fileKey);
      }
      cache.save(checked);
      // bench:images reads this line: checking is part of what photos cost a build.
      context.logger.info(`checked ${checked.length} photo(s) in ${Math.round(performance.now() - started)}ms`);
      if (problems.length > 0) {
        throw new Error(`图片有问题，构建已停止 / Photo problems stopped the build:\n\n${problems.join('\n\n')}\n`);
      }
    },
  };
}
