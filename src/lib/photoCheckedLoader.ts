/**
 * Wraps the article loader so every photo an article refers to (its cover
 * and its Markdown images, from the one list in contentCheck/imageRefs.ts) is
 * decoded right after the articles are read, and the sync stops with one
 * message listing each problem: which article, which photo, how to fix it.
 * `npm run build` has already refused these in its content check; this
 * guards `astro build` and the dev server. Astro alone would fail later with
 * a bundler error, or not at all for a damaged file.
 */
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { loadedPhotoUses } from './articleLoader-fs.ts';
import { checkPhotos, PHOTO_CACHE_FILE } from './checkPhotos-fs.ts';
import { ContentError } from './contentCheck/contentError.ts';

/** Runs `loader`, then checks every referenced photo; throws one message listing all problems. */
export function withPhotoChecks(loader: Loader): Loader {
  return {
    ...loader,
    name: `${loader.name}-with-photo-checks`,
    async load(context) {
      await loader.load(context);
      const started = performance.now();
      const cacheFile = fileURLToPath(new URL(PHOTO_CACHE_FILE, context.config.cacheDir));
      const { problems, checked } = await checkPhotos(loadedPhotoUses(context), cacheFile);
      // bench:images reads this line: checking is part of what photos cost a build.
      context.logger.info(`checked ${checked} photo(s) in ${Math.round(performance.now() - started)}ms`);
      if (problems.length > 0) throw new ContentError(problems, '图片有问题，构建已停止 / Photo problems stopped the build:');
    },
  };
}
