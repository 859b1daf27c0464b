/**
 * The article collection. The schema itself is in src/lib/articleSchema.ts
 * (shared with the command-line checks); this file only says where articles
 * are and how their ids are made.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './lib/articleSchema.ts';
import { devTolerant } from './lib/contentCheck/devTolerantLoader.ts';
import { siteConfig } from './config.ts';

const articles = defineCollection({
  // In dev, one broken article must not stop the server (see devTolerantLoader.ts).
  loader: devTolerant(import.meta.env.DEV, glob({
    pattern: '**/*.{md,markdown}',
    base: siteConfig.contentDir,
    // The id keeps the folders so two files with the same name in different
    // folders stay distinct; src/lib/articles.ts reports permalink clashes.
    generateId: ({ entry }) => entry.replace(/\.(md|markdown)$/i, ''),
  })),
  schema: articleSchema,
});

export const collections = { articles };
