/**
 * Where a printed page lives: its metadata file in the pages folder
 * (YYYY/MM-DD/NN.yml), its page view and its IIIF files on the site. One
 * place, so the reader, the build stage, the pages and the tests agree.
 */
import { issuePath } from '../issueDate.ts';

/** Two digits, as the page files are named: 1 → "01". */
export function pageNumberName(page: number): string {
  return String(page).padStart(2, '0');
}

/** "2022/02-24/01.yml" → { date: "2022-02-24", page: 1 }; undefined for other names. */
export function pageFromPath(relativePath: string): { date: string; page: number } | undefined {
  const match = /(?:^|[\\/])(\d{4})[\\/](\d{2})-(\d{2})[\\/](\d{1,3})\.(?:ya?ml|txt)$/i.exec(relativePath);
  if (!match) return undefined;
  const [, year, month, day, page] = match;
  return { date: `${year}-${month}-${day}`, page: Number(page) };
}

/** The page view: /2022/02/24/pages/01/ (site path, without the base). */
export function pageViewPath(date: string, page: number): string {
  return `${issuePath(date)}pages/${pageNumberName(page)}/`;
}

/** The fragment that highlights an article's region on the page view. */
export function regionAnchor(slug: string): string {
  return `region-${slug}`;
}

/** The IIIF image service of a page scan: /iiif/2022-02-24/01 (no trailing slash, as IIIF ids are written). */
export function imageServicePath(date: string, page: number): string {
  return `/iiif/${date}/${pageNumberName(page)}`;
}

/** The issue's IIIF Presentation manifest. */
export function manifestPath(date: string): string {
  return `/iiif/${date}/manifest.json`;
}

/** Files made from the scan for plain <img> use: the preview and the articles' crops. */
export function scanImagesPath(date: string, page: number): string {
  return `/scans/${date}/${pageNumberName(page)}/`;
}
