/** Runs axe-core (WCAG 2.2 A and AA) in a page and lists its violations as "rule: targets". */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// WCAG 2.2 AA too: its target-size rule (24 × 24 px) checks the calendars' day links.
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function axeViolations(page: Page): Promise<string[]> {
  // evaluate() is not an inline <script>, so the site's CSP does not block the test tool.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(
      (v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    ) as string[];
  }, WCAG_22_AA);
}
