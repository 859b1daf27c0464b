/**
 * Checks every internal href/src (and srcset, form action, social-card URL)
 * in a built site: the target file exists under the base path, and a
 * #fragment names an element id on the target page. External links are out
 * of scope (no network); links that leave the base path are errors.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { htmlPagePaths } from './pageWatch.ts';

export interface SiteLocation {
  dist: string;
  /** e.g. https://news.example.org */
  siteUrl: string;
  /** "/" or "/archive/" */
  basePath: string;
}

const URL_ATTRIBUTES = ['href', 'src', 'action', 'poster', 'data'];

/** Every URL a page refers to, as written. */
function referencesIn(document: Document): string[] {
  const found: string[] = [];
  for (const element of document.querySelectorAll('*')) {
    for (const name of URL_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value !== null) found.push(value);
    }
    const srcset = element.getAttribute('srcset');
    if (srcset) found.push(...srcset.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!).filter(Boolean));
    const property = element.getAttribute('property') ?? element.getAttribute('name') ?? '';
    if (element.tagName === 'META' && /^(og:(url|image)|twitter:image)$/.test(property)) found.push(element.getAttribute('content') ?? '');
  }
  return found;
}

/** The built file a site path is served from, or undefined. */
function fileFor(dist: string, sitePath: string): string | undefined {
  const target = path.join(dist, sitePath);
  if (!target.startsWith(dist)) return undefined;
  if (sitePath.endsWith('/')) return existsSync(path.join(target, 'index.html')) ? path.join(target, 'index.html') : undefined;
  return existsSync(target) && statSync(target).isFile() ? target : undefined;
}

const idCache = new Map<string, Set<string>>();

function idsOf(file: string): Set<string> {
  let ids = idCache.get(file);
  if (!ids) {
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    ids = new Set([...document.querySelectorAll('[id], a[name]')].map((element) => element.getAttribute('id') ?? element.getAttribute('name')!));
    idCache.set(file, ids);
  }
  return ids;
}

/** Problems as "page → reference: reason"; empty when every internal link resolves. */
export function checkInternalLinks({ dist, siteUrl, basePath }: SiteLocation): { checked: number; problems: string[] } {
  const site = new URL(siteUrl);
  const problems: string[] = [];
  let checked = 0;
  for (const pagePath of htmlPagePaths(dist)) {
    const pageFile = fileFor(dist, pagePath)!;
    const pageUrl = new URL(basePath + pagePath.slice(1), site);
    const { document } = parseHTML(readFileSync(pageFile, 'utf8'));
    for (const reference of referencesIn(document)) {
      const problem = (reason: string) => problems.push(`${pagePath} → ${reference}: ${reason}`);
      let url: URL;
      try {
        url = new URL(reference, pageUrl);
      } catch {
        problem('not a URL');
        continue;
      }
      if (url.origin !== site.origin || !/^https?:$/.test(url.protocol)) continue;
      checked += 1;
      if (!url.pathname.startsWith(basePath)) {
        problem(`outside the base path ${basePath}`);
        continue;
      }
      const targetFile = fileFor(dist, decodeURIComponent(url.pathname.slice(basePath.length - 1)));
      if (!targetFile) {
        problem('no such file in the build');
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && targetFile.endsWith('.html') && !idsOf(targetFile).has(fragment)) problem(`no id="${fragment}" on the target page`);
    }
  }
  return { checked, problems };
}
