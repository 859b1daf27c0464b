/**
 * Dev-only middleware (registered by contentCheckDev.ts): while an article
 * has errors, every page answers with Astro's error overlay showing the same
 * message as `npm run check:content`, instead of a half-rendered archive.
 */
import { defineMiddleware } from 'astro:middleware';
import { getDevReport, overlayError } from '../lib/contentCheck/devState.ts';

export const onRequest = defineMiddleware((_context, next) => {
  const report = getDevReport();
  const error = report && overlayError(report, process.cwd());
  if (error) throw error;
  return next();
});
