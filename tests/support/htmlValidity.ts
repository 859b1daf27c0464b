/**
 * html-validate over every page of a built site. The recommended preset,
 * minus `long-title`: that is a search-engine length hint, not validity, and
 * an archive keeps headlines as printed however long they are.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { htmlPagePaths } from './pageWatch.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'long-title': 'off' },
});

/** Every error as "page:line:column rule message"; warnings are not errors. */
export async function htmlErrors(dist: string): Promise<{ pages: number; errors: string[] }> {
  const pages = htmlPagePaths(dist);
  const errors: string[] = [];
  for (const sitePath of pages) {
    const file = path.join(dist, sitePath.endsWith('.html') ? sitePath : `${sitePath}index.html`);
    const report = await validator.validateString(readFileSync(file, 'utf8'), file);
    for (const message of report.results.flatMap((result) => result.messages)) {
      if (message.severity === 2) errors.push(`${sitePath}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
    }
  }
  return { pages: pages.length, errors };
}
