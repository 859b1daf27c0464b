/**
 * Watches a browser page for what the security tests forbid: Content-
 * Security-Policy violations (the `securitypolicyviolation` DOM event, plus
 * Chromium's console report, which also covers workers) and requests.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

export interface PageWatch {
  /** "directive blocked-uri (source line)" for each violation seen. */
  violations: string[];
  /** Every URL the page (or its workers) asked for, across navigations. */
  requests: string[];
}

/** Starts watching; call before the first navigation. */
export async function watchPage(page: Page): Promise<PageWatch> {
  const watch: PageWatch = { violations: [], requests: [] };
  await page.exposeFunction('__reportCspViolation', (report: string) => watch.violations.push(report));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = `${event.effectiveDirective} ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`;
      (window as unknown as { __reportCspViolation(report: string): void }).__reportCspViolation(report);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) watch.violations.push(`console: ${message.text()}`);
  });
  page.context().on('request', (request) => watch.requests.push(request.url()));
  return watch;
}

/** Site paths of every HTML page in a built site ("/", "/search/", "/404.html"). */
export function htmlPagePaths(dist: string, folder = ''): string[] {
  return readdirSync(path.join(dist, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'pagefind' || entry.name === '_astro' ? [] : htmlPagePaths(dist, relative);
    if (!entry.name.endsWith('.html')) return [];
    return [`/${relative.replace(/(^|\/)index\.html$/, '$1')}`];
  });
}
