/**
 * The article collection. The schema itself is in src/lib/articleSchema.ts
 * (shared with the command-line checks); this file only says where articles
 * are, how their ids are made, and hands the schema Astro's `image()` so a
 * cover photo is imported and processed like any other image.
 */
import { defineCollection } from 'astro:content';
import { articleLoader } from './lib/articleLoader-fs.ts';
import { createArticleSchema } from './lib/articleSchema.ts';
import { devTolerant } from './lib/contentCheck/devTolerantLoader.ts';
import { withPhotoChecks } from './lib/photoCheckedLoader.ts';
import { withSearchSources } from './lib/search/searchSourcesLoader.ts';
import { siteConfig } from './config.ts';

// The one article reader and file lister, shared with check:content and the
// search index (src/lib/readArticle.ts). Ids keep the folders, so two files
// with the same name in different folders stay distinct.
const articleFiles = articleLoader({ base: siteConfig.contentDir, tolerant: import.meta.env.DEV });

const articles = defineCollection({
  // A build stops on any photo problem; in dev, one broken article is held
  // back and the server keeps running (see devTolerantLoader.ts). The search
  // index takes each stored article's visible text (searchSourcesLoader.ts).
  loader: withSearchSources(import.meta.env.DEV ? devTolerant(articleFiles) : withPhotoChecks(articleFiles), siteConfig.contentDir),
  schema: ({ image }) => createArticleSchema(image()),
});

export const collections = { articles };
