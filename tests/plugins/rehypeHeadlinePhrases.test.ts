/**
 * The headline's phrases are cut once per content change, in the Markdown
 * pipeline (src/plugins/rehype-headline-phrases.ts), and kept beside the
 * rendered HTML for the pages (src/lib/articles.ts remembers them).
 */
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { headlinePhrases, rememberPhrases } from '../../src/lib/headlinePhrases.ts';
import { markdownOptions } from '../../src/plugins/markdownOptions.ts';
import { HEADLINE_PHRASES_KEY } from '../../src/plugins/rehype-headline-phrases.ts';

const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });

describe('rehype-headline-phrases', () => {
  it('keeps the phrases of the title, kicker and subtitle, trimmed as the schema trims them', async () => {
    const title = '茂名工运事业和工会工作“十四五”发展规划将出炉';
    const frontmatter = { title: ` ${title} `, kicker: '四大方面指标', date: '2022-02-24' };
    const { code, metadata } = await processor.render('正文。', { frontmatter });
    expect(code).toBe('<p>正文。</p>');
    expect(metadata.frontmatter[HEADLINE_PHRASES_KEY]).toEqual({ [title]: headlinePhrases(title), 四大方面指标: headlinePhrases('四大方面指标') });
  });

  it('adds nothing to a body without a headline', async () => {
    const { metadata } = await processor.render('正文。');
    expect(metadata.frontmatter).not.toHaveProperty(HEADLINE_PHRASES_KEY);
  });

  it('hands the pages the phrases cut in the sync', () => {
    rememberPhrases('一个从未切分过的标题', ['一个', '从未', '切分过的', '标题']);
    expect(headlinePhrases('一个从未切分过的标题')).toEqual(['一个', '从未', '切分过的', '标题']);
  });
});
