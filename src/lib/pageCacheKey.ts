/**
 * Cache keys for Astro's incremental builds (`experimental.incrementalBuild`).
 * Astro reuses a page from the last build when its route's code, the config,
 * the lockfile, the content it rendered and its `cacheKey` are all unchanged;
 * the cache key is ours to give, and it must cover everything the page shows
 * that Astro does not track: the page's props.
 *
 * The contract this relies on: **an article page shows nothing that is not in
 * its props** (computed in getStaticPaths) or in its code. A page that looked
 * up other articles in its own body would go stale; pass such data as props.
 */
import { createHash } from 'node:crypto';

/**
 * A short hash of a page's props. Content entries stand in by id and digest
 * (Astro's hash of the whole source file, frontmatter included), not their
 * rendered HTML, so hashing stays cheap and any edit to the file changes it.
 */
export function pageCacheKey(props: unknown): string {
  const json = JSON.stringify(props, (key, value: unknown) => {
    // An article's `data` is its entry's frontmatter, already covered by the
    // entry's digest. Skipping it also keeps cover images untouched: reading
    // an image's fields makes Astro publish the original file, GPS included.
    if (key === 'data') return undefined;
    if (key === 'entry' && value && typeof value === 'object') {
      const entry = value as { id?: string; digest?: string };
      return `${entry.id}@${entry.digest}`;
    }
    return value;
  });
  return createHash('sha256').update(json).digest('base64url').slice(0, 22);
}
