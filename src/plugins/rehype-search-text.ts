/**
 * rehype plugin, run last: stores the article's visible text, the text a
 * reader's Ctrl+F finds on the page, as `searchText` in the file's Astro
 * frontmatter data. Astro keeps that data in its content store beside the
 * rendered HTML (`rendered.metadata.frontmatter`), so the text is computed
 * once per content change, from the very tree the page is made of: after
 * sanitising, so nothing the sanitiser removed can be found
 * (docs/search.md). src/lib/search/searchRecordsLoader.ts hands it
 * to the search index.
 *
 * Whitespace follows what a browser shows: runs collapse to one space, and
 * block elements start and end lines. Image alt text is left out, as Ctrl+F
 * skips it too; an image without a source already became its alt text
 * (rehype-image-alt-fallback.ts), and photo captions are page text.
 */
import type { Root } from 'hast';
import { visibleText } from '../lib/search/visibleText.ts';

/** The key under file.data.astro.frontmatter. */
export const SEARCH_TEXT_KEY = 'searchText';

interface AstroData {
  astro?: { frontmatter?: Record<string, unknown> };
}

export default function rehypeSearchText() {
  return (tree: Root, file: { data: AstroData }) => {
    const astro = (file.data.astro ??= {});
    (astro.frontmatter ??= {})[SEARCH_TEXT_KEY] = visibleText(tree);
  };
}
