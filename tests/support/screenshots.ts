/**
 * Screenshots for a person to look at, in tests/artifacts/screenshots/, taken
 * only when ARCHIVE_TEST_SCREENSHOTS=1 (docs/contributing.md, "Tests"). They
 * assert nothing, and a full-page screenshot of a long page costs about a
 * second, so an ordinary run does without them.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

export const SCREENSHOT_DIR = 'tests/artifacts/screenshots';
const wanted = process.env.ARCHIVE_TEST_SCREENSHOTS === '1';

export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (!wanted) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: options.fullPage ?? true });
}
