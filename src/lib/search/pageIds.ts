/**
 * Page ids of the search index (writePagefindIndex-fs.ts) are each article's place
 * in the date order, counted from the oldest (0), in base 36: `4xk`. The
 * browser ranks and filters by date straight from a result's id, without a
 * search for every page of the archive to learn their order (100–170 ms on
 * 6,400 articles, growing with the archive). They are also short: the
 * metadata every search downloads lists them all (46 KB instead of 65 KB
 * with Pagefind's `und_2ff1315` on the 6,413-story corpus archive).
 *
 * Counted from the oldest, so adding new articles, the usual change, renames
 * no existing fragment (the id is its file name). A fragment's name no longer
 * changes with its content, so fragments are revalidated, not cached as
 * immutable (public/_headers).
 */

export function pageIdOfPlace(place: number): string {
  return place.toString(36);
}

/** The date place (0 = oldest) a merged index's page id names; undefined for Pagefind's own ids. */
export function placeOfPageId(id: string): number | undefined {
  return /^[0-9a-z]+$/.test(id) ? Number.parseInt(id, 36) : undefined;
}
