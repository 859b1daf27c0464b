/**
 * Dev-only middleware (registered by contentCheckDev.ts): a broken article's
 * own page answers with Astro's error overlay showing the same message as
 * `npm run check:content`; every other page renders as usual (the loader has
 * held the broken article back, see devTolerantLoader.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import { overlayErrorForPage } from '../lib/contentCheck/devState.ts';

export const onRequest = defineMiddleware((context, next) => {
  const error = overlayErrorForPage(context.url.pathname, process.cwd());
  if (error) throw error;
  return next();
});
