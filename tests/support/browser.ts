/** The browser a test file drives: headless Debian Chromium (scripts/lib/chromium.ts). */
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/lib/chromium.ts';

export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}
