/**
 * Rewrites Pagefind's fragment files after writing, each with the meta of
 * its record and an empty `content`. Node-only.
 *
 * - Records reach Pagefind with no meta: Pagefind indexes meta values as
 *   words of their own, and ours hold the whole original body (excerpts are
 *   cut from it in the browser). Those words are never searched, yet they
 *   made a third of the index on disk and Pagefind's work and memory. So the
 *   meta goes straight into the fragments here, where the browser reads it.
 * - The `content` is our bigram words (src/lib/search/tokens.ts), several
 *   times the size of the text, and the browser never reads it: emptying it
 *   roughly halves the bytes a search downloads per shown result.
 *
 * A fragment's file name (its page's id) stays as Pagefind chose it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

const SIGNATURE = 'pagefind_dcd';

function rewrite(value: unknown, metaByUrl: ReadonlyMap<string, Record<string, string>>): void {
  if (!value || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (typeof record.content === 'string' && typeof record.url === 'string') {
    record.content = '';
    record.meta = metaByUrl.get(record.url) ?? {};
    return;
  }
  // Fragments bundled by maxFragments: a collection of fragments.
  for (const child of Object.values(record)) rewrite(child, metaByUrl);
}

/** Rewrites every fragment under <indexDir>/fragment: no content, the meta of its URL. */
export function rewriteFragments(indexDir: string, metaByUrl: ReadonlyMap<string, Record<string, string>>): void {
  const dir = path.join(indexDir, 'fragment');
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    if (!text.startsWith(SIGNATURE)) continue;
    const fragment: unknown = JSON.parse(text.slice(SIGNATURE.length));
    rewrite(fragment, metaByUrl);
    writeFileSync(file, gzipSync(SIGNATURE + JSON.stringify(fragment), { level: 9 }));
  }
}
