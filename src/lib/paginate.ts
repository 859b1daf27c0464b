/**
 * Splitting long lists into numbered pages: /tags/工会/, /tags/工会/2/, …
 * Page 1 keeps the plain address so links to a list never break when it grows.
 */

/** Lists longer than this are split into pages. */
export const PAGE_SIZE = 50;

export interface PageSlice<T> {
  /** 1-based page number. */
  number: number;
  total: number;
  items: T[];
  /** Site path of this page, of the one before and of the one after. */
  path: string;
  prevPath?: string | undefined;
  nextPath?: string | undefined;
}

/**
 * The site path of page `number` of a list whose first page is `firstPath`.
 * `prefix` goes before the number where a bare number could clash with
 * another address: a day's issue uses "page/" because /YYYY/MM/DD/2/ is
 * the permalink of an article file named 2.md.
 */
export function pagePath(firstPath: string, number: number, prefix = ''): string {
  return number <= 1 ? firstPath : `${firstPath}${prefix}${number}/`;
}

/** Every page of a list (an empty list still has one, empty, page). */
export function paginate<T>(items: readonly T[], firstPath: string, size: number = PAGE_SIZE, prefix = ''): PageSlice<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, index) => {
    const number = index + 1;
    return {
      number,
      total,
      items: items.slice(index * size, number * size),
      path: pagePath(firstPath, number, prefix),
      prevPath: number > 1 ? pagePath(firstPath, number - 1, prefix) : undefined,
      nextPath: number < total ? pagePath(firstPath, number + 1, prefix) : undefined,
    };
  });
}

/** The `page` route parameter for a page number: undefined for page 1. */
export function pageParam(number: number, prefix = ''): string | undefined {
  return number <= 1 ? undefined : `${prefix}${number}`;
}

/**
 * The page numbers worth a link from page `current` of `total`: the first, the
 * last and two either side of the current one, with null where a run is left
 * out ("…"). A reporter with 2,000 articles has 40 pages; 40 links on every
 * page would be noise to read and DOM to lay out.
 */
export function pageWindow(current: number, total: number, reach = 2): (number | null)[] {
  const shown = [...new Set([1, total, ...Array.from({ length: reach * 2 + 1 }, (_, i) => current - reach + i)])]
    .filter((n) => n >= 1 && n <= total)
    .sort((a, b) => a - b);
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1]! > 1 ? [null, n] : [n]));
}
