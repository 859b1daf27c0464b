/** The baseline's collection: every Markdown file under BASELINE_CONTENT_DIR, Astro defaults. */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';

const articles = defineCollection({
  loader: glob({ pattern: '**/*.md', base: process.env.BASELINE_CONTENT_DIR ?? './articles' }),
  schema: z.object({ title: z.string(), date: z.coerce.string() }),
});

export const collections = { articles };
