/**
 * An article body's visible text, rendered by the site's own Markdown
 * pipeline (src/plugins/markdownOptions.ts) and taken from the finished tree
 * by rehype-search-text.ts: the text the page shows and the index holds.
 * For code that has a Markdown body but not Astro's content store, such as
 * `npm run import` comparing a draft with the archive's articles, and the
 * reconstructed page (示意版面), which draws each article's text as its
 * page shows it.
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
