/**
 * Fixture tests for the Markdown pipeline (remark-gfm style): every folder
 * tests/plugins/fixtures/<plugin>/<case>/ holds input.md and the expected
 * output.html, rendered with exactly the options astro.config.mjs uses.
 * Set UPDATE_FIXTURES=1 to write missing or changed outputs, then review them.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { markdownOptions } from '../../src/plugins/markdownOptions.ts';

const root = path.resolve('tests/plugins/fixtures');
const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });

for (const plugin of readdirSync(root)) {
  describe(plugin, () => {
    for (const name of readdirSync(path.join(root, plugin))) {
      it(name, async () => {
        const folder = path.join(root, plugin, name);
        const input = readFileSync(path.join(folder, 'input.md'), 'utf8');
        const { code } = await processor.render(input);
        const expectedFile = path.join(folder, 'output.html');
        if (process.env.UPDATE_FIXTURES || !existsSync(expectedFile)) writeFileSync(expectedFile, `${code.trim()}\n`);
        expect(`${code.trim()}\n`).toBe(readFileSync(expectedFile, 'utf8'));
      });
    }
  });
}
