/**
 * The browser a test file drives: the run's one Chromium when the project's
 * global setup started it (tests/support/browserSetup.ts), else a Chromium of
 * its own. close() on a connected browser closes only this file's contexts.
 */
import { chromium, type Browser } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';

export function launchBrowser(): Promise<Browser> {
  const endpoint = inject('browserEndpoint');
  return endpoint ? chromium.connect(endpoint) : launchChromium();
}

/**
 * Context options for a test of what a page shows, not of offline use: no
 * service worker. On a first visit the worker saves a small archive whole in
 * the background (the reading fixture: 231 files), in every new context, and
 * that work competes with the test's. The offline tests and
 * tests/security/pagesUnderPolicy.test.ts run with the worker.
 */
export const NO_SERVICE_WORKER = { serviceWorkers: 'block' } as const;
