/**
 * The article collection. The schema itself is in src/lib/articleSchema.ts
 * (shared with the command-line checks); this file only says where articles
 * are, how their ids are made, and hands the schema Astro's `image()` so a
 * cover photo is imported and processed like any other image.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { createArticleSchema } from './lib/articleSchema.ts';
import { devTolerant } from './lib/contentCheck/devTolerantLoader.ts';
import { withPhotoChecks } from './lib/photoCheckedLoader.ts';
import { withSearchSources } from './lib/search/searchSourcesLoader.ts';
import { siteConfig } from './config.ts';

const articles = defineCollection({
  // In dev, one broken article must not stop the server (see devTolerantLoader.ts).
  loader: devTolerant(
    import.meta.env.DEV,
    // The search index takes each article's visible text from the store (searchSourcesLoader.ts).
    withSearchSources(
      withPhotoChecks(
        glob({
          pattern: '**/*.{md,markdown}',
          base: siteConfig.contentDir,
          // The id keeps the folders so two files with the same name in different
          // folders stay distinct; src/lib/articles.ts reports permalink clashes.
          generateId: ({ entry }) => entry.replace(/\.(md|markdown)$/i, ''),
          // Pages use the rendered HTML only; not keeping the Markdown source in
          // the data store saves memory on large archives (README "Large archives").
          retainBody: false,
        }),
      ),
      siteConfig.contentDir,
    ),
  ),
  schema: ({ image }) => createArticleSchema(image()),
});

export const collections = { articles };
