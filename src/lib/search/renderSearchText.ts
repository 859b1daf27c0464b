/**
 * An article body's visible text, rendered by the site's own Markdown
 * pipeline (src/plugins/markdownOptions.ts) and taken from the finished tree
 * by rehype-search-text.ts: the text the page shows and the index holds.
 * For tools that have a Markdown body but no Astro build, such as
 * `npm run import` comparing a draft with the archive's articles.
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { markdownOptions } from '../../plugins/markdownOptions.ts';
import { SEARCH_TEXT_KEY } from '../../plugins/rehype-search-text.ts';

let processor: ReturnType<typeof createMarkdownProcessor> | undefined;

export async function renderSearchText(markdown: string): Promise<string> {
  processor ??= createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
  const rendered = await (await processor).render(markdown);
  return rendered.metadata.frontmatter[SEARCH_TEXT_KEY] as string;
}
