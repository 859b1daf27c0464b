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
