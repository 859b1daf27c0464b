/**
 * rehype plugin: cuts the article's headline, kicker and subtitle into the
 * phrases a line may break between (src/lib/headlinePhrases.ts) and keeps
 * them as `headlinePhrases` (text → phrases) in the file's Astro frontmatter
 * data, beside the search text (rehype-search-text.ts). So they are cut once
 * per content change, in the content sync, not on every page that shows the
 * headline: src/lib/articles.ts hands them to headlinePhrases' memory. The
 * tree itself is left as it is.
 */
import type { Root } from 'hast';
import { headlinePhrases } from '../lib/headlinePhrases.ts';

/** The key under file.data.astro.frontmatter. */
export const HEADLINE_PHRASES_KEY = 'headlinePhrases';

/** The frontmatter fields shown through src/components/Phrased.astro. */
const FIELDS = ['kicker', 'title', 'subtitle'];

interface AstroData {
  astro?: { frontmatter?: Record<string, unknown> };
}

export default function rehypeHeadlinePhrases() {
  return (_tree: Root, file: { data: AstroData }) => {
    const frontmatter = file.data.astro?.frontmatter;
    if (!frontmatter) return;
    const cut: Record<string, readonly string[]> = {};
    for (const field of FIELDS) {
      // Trimmed as the schema trims it (src/lib/articleSchema.ts), so the page's text finds it.
      const text = typeof frontmatter[field] === 'string' ? frontmatter[field].trim() : '';
      if (text) cut[text] = headlinePhrases(text);
    }
    if (Object.keys(cut).length > 0) frontmatter[HEADLINE_PHRASES_KEY] = cut;
  };
}
