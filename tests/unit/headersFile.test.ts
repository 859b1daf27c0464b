/**
 * public/_headers: the caching rules as Cloudflare Pages applies them (every
 * matching rule adds its headers; a header set twice is joined with ", "),
 * and within both hosts' syntax limits.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Rule {
  path: string;
  headers: [string, string][];
}

function parseHeaders(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (/^\s/.test(line)) {
      const [name, ...value] = line.trim().split(':');
      rules.at(-1)!.headers.push([name!.trim().toLowerCase(), value.join(':').trim()]);
    } else {
      rules.push({ path: line.trim(), headers: [] });
    }
  }
  return rules;
}

const matches = (pattern: string, url: string) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '.*')}$`).test(url);

const rules = parseHeaders(readFileSync('public/_headers', 'utf8'));
const cacheControl = (url: string) =>
  rules
    .filter((rule) => matches(rule.path, url))
    .flatMap((rule) => rule.headers.filter(([name]) => name === 'cache-control').map(([, value]) => value))
    .join(', ');

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=0, must-revalidate';

describe('public/_headers caching', () => {
  it('caches hashed assets and index chunks for a year, immutable', () => {
    for (const url of ['/_astro/index.B3xk9Q.css', '/_astro/searchPage.astro_astro_type_script.Cx1.js', '/pagefind/index/zh-cn_9ac0.pf_index', '/pagefind/filter/zh-cn_77aa.pf_filter']) {
      expect(cacheControl(url), url).toBe(IMMUTABLE);
    }
  });

  it('revalidates HTML and the index entry points, and never mixes two rules', () => {
    for (const url of ['/', '/2022/02/24/fu-shan-ling-yun-hai/', '/2022/', '/1998/07/01/', '/search/', '/tags/天气/2/', '/reporters/', '/404.html', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/fragment/4xk.pf_fragment']) {
      expect(cacheControl(url), url).toBe(REVALIDATE);
    }
  });

  it('stays within Netlify (splat only at the end) and Cloudflare (one splat) syntax', () => {
    for (const { path, headers } of rules) {
      expect(path.startsWith('/'), path).toBe(true);
      expect(path.split('*').length - 1, path).toBeLessThanOrEqual(1);
      if (path.includes('*')) expect(path.endsWith('*'), path).toBe(true);
      expect(headers.length, path).toBeGreaterThan(0);
    }
  });
});
