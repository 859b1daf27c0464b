/**
 * Runs once before all tests: makes sure Chromium is there and builds the
 * seed archive (content/articles) that most tests read.
 */
import type { TestProject } from 'vitest/node';
import { ensureChromium } from '../../scripts/lib/chromium.ts';
import { buildSite } from './buildSite.ts';
import { READING_FIXTURE } from './readingPages.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    seedDist: string;
    /** The reading-pages fixture (tests/fixtures/reading-archive), built once. */
    readingDist: string;
  }
}

export default function setup(project: TestProject) {
  ensureChromium();
  const seedDist = buildSite({ key: 'seed', contentDir: 'content/articles' });
  project.provide('seedDist', seedDist);
  project.provide('readingDist', buildSite({ key: 'reading', contentDir: READING_FIXTURE }));
}
