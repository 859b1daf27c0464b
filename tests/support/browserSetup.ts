/**
 * Global setup of the browser projects (e2e, slow): one headless Chromium
 * for the whole run. Test files connect to it (tests/support/browser.ts)
 * instead of each launching their own; each file still gets fresh contexts.
 */
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, ensureChromium } from '../../scripts/lib/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's Chromium, for chromium.connect(). */
    browserEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  ensureChromium();
  const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
  project.provide('browserEndpoint', server.wsEndpoint());
  return () => server.close();
}
