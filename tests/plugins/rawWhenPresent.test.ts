/**
 * The pipeline skips rehype-raw for trees without raw HTML
 * (src/plugins/rehype-raw-when-present.ts). Every Markdown file of the
 * project (articles, test archives, plugin fixtures) must render to the same
 * HTML as with rehype-raw always run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import { describe, expect, it } from 'vitest';
import { listArticleFiles } from '../../src/lib/articleFiles-fs.ts';
import { readArticle } from '../../src/lib/readArticle.ts';
import { markdownOptions } from '../../src/plugins/markdownOptions.ts';
import rehypeRawWhenPresent from '../../src/plugins/rehype-raw-when-present.ts';

const markdownFiles = ['content', 'tests/fixtures', 'tests/plugins/fixtures'].flatMap((dir) =>
  listArticleFiles(dir).map((file) => path.join(dir, file)),
);
/** The body as the site reads it; plugin fixtures are bare Markdown, with no frontmatter. */
function body(file: string): string {
  const reading = readArticle(readFileSync(file), file);
  return reading.frontmatter ? reading.body : readFileSync(file, 'utf8');
}

const plugins = markdownOptions.rehypePlugins ?? [];
const always = await createMarkdownProcessor({
  ...markdownOptions,
  syntaxHighlight: false,
  rehypePlugins: plugins.map((plugin) => (plugin === rehypeRawWhenPresent ? rehypeRaw : plugin)),
});
const skipping = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });

describe('rehype-raw only when the tree has raw HTML', () => {
  it('is the pipeline’s first rehype plugin', () => {
    expect(plugins[0]).toBe(rehypeRawWhenPresent);
  });

  it('renders every Markdown file of the project as rehype-raw always would', async () => {
    expect(markdownFiles.length).toBeGreaterThan(20);
    let plain = 0;
    for (const file of markdownFiles) {
      const markdown = body(file);
      const expected = (await always.render(markdown)).code;
      expect((await skipping.render(markdown)).code, file).toBe(expected);
      if (!/<|&/.test(markdown)) plain += 1;
    }
    // Both kinds are covered: files with HTML (the hostile fixtures) and plain ones.
    expect(plain).toBeGreaterThan(5);
    expect(markdownFiles.length - plain).toBeGreaterThan(5);
  });

  it('still parses raw HTML, so the sanitiser removes what it must', async () => {
    const { code } = await skipping.render('正文<script>alert(1)</script><b onclick="x()">粗</b>');
    expect(code).not.toContain('<script');
    expect(code).not.toContain('onclick');
    expect(code).toContain('<b>粗</b>');
  });
});
