/**
 * Property-based tests (fast-check): random frontmatter and random Markdown,
 * random Unicode included, fed to the article schema and the Markdown
 * pipeline exactly as the build runs them. No input may crash either; the
 * schema answers success or issues that name the field; the pipeline's HTML
 * never carries anything executable. A failing case prints its seed and the
 * shrunk input, to be turned into a fixture.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { articleSchema, knownFields } from '../../src/lib/articleSchema.ts';
import { markdownOptions } from '../../src/plugins/markdownOptions.ts';
import { runBuild, TMP_ROOT } from '../support/buildSite.ts';

const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });

/** Characters that break naive code: astral CJK, joiners, bidi overrides, NUL, lone surrogates, CRLF. */
const oddCharacter = fc.constantFrom('𠮷', '𪚥', '\u200b', '\u200d', '\ufeff', '\u202e', '\u2066', 'مرحبا', 'שלום', '🧧', '👨‍👩‍👧', '\u0000', '\ud800', '\udfff', '\r\n', '\t', '　', '“', '”', '……');
const unicodeText = fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), oddCharacter, fc.constantFrom('茂', '名', '晚', '报')), maxLength: 12 });

const hostileHtml = fc.constantFrom(
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>', '<a href="java\tscript:alert(1)">x</a>', '<a href="vbscript:x">x</a>',
  '<iframe src="https://evil.example/"></iframe>', '<svg onload=alert(1)><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', '<style>*{display:none}</style>',
  '<p style="color:red" onclick="alert(1)">x</p>', '<object data="x"></object>', '<embed src="x">',
  '<form action="https://evil.example/"><input name="p"><button>提交</button></form>', '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>', '<title>t</title>', '</script><script>alert(1)</script>',
  '<img src="data:image/svg+xml,<svg onload=alert(1)>">', '<details open ontoggle=alert(1)>', '<!-- x --><![CDATA[ y ]]>',
  '<a href="https://example.org/" target="_blank">ok</a>', '<img src="./photo.jpg" alt="图">', '<table><tr><td>格</td></tr></table>',
);
const markdownSyntax = fc.constantFrom(
  '# ', '## ', '\n', '\n\n', '> ', '- ', '1. ', '**', '*', '_', '~~', '`', '```\n', '| 甲 | 乙 |\n| --- | --: |\n| 1 | 2 |\n',
  '[^1]', '\n[^1]: ', '[链接](', '](javascript:alert(1))', '![图](', '<', '>', '&', '"', "'", '\\', '---\n', '    ', '- [ ] ',
  '<div>', '</div>', '<p>', '</p>', '<a href="', '">', ' on', 'error=', 'javascript:', 'data:', '<https://example.org>', '\u3000\u3000',
);
const markdown = fc.array(fc.oneof(unicodeText, hostileHtml, markdownSyntax), { maxLength: 30 }).map((parts) => parts.join(''));

const FORBIDDEN_TAGS = new Set(['script', 'style', 'iframe', 'frame', 'object', 'embed', 'form', 'svg', 'math', 'base', 'meta', 'link', 'noscript', 'template', 'button', 'textarea', 'select']);
const SAFE_URL = { href: /^(https?:|mailto:|[^:]*$)/i, src: /^(https:|[^:]*$)/i, cite: /^(https?:|[^:]*$)/i } as Record<string, RegExp>;

/** Anything executable or off-policy in rendered HTML, parsed as a page would be. */
function offPolicy(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const found: string[] = [];
  for (const element of document.body.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (FORBIDDEN_TAGS.has(tag)) found.push(`<${tag}>`);
    for (const { name, value } of element.attributes) {
      if (/^on/i.test(name) || ['style', 'srcdoc', 'formaction', 'action', 'srcset'].includes(name)) found.push(`${tag}[${name}]`);
      const rule = SAFE_URL[name];
      // The browser ignores tabs and newlines inside a scheme, so the check does too.
      if (rule && !rule.test(value.replace(/[\t\n\r]/g, '').trim())) found.push(`${tag}[${name}=${value}]`);
    }
  }
  return found;
}

describe('the Markdown pipeline, on random input', () => {
  it('never throws and never outputs anything executable', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (input) => {
        const { code } = await processor.render(input);
        expect(typeof code).toBe('string');
        expect(offPolicy(code)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('the off-policy check does catch what it is meant to (canary)', () => {
    expect(offPolicy('<p onclick="x" style="a">x</p><a href="java\nscript:alert(1)">y</a><script></script>')).toEqual([
      'p[onclick]', 'p[style]', 'a[href=java\nscript:alert(1)]', '<script>',
    ]);
  });
});

/** Frontmatter as YAML would hand it over: known fields with plausible or absurd values, and stray keys. */
const fieldValue = fc.oneof(
  unicodeText, fc.string(), fc.constantFrom('2022-02-24', '2022-02-30', '2022-2-24', ' 2022-02-24 ', '0000-00-00', '99999-01-01', ''),
  fc.date({ noInvalidDate: false }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(unicodeText, { maxLength: 3 }),
  fc.anything(),
);
const frontmatter = fc.oneof(
  fc.dictionary(fc.oneof(fc.constantFrom(...knownFields), unicodeText), fieldValue, { maxKeys: 8 }),
  fc.record({ title: unicodeText, date: fieldValue }, { requiredKeys: [] }),
  fc.anything(),
);

describe('frontmatter validation, on random input', () => {
  it('never throws; answers valid data or issues that each name a field and say what is wrong', () => {
    fc.assert(
      fc.property(frontmatter, (data) => {
        const result = articleSchema.safeParse(data);
        if (result.success) {
          expect(result.data.title.trim()).toBe(result.data.title);
          expect(result.data.title.length).toBeGreaterThan(0);
          expect(result.data.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          return;
        }
        expect(result.error.issues.length).toBeGreaterThan(0);
        for (const issue of result.error.issues) {
          expect(issue.message.length).toBeGreaterThan(0);
          // An issue is about a field, or about the whole frontmatter not being a mapping.
          if (issue.path.length > 0) expect(knownFields).toContain(String(issue.path[0]));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a build of a random invalid article fails with a message that names the file and the field', () => {
    const [data] = fc.sample(
      fc.record({ title: fc.constantFrom('', '   '), date: fc.constantFrom('2022-13-01', 'yesterday'), page: fc.constantFrom(-1, 0, 1.5) }),
      { numRuns: 1, seed: 20220224 },
    );
    const folder = path.join(TMP_ROOT, 'property-content');
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'broken-article.md'), `---\n${stringify(data)}---\n\n正文。\n`);
    const result = runBuild({ key: 'property-build', contentDir: folder });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('broken-article.md');
    expect(result.output).toMatch(/title/);
  });
});
